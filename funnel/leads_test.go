package funnel_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func TestTrafficAndLeads(t *testing.T) {
	visitorsErr := func(c funnel.Code) *funnel.FieldError {
		return &funnel.FieldError{Field: funnel.FieldVisits, Code: c, Min: 0, Max: funnel.MaxPeople}
	}
	leadsErr := func(c funnel.Code) *funnel.FieldError {
		return &funnel.FieldError{Field: funnel.FieldLeads, Code: c, Min: 0, Max: funnel.MaxPeople}
	}
	r1Err := func(c funnel.Code) *funnel.FieldError {
		return &funnel.FieldError{Field: funnel.FieldR1, Code: c, Min: 1, Max: 10000, Scale: 2}
	}
	tooLarge := &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}

	t.Run("leads from visitors", func(t *testing.T) {
		tests := []struct {
			name     string
			visitors int64
			r1       funnel.Rate
			want     int64
			err      *funnel.FieldError
		}{
			{"seed 001: 3,334 at 3 % reach 100", 3334, 300, 100, nil},
			{"seed 001: the article's 3,200 give 96", 3200, 300, 96, nil},
			{"rounds down", 33, 300, 0, nil},
			{"nobody", 0, 300, 0, nil},
			{"all of MaxPeople", funnel.MaxPeople, 10000, funnel.MaxPeople, nil},
			{"negative visitors", -1, 300, 0, visitorsErr(funnel.CodeTooSmall)},
			{"too many visitors", funnel.MaxPeople + 1, 300, 0, visitorsErr(funnel.CodeTooLarge)},
			{"0 %", 100, 0, 0, r1Err(funnel.CodeTooSmall)},
			{"past 100 %", 100, 10001, 0, r1Err(funnel.CodeTooLarge)},
		}
		for _, tt := range tests {
			got, err := funnel.LeadsFromVisitors(tt.visitors, tt.r1)
			requireFieldError(t, tt.err, err, tt.name)
			assert.Equal(t, tt.want, got, tt.name)
		}
	})

	t.Run("visitors for leads", func(t *testing.T) {
		tests := []struct {
			name  string
			leads int64
			r1    funnel.Rate
			want  int64
			err   *funnel.FieldError
		}{
			{"seed 001: 100 leads at 3 %", 100, 300, 3334, nil},
			{"exact", 96, 300, 3200, nil},
			{"2.75 %", 11, 275, 400, nil},
			{"none", 0, 1, 0, nil},
			{"exactly MaxPeople", funnel.MaxPeople / 10000, 1, funnel.MaxPeople, nil},
			{"past MaxPeople", funnel.MaxPeople/10000 + 1, 1, 0, tooLarge},
			{"largest", funnel.MaxPeople, 1, 0, tooLarge},
			{"negative leads", -5, 300, 0, leadsErr(funnel.CodeTooSmall)},
			{"too many leads", funnel.MaxPeople + 1, 300, 0, leadsErr(funnel.CodeTooLarge)},
			{"0 %", 100, 0, 0, r1Err(funnel.CodeTooSmall)},
		}
		for _, tt := range tests {
			got, err := funnel.VisitorsForLeads(tt.leads, tt.r1)
			requireFieldError(t, tt.err, err, tt.name)
			assert.Equal(t, tt.want, got, tt.name)
		}
	})
}

// TestTrafficAndLeadsRoundTrip: the visitors needed for some leads yield at
// least those leads, and one visitor fewer does not.
func TestTrafficAndLeadsRoundTrip(t *testing.T) {
	r := newRand(2)
	for range 5000 {
		leads := pick(r, 0, funnel.MaxPeople/10000)
		r1 := funnel.Rate(pick(r, 1, 10000))
		visitors, err := funnel.VisitorsForLeads(leads, r1)
		assert.NoError(t, err)
		got, err := funnel.LeadsFromVisitors(visitors, r1)
		assert.NoError(t, err)
		assert.GreaterOrEqual(t, got, leads)
		if visitors > 0 {
			fewer, _ := funnel.LeadsFromVisitors(visitors-1, r1)
			assert.Less(t, fewer, leads, "leads %d at %d", leads, r1)
		}
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		text string
		want int64
		code funnel.Code
	}{
		{"3334", 3334, ""},
		{" 0 ", 0, ""},
		{"1000000000000000", funnel.MaxPeople, ""},
		{"1000000000000001", 0, funnel.CodeTooLarge},
		{"2.5", 0, funnel.CodeDecimals},
		{"-3", 0, funnel.CodeTooSmall},
		{"abc", 0, funnel.CodeNotNumber},
		{"1e3", 0, funnel.CodeNotNumber},
		{strings.Repeat("9", 40), 0, funnel.CodeTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := funnel.ParseCount(funnel.FieldLeads, tt.text)
			if tt.code == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
				return
			}
			fe := fieldErr(t, err)
			assert.Equal(t, funnel.FieldLeads, fe.Field)
			assert.Equal(t, tt.code, fe.Code)
		})
	}
}
