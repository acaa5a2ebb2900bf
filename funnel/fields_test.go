package funnel_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func TestDefaults(t *testing.T) {
	in := funnel.Defaults()
	assert.Equal(t, funnel.Inputs{
		Goal: 10_000_000, Ticket: 100_000,
		Rates: [funnel.NumRates]funnel.Rate{5000, 5000, 5000, 5000, 5000},
		Weeks: 48, Cap: 8, Calls: 2, Emails: 3, Visits: 20_000, Reps: 3,
	}, in)
	assert.Empty(t, in.Validate())
	assert.Equal(t, funnel.Scenario{Inputs: in, Mode: funnel.ModePlan, Cur: "USD",
		Step: 100, LeadVisits: -1, LeadsWanted: 100, Past: funnel.Past{Months: 12}}, funnel.DefaultScenario())
}

// TestInputSpecs checks each descriptor against the Inputs field it names:
// Defaults holds its default there, Set stores there (and nowhere else),
// Value and Text read it back, and only the plan's inputs stop ComputePlan.
func TestInputSpecs(t *testing.T) {
	tests := []struct {
		f     funnel.Field
		at    func(*funnel.Inputs) *int64
		text  string // a valid value, in canonical text
		value int64
		plan  bool
	}{
		{funnel.FieldGoal, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Goal) }, "250000.5", 25_000_050, true},
		{funnel.FieldTicket, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Ticket) }, "1500.01", 150_001, true},
		{funnel.FieldR1, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Rates[0]) }, "2.75", 275, true},
		{funnel.FieldR2, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Rates[1]) }, "40", 4000, true},
		{funnel.FieldR3, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Rates[2]) }, "33.33", 3333, true},
		{funnel.FieldR4, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Rates[3]) }, "100", 10000, true},
		{funnel.FieldR5, func(in *funnel.Inputs) *int64 { return (*int64)(&in.Rates[4]) }, "0.01", 1, true},
		{funnel.FieldWeeks, func(in *funnel.Inputs) *int64 { return &in.Weeks }, "46", 46, true},
		{funnel.FieldCap, func(in *funnel.Inputs) *int64 { return &in.Cap }, "10", 10, true},
		{funnel.FieldCalls, func(in *funnel.Inputs) *int64 { return &in.Calls }, "0", 0, true},
		{funnel.FieldEmails, func(in *funnel.Inputs) *int64 { return &in.Emails }, "4", 4, true},
		{funnel.FieldVisits, func(in *funnel.Inputs) *int64 { return &in.Visits }, "50000", 50_000, false},
		{funnel.FieldReps, func(in *funnel.Inputs) *int64 { return &in.Reps }, "100000", 100_000, false},
	}
	require.Len(t, funnel.InputSpecs, len(tests))
	require.Len(t, funnel.InputFields, len(tests))
	for i, tt := range tests {
		t.Run(string(tt.f), func(t *testing.T) {
			sp := funnel.InputSpecs[i]
			assert.Equal(t, tt.f, sp.Field, "field order")
			assert.Equal(t, tt.f, funnel.InputFields[i], "field order")
			assert.Equal(t, tt.plan, sp.Plan)
			lim, ok := funnel.LimitsOf(tt.f)
			assert.True(t, ok)
			assert.Equal(t, sp.Limits, lim)

			in := funnel.Defaults()
			assert.Equal(t, sp.Default, *tt.at(&in), "Defaults holds the table's default")
			def, ok := in.Value(tt.f)
			assert.True(t, ok)
			assert.Equal(t, sp.Default, def)

			require.NoError(t, in.Set(tt.f, tt.text))
			assert.Equal(t, tt.value, *tt.at(&in), "Set stores in the field")
			v, ok := in.Value(tt.f)
			assert.True(t, ok)
			assert.Equal(t, tt.value, v)
			assert.Equal(t, tt.text, in.Text(tt.f))
			s := funnel.DefaultScenario()
			require.NoError(t, s.Set(tt.f, tt.text))
			assert.Equal(t, in, s.Inputs)
			assert.Equal(t, tt.text, s.Text(tt.f))

			require.NoError(t, in.SetValue(tt.f, sp.Default))
			assert.Equal(t, funnel.Defaults(), in, "no other field moved")

			*tt.at(&in) = sp.Limits.Min - 1
			_, err := funnel.ComputePlan(in)
			if tt.plan {
				requireFieldError(t, &funnel.FieldError{Field: tt.f, Code: funnel.CodeTooSmall, Min: lim.Min, Max: lim.Max, Scale: lim.Scale}, err)
			} else {
				assert.NoError(t, err, "the plan does not read it")
			}
			_, err = funnel.ComputeForecast(in)
			requireFieldError(t, &funnel.FieldError{Field: tt.f, Code: funnel.CodeTooSmall, Min: lim.Min, Max: lim.Max, Scale: lim.Scale}, err)
		})
	}
}

