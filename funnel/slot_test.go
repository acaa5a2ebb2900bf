package funnel

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSlots: every input of the table has a place in Inputs of its own,
// and nothing else has one.
func TestSlots(t *testing.T) {
	var in Inputs
	seen := map[*int64]Field{}
	for _, sp := range InputSpecs {
		p := in.slot(sp.Field)
		if assert.NotNil(t, p, sp.Field) {
			other, shared := seen[p]
			assert.False(t, shared, "%s shares its place with %s", sp.Field, other)
			seen[p] = sp.Field
		}
	}
	for _, f := range []Field{FieldMode, FieldLang, FieldResult, "r6", "x"} {
		assert.Nil(t, in.slot(f), f)
	}
}

func TestSpecOf(t *testing.T) {
	for _, sp := range InputSpecs {
		got, ok := SpecOf(sp.Field)
		assert.True(t, ok)
		assert.Equal(t, sp, got)
		want := KindCount
		switch {
		case sp.Field == FieldGoal || sp.Field == FieldTicket:
			want = KindMoney
		case sp.Limits == rateLimits:
			want = KindRate
		}
		assert.Equal(t, want, sp.Kind, sp.Field)
	}
	_, ok := SpecOf(FieldMode)
	assert.False(t, ok)
}
