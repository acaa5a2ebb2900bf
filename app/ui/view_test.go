package ui

import (
	"testing"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHold: a held section renders live in view; out of view it stands as
// it was while the scenario moves, until the pause comes, the language,
// the currency or the mode change, or it comes back into view.
func TestHold(t *testing.T) {
	c := &calculator{state: newState()}
	c.view.hidden = map[string]bool{}
	renders := 0
	live := func() app.UI {
		renders++
		return app.P().Text(c.sc.Text(funnel.FieldR1))
	}
	shown := func() string { return app.HTMLString(c.hold(viewSensitivity, live)) }
	move := func(r1 string) {
		t.Helper()
		require.True(t, c.slid(funnel.FieldR1, r1))
	}

	first := shown()
	assert.Equal(t, 1, renders, "the first render is live")

	move("20")
	assert.NotEqual(t, first, shown(), "in view, a move renders live")
	assert.Equal(t, 2, renders)

	c.view.hidden[viewSensitivity] = true
	before := shown()
	move("21")
	move("22")
	assert.Equal(t, before, shown(), "out of view, a move leaves it as it was")
	assert.Equal(t, 2, renders)
	assert.True(t, c.view.held[viewSensitivity].stale)

	require.True(t, c.view.catchUp(), "the pause finds a stale section")
	assert.Contains(t, shown(), "22", "the pause brings it up to date")
	assert.Equal(t, 3, renders)
	assert.False(t, c.view.catchUp(), "nothing is stale after it caught up")

	move("23")
	assert.Contains(t, shown(), "22", "held again on the next move")
	for _, change := range []struct {
		field funnel.Field
		text  string
	}{{funnel.FieldLang, "es"}, {funnel.FieldCur, "EUR"}, {funnel.FieldMode, string(funnel.ModeForecast)}} {
		renders = 0
		require.True(t, c.set(change.field, change.text), change.field)
		shown()
		assert.Equal(t, 1, renders, "%s: another page of sections renders live", change.field)
	}

	move("24")
	c.view.hidden[viewSensitivity] = false
	assert.Contains(t, shown(), "24", "back in view, it renders live")
}