func TestLimitsOf(t *testing.T) {
	tests := []struct {
		f    funnel.Field
		want funnel.Limits
	}{
		{funnel.FieldGoal, funnel.Limits{Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{funnel.FieldTicket, funnel.Limits{Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{funnel.FieldR1, funnel.Limits{Min: 1, Max: 10000, Scale: 2}},
		{funnel.FieldR5, funnel.Limits{Min: 1, Max: 10000, Scale: 2}},
		{funnel.FieldWeeks, funnel.Limits{Min: 1, Max: 53}},
		{funnel.FieldCap, funnel.Limits{Min: 1, Max: 1000}},
		{funnel.FieldCalls, funnel.Limits{Min: 0, Max: 100}},
		{funnel.FieldEmails, funnel.Limits{Min: 0, Max: 100}},
		{funnel.FieldVisits, funnel.Limits{Min: 1, Max: 1_000_000_000_000}},
		{funnel.FieldReps, funnel.Limits{Min: 0, Max: 100_000}},
	}
	for _, tt := range tests {
		got, ok := funnel.LimitsOf(tt.f)
		assert.True(t, ok, tt.f)
		assert.Equal(t, tt.want, got, tt.f)
	}
	for _, f := range []funnel.Field{funnel.FieldMode, funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed, funnel.FieldResult, funnel.FieldStep, "x"} {
		_, ok := funnel.LimitsOf(f)
		assert.False(t, ok, f)
	}
	for _, f := range funnel.InputFields {
		_, ok := funnel.LimitsOf(f)
		assert.True(t, ok, f)
	}
}

func TestRateField(t *testing.T) {
	for i, want := range []funnel.Field{funnel.FieldR1, funnel.FieldR2, funnel.FieldR3, funnel.FieldR4, funnel.FieldR5} {
		assert.Equal(t, want, funnel.RateField(i+1))
	}
	assert.Equal(t, funnel.Field("r12"), funnel.RateField(12))
}

func TestStageKeys(t *testing.T) {
	var keys []string
	for _, s := range funnel.Stages {
		keys = append(keys, s.Key())
	}
	assert.Equal(t, []string{"visitors", "leads", "mqls", "sqls", "opportunities", "customers"}, keys)
	assert.Empty(t, funnel.Stage(99).Key())
}

func TestFloat64IsForDisplay(t *testing.T) {
	assert.InDelta(t, 100000.01, funnel.Money(10_000_001).Float64(), 1e-9)
	assert.InDelta(t, 2.75, funnel.Rate(275).Float64(), 1e-12)
	assert.InDelta(t, 16.7, funnel.Tenths(167).Float64(), 1e-12)
	assert.InDelta(t, 2.08, funnel.Hundredths(208).Float64(), 1e-12)
}

// TestSet covers every rule of number parsing, for every field.
func TestSet(t *testing.T) {
	const ok = funnel.Code("")
	tests := []struct {
		f    funnel.Field
		text string
		want int64 // fixed point, when code is ok
		code funnel.Code
	}{
		// goal: money, two decimals.
		{funnel.FieldGoal, "100000", 10_000_000, ok},
		{funnel.FieldGoal, "100000.01", 10_000_001, ok},
		{funnel.FieldGoal, "100000.5", 10_000_050, ok},
		{funnel.FieldGoal, "  2500  ", 250_000, ok},
		{funnel.FieldGoal, "\t7\n", 700, ok},
		{funnel.FieldGoal, "0.01", 1, ok},
		{funnel.FieldGoal, ".5", 50, ok},
		{funnel.FieldGoal, "5.", 500, ok},
		{funnel.FieldGoal, "007", 700, ok},
		{funnel.FieldGoal, "1.50", 150, ok},
		{funnel.FieldGoal, "1.5000", 150, ok},
		{funnel.FieldGoal, "10000000000000", 1_000_000_000_000_000, ok},
		{funnel.FieldGoal, "10000000000000.00", 1_000_000_000_000_000, ok},
		{funnel.FieldGoal, "10000000000000.01", 0, funnel.CodeTooLarge},
		{funnel.FieldGoal, "99999999999999999999999999999999", 0, funnel.CodeTooLarge},
		{funnel.FieldGoal, "9223372036854775808", 0, funnel.CodeTooLarge},
		{funnel.FieldGoal, "0", 0, funnel.CodeTooSmall},
		{funnel.FieldGoal, "0.00", 0, funnel.CodeTooSmall},
		{funnel.FieldGoal, "0.001", 0, funnel.CodeDecimals},
		{funnel.FieldGoal, "1.234", 0, funnel.CodeDecimals},
		{funnel.FieldGoal, "-5", 0, funnel.CodeTooSmall},
		{funnel.FieldGoal, "-0", 0, funnel.CodeTooSmall},
		{funnel.FieldGoal, "-0.001", 0, funnel.CodeTooSmall},
		{funnel.FieldGoal, "-99999999999999999999", 0, funnel.CodeTooSmall},
		{funnel.FieldGoal, "", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "   ", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, ".", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "-", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "--5", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "+5", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "1e400", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "1E3", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "0x10", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "Inf", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "NaN", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "abc", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "1,000", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "1 000", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "1.2.3", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "$100", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "<script>", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, "١٢٣", 0, funnel.CodeNotNumber}, // Arabic-Indic digits
		{funnel.FieldGoal, "12\x00", 0, funnel.CodeNotNumber},
		{funnel.FieldGoal, strings.Repeat("9", 33), 0, funnel.CodeTooLong},
		{funnel.FieldGoal, strings.Repeat("1", 400), 0, funnel.CodeTooLong}, // 1e400 written out
		{funnel.FieldGoal, strings.Repeat("x", 10_000), 0, funnel.CodeTooLong},
		{funnel.FieldGoal, strings.Repeat(" ", 30) + "5", 500, ok},

		// ticket: money.
		{funnel.FieldTicket, "1000", 100_000, ok},
		{funnel.FieldTicket, "0.01", 1, ok},
		{funnel.FieldTicket, "0", 0, funnel.CodeTooSmall},
		{funnel.FieldTicket, "-1000", 0, funnel.CodeTooSmall},
		{funnel.FieldTicket, "10000000000001", 0, funnel.CodeTooLarge},
		{funnel.FieldTicket, "1.001", 0, funnel.CodeDecimals},
		{funnel.FieldTicket, "mil", 0, funnel.CodeNotNumber},

		// rates: percent, two decimals.
		{funnel.FieldR1, "2.75", 275, ok},
		{funnel.FieldR1, "2.750", 275, ok},
		{funnel.FieldR1, "0.01", 1, ok},
		{funnel.FieldR2, "100", 10000, ok},
		{funnel.FieldR3, "33.33", 3333, ok},
		{funnel.FieldR4, "50", 5000, ok},
		{funnel.FieldR5, "100.00", 10000, ok},
		{funnel.FieldR1, "2.755", 0, funnel.CodeDecimals},
		{funnel.FieldR2, "0", 0, funnel.CodeTooSmall},
		{funnel.FieldR3, "0.00", 0, funnel.CodeTooSmall},
		{funnel.FieldR4, "100.01", 0, funnel.CodeTooLarge},
		{funnel.FieldR5, "150", 0, funnel.CodeTooLarge},
		{funnel.FieldR5, "-50", 0, funnel.CodeTooSmall},
		{funnel.FieldR1, "50%", 0, funnel.CodeNotNumber},
		{funnel.FieldR2, "0,5", 0, funnel.CodeNotNumber},

		// weeks: whole, 1..53.
		{funnel.FieldWeeks, "48", 48, ok},
		{funnel.FieldWeeks, "1", 1, ok},
		{funnel.FieldWeeks, "53", 53, ok},
		{funnel.FieldWeeks, "48.0", 48, ok},
		{funnel.FieldWeeks, "0", 0, funnel.CodeTooSmall},
		{funnel.FieldWeeks, "54", 0, funnel.CodeTooLarge},
		{funnel.FieldWeeks, "8.5", 0, funnel.CodeDecimals},
		{funnel.FieldWeeks, "-1", 0, funnel.CodeTooSmall},
		{funnel.FieldWeeks, "forty", 0, funnel.CodeNotNumber},

		// cap: whole, 1..1000.
		{funnel.FieldCap, "8", 8, ok},
		{funnel.FieldCap, "1000", 1000, ok},
		{funnel.FieldCap, "0", 0, funnel.CodeTooSmall},
		{funnel.FieldCap, "1001", 0, funnel.CodeTooLarge},
		{funnel.FieldCap, "7.5", 0, funnel.CodeDecimals},

		// calls and emails: whole, 0..100.
		{funnel.FieldCalls, "0", 0, ok},
		{funnel.FieldCalls, "-0", 0, ok},
		{funnel.FieldCalls, "100", 100, ok},
		{funnel.FieldCalls, "101", 0, funnel.CodeTooLarge},
		{funnel.FieldCalls, "-1", 0, funnel.CodeTooSmall},
		{funnel.FieldCalls, "1.5", 0, funnel.CodeDecimals},
		{funnel.FieldEmails, "3", 3, ok},
		{funnel.FieldEmails, "101", 0, funnel.CodeTooLarge},
		{funnel.FieldEmails, "x", 0, funnel.CodeNotNumber},

		// visits per month: whole, 1..10^12.
		{funnel.FieldVisits, "20000", 20_000, ok},
		{funnel.FieldVisits, "1000000000000", 1_000_000_000_000, ok},
		{funnel.FieldVisits, "1000000000001", 0, funnel.CodeTooLarge},
		{funnel.FieldVisits, "0", 0, funnel.CodeTooSmall},
		{funnel.FieldVisits, "1.5", 0, funnel.CodeDecimals},

		// reps: whole, 0..100000.
		{funnel.FieldReps, "0", 0, ok},
		{funnel.FieldReps, "100000", 100_000, ok},
		{funnel.FieldReps, "100001", 0, funnel.CodeTooLarge},
		{funnel.FieldReps, "-3", 0, funnel.CodeTooSmall},
		{funnel.FieldReps, "2.5", 0, funnel.CodeDecimals},
		{funnel.FieldReps, strings.Repeat("0", 33), 0, funnel.CodeTooLong},
	}
	for _, tt := range tests {
		t.Run(string(tt.f)+"="+trim(tt.text), func(t *testing.T) {
			in := funnel.Defaults()
			before := in
			err := in.Set(tt.f, tt.text)
			lim, _ := funnel.LimitsOf(tt.f)
			if tt.code != ok {
				requireFieldError(t, &funnel.FieldError{Field: tt.f, Code: tt.code, Min: lim.Min, Max: lim.Max, Scale: lim.Scale}, err)
				assert.Equal(t, before, in, "unchanged on error")
				return
			}
			require.NoError(t, err)
			got, _ := in.Value(tt.f)
			assert.Equal(t, tt.want, got)
			// Only that field changed.
			require.NoError(t, in.SetValue(tt.f, mustValue(t, before, tt.f)))
			assert.Equal(t, before, in)
		})
	}
}

func trim(s string) string {
	if len(s) > 20 {
		return s[:20] + "..."
	}
	return s
}

func mustValue(t *testing.T, in funnel.Inputs, f funnel.Field) int64 {
	v, ok := in.Value(f)
	require.True(t, ok, f)
	return v
}

func TestSetOtherFields(t *testing.T) {
	in := funnel.Defaults()
	for _, f := range []funnel.Field{funnel.FieldMode, funnel.FieldCur, funnel.FieldResult, "nope"} {
		requireFieldError(t, &funnel.FieldError{Field: f, Code: funnel.CodeUnknown}, in.Set(f, "1"))
		requireFieldError(t, &funnel.FieldError{Field: f, Code: funnel.CodeUnknown}, in.SetValue(f, 1))
		_, ok := in.Value(f)
		assert.False(t, ok)
		assert.Empty(t, in.Text(f))
	}
	assert.Equal(t, funnel.Defaults(), in)
}

func TestSetValue(t *testing.T) {
	in := funnel.Defaults()
	require.NoError(t, in.SetValue(funnel.FieldR3, 275))
	assert.Equal(t, funnel.Rate(275), in.Rates[2])
	err := in.SetValue(funnel.FieldWeeks, 54)
	requireFieldError(t, &funnel.FieldError{Field: funnel.FieldWeeks, Code: funnel.CodeTooLarge, Min: 1, Max: 53}, err)
	err = in.SetValue(funnel.FieldTicket, 0)
	requireFieldError(t, &funnel.FieldError{Field: funnel.FieldTicket, Code: funnel.CodeTooSmall, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}, err)
	assert.Equal(t, int64(48), in.Weeks)
}

func TestText(t *testing.T) {
	in := funnel.Inputs{
		Goal: 10_000_050, Ticket: 100_001,
		Rates: [funnel.NumRates]funnel.Rate{275, 5000, 1, 10000, 3330},
		Weeks: 48, Cap: 8, Calls: 0, Emails: 3, Visits: 1_000_000_000_000, Reps: 100_000,
	}
	want := map[funnel.Field]string{
		funnel.FieldGoal: "100000.5", funnel.FieldTicket: "1000.01",
		funnel.FieldR1: "2.75", funnel.FieldR2: "50", funnel.FieldR3: "0.01", funnel.FieldR4: "100", funnel.FieldR5: "33.3",
		funnel.FieldWeeks: "48", funnel.FieldCap: "8", funnel.FieldCalls: "0", funnel.FieldEmails: "3",
		funnel.FieldVisits: "1000000000000", funnel.FieldReps: "100000",
	}
	for _, f := range funnel.InputFields {
		assert.Equal(t, want[f], in.Text(f), f)
		back := funnel.Defaults()
		require.NoError(t, back.Set(f, in.Text(f)), f)
		assert.Equal(t, mustValue(t, in, f), mustValue(t, back, f), f)
	}
	assert.Equal(t, "100000", funnel.Defaults().Text(funnel.FieldGoal))
	assert.Equal(t, "-0.05", funnel.Inputs{Goal: -5}.Text(funnel.FieldGoal), "out of range still prints")
}

func TestValidate(t *testing.T) {
	assert.Nil(t, funnel.Defaults().Validate())

	in := funnel.Defaults()
	in.Reps, in.Rates[1], in.Goal, in.Weeks = -1, 10001, 0, 0
	var got []string
	for _, err := range in.Validate() {
		got = append(got, err.Error())
	}
	assert.Equal(t, []string{"goal: below 0.01", "r2: above 100", "weeks: below 1", "reps: below 0"}, got)

	all := funnel.Inputs{}.Validate()
	assert.Len(t, all, 10, "every field but calls, emails and reps accepts 0")
	assert.Equal(t, funnel.FieldGoal, all[0].Field)
}

func TestFieldErrorText(t *testing.T) {
	tests := []struct {
		err  *funnel.FieldError
		want string
	}{
		{&funnel.FieldError{Field: funnel.FieldR2, Code: funnel.CodeNotNumber, Min: 1, Max: 10000, Scale: 2}, "r2: not a number"},
		{&funnel.FieldError{Field: funnel.FieldR2, Code: funnel.CodeDecimals, Min: 1, Max: 10000, Scale: 2}, "r2: at most 2 decimals"},
		{&funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeTooSmall, Min: 1, Max: 1, Scale: 2}, "goal: below 0.01"},
		{&funnel.FieldError{Field: funnel.FieldWeeks, Code: funnel.CodeTooLarge, Min: 1, Max: 53}, "weeks: above 53"},
		{&funnel.FieldError{Field: funnel.FieldCur, Code: funnel.CodeTooLong}, "cur: longer than 32 characters"},
		{&funnel.FieldError{Field: funnel.FieldLang, Code: funnel.CodeUnknown}, "lang: not an allowed value"},
		{&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}, "result: a result past 1000000000000000"},
		{&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: int64(funnel.MaxRevenue), Scale: 2}, "result: a result past 1000000000000000"},
		{&funnel.FieldError{Field: "x", Code: "odd"}, "x: odd"},
		{nil, "<nil>"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
	var err error = &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeNotNumber}
	assert.EqualError(t, err, "goal: not a number")
}
