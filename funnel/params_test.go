package funnel_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"embudo.app/funnel"
)

func parse(t *testing.T, raw string) (funnel.Scenario, []*funnel.FieldError) {
	t.Helper()
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	return funnel.ParseQuery(q)
}

func TestParseQueryDefaults(t *testing.T) {
	for _, raw := range []string{"", "utm_source=blog&utm_medium=iframe&fbclid=x", "GOAL=5&Goal=5"} {
		s, errs := parse(t, raw)
		assert.Empty(t, errs, raw)
		assert.Equal(t, funnel.DefaultScenario(), s, "missing and unknown keys: %q", raw)
	}
	s, errs := funnel.ParseQuery(nil)
	assert.Empty(t, errs)
	assert.Equal(t, funnel.DefaultScenario(), s)
}

func TestParseQueryFull(t *testing.T) {
	s, errs := parse(t, "goal=250000.50&ticket=1500&r1=2.75&r2=40&r3=33.33&r4=60&r5=25&weeks=46&cap=10"+
		"&calls=3&emails=4&mode=forecast&visits=50000&reps=4&lang=es&cur=MXN&embed=1&step=0.5&lvisits=3200&leads=250"+
		"&solve=r1&past=52000,1480,610,240,95,31&months=6")
	assert.Empty(t, errs)
	assert.Equal(t, funnel.Scenario{
		Inputs: funnel.Inputs{
			Goal: 25_000_050, Ticket: 150_000,
			Rates: [funnel.NumRates]funnel.Rate{275, 4000, 3333, 6000, 2500},
			Weeks: 46, Cap: 10, Calls: 3, Emails: 4, Visits: 50_000, Reps: 4,
		},
		Mode: funnel.ModeForecast, Lang: "es", Cur: "MXN", Embed: true,
		Step: 50, LeadVisits: 3200, LeadsWanted: 250,
		Solve: funnel.FieldR1, Past: funnel.Past{Set: true, Counts: [funnel.NumStages]int64{52000, 1480, 610, 240, 95, 31}, Months: 6},
	}, s)
}

func TestParseQueryEachParam(t *testing.T) {
	tests := []struct {
		raw  string
		want func(*funnel.Scenario) // applied to the default
		err  *funnel.FieldError     // the only error, if any
	}{
		{"goal=100000.01", func(s *funnel.Scenario) { s.Goal = 10_000_001 }, nil},
		{"step=2", func(s *funnel.Scenario) { s.Step = 200 }, nil},
		{"step=5.00", func(s *funnel.Scenario) { s.Step = 500 }, nil},
		{"step=3", nil, &funnel.FieldError{Field: funnel.FieldStep, Code: funnel.CodeUnknown}},
		{"step=abc", nil, &funnel.FieldError{Field: funnel.FieldStep, Code: funnel.CodeNotNumber, Min: 1, Max: 10000, Scale: 2}},
		{"lvisits=0", func(s *funnel.Scenario) { s.LeadVisits = 0 }, nil},
		{"lvisits=", nil, nil},
		{"lvisits=-3", nil, &funnel.FieldError{Field: funnel.FieldLeadVisits, Code: funnel.CodeTooSmall, Max: funnel.MaxPeople}},
		{"leads=0", func(s *funnel.Scenario) { s.LeadsWanted = 0 }, nil},
		{"leads=1.5", nil, &funnel.FieldError{Field: funnel.FieldLeads, Code: funnel.CodeDecimals, Max: funnel.MaxPeople}},
		{"goal=-5", nil, &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeTooSmall, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{"goal=1e400", nil, &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeNotNumber, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{"goal=", nil, &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeNotNumber, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{"goal=%3Cscript%3Ealert(1)%3C/script%3E", nil, &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeNotNumber, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{"ticket=0", nil, &funnel.FieldError{Field: funnel.FieldTicket, Code: funnel.CodeTooSmall, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{"ticket=200000", func(s *funnel.Scenario) { s.Ticket = 20_000_000 }, nil},
		{"r1=0", nil, &funnel.FieldError{Field: funnel.FieldR1, Code: funnel.CodeTooSmall, Min: 1, Max: 10000, Scale: 2}},
		{"r2=2.755", nil, &funnel.FieldError{Field: funnel.FieldR2, Code: funnel.CodeDecimals, Min: 1, Max: 10000, Scale: 2}},
		{"r3=abc", nil, &funnel.FieldError{Field: funnel.FieldR3, Code: funnel.CodeNotNumber, Min: 1, Max: 10000, Scale: 2}},
		{"r4=101", nil, &funnel.FieldError{Field: funnel.FieldR4, Code: funnel.CodeTooLarge, Min: 1, Max: 10000, Scale: 2}},
		{"r5=0.01", func(s *funnel.Scenario) { s.Rates[4] = 1 }, nil},
		{"weeks=0", nil, &funnel.FieldError{Field: funnel.FieldWeeks, Code: funnel.CodeTooSmall, Min: 1, Max: 53}},
		{"weeks=54", nil, &funnel.FieldError{Field: funnel.FieldWeeks, Code: funnel.CodeTooLarge, Min: 1, Max: 53}},
		{"cap=12", func(s *funnel.Scenario) { s.Cap = 12 }, nil},
		{"calls=0", func(s *funnel.Scenario) { s.Calls = 0 }, nil},
		{"emails=1.5", nil, &funnel.FieldError{Field: funnel.FieldEmails, Code: funnel.CodeDecimals, Min: 0, Max: 100}},
		{"visits=0", nil, &funnel.FieldError{Field: funnel.FieldVisits, Code: funnel.CodeTooSmall, Min: 1, Max: 1_000_000_000_000}},
		{"reps=0", func(s *funnel.Scenario) { s.Reps = 0 }, nil},
		{"mode=forecast", func(s *funnel.Scenario) { s.Mode = funnel.ModeForecast }, nil},
		{"mode=Forecast", func(s *funnel.Scenario) { s.Mode = funnel.ModeForecast }, nil},
		{"mode=plan", nil, nil},
		{"mode=", nil, &funnel.FieldError{Field: funnel.FieldMode, Code: funnel.CodeUnknown}},
		{"mode=sla", nil, &funnel.FieldError{Field: funnel.FieldMode, Code: funnel.CodeUnknown}},
		{"lang=es", func(s *funnel.Scenario) { s.Lang = "es" }, nil},
		{"lang=EN", func(s *funnel.Scenario) { s.Lang = "en" }, nil},
		{"lang=", nil, nil},
		{"lang=fr", func(s *funnel.Scenario) { s.Lang = "fr" }, nil}, // the UI knows which it speaks
		{"lang=fra", nil, &funnel.FieldError{Field: funnel.FieldLang, Code: funnel.CodeUnknown}},
		{"lang=%3Cscript%3E", nil, &funnel.FieldError{Field: funnel.FieldLang, Code: funnel.CodeUnknown}},
		{"cur=mxn", func(s *funnel.Scenario) { s.Cur = "MXN" }, nil},
		{"cur=%20eur%20", func(s *funnel.Scenario) { s.Cur = "EUR" }, nil},
		{"cur=BRL", func(s *funnel.Scenario) { s.Cur = "BRL" }, nil},
		{"cur=GBP", nil, &funnel.FieldError{Field: funnel.FieldCur, Code: funnel.CodeUnknown}},
		{"cur=", nil, &funnel.FieldError{Field: funnel.FieldCur, Code: funnel.CodeUnknown}},
		{"embed=1", func(s *funnel.Scenario) { s.Embed = true }, nil},
		{"embed=true", func(s *funnel.Scenario) { s.Embed = true }, nil},
		{"embed=TRUE", func(s *funnel.Scenario) { s.Embed = true }, nil},
		{"embed=0", nil, nil},
		{"embed=false", nil, nil},
		{"embed=", nil, nil},
		{"embed=yes", nil, &funnel.FieldError{Field: funnel.FieldEmbed, Code: funnel.CodeUnknown}},
		{"cur=" + strings.Repeat("A", 33), nil, &funnel.FieldError{Field: funnel.FieldCur, Code: funnel.CodeTooLong}},
		{"mode=" + strings.Repeat("plan", 2500), nil, &funnel.FieldError{Field: funnel.FieldMode, Code: funnel.CodeTooLong}},
		{"r1=" + strings.Repeat("5", 10_000), nil, &funnel.FieldError{Field: funnel.FieldR1, Code: funnel.CodeTooLong, Min: 1, Max: 10000, Scale: 2}},
		{"goal=200000&goal=abc", func(s *funnel.Scenario) { s.Goal = 20_000_000 }, nil},
		{"goal=abc&goal=200000", nil, &funnel.FieldError{Field: funnel.FieldGoal, Code: funnel.CodeNotNumber, Min: 1, Max: 1_000_000_000_000_000, Scale: 2}},
		{"cur=eur&cur=xxx&lang=en&lang=es", func(s *funnel.Scenario) { s.Cur, s.Lang = "EUR", "en" }, nil},
		{"solve=r3", func(s *funnel.Scenario) { s.Solve = funnel.FieldR3 }, nil},
		{"solve=Ticket", func(s *funnel.Scenario) { s.Solve = funnel.FieldTicket }, nil},
		{"solve=", nil, nil},
		{"solve=goal", nil, &funnel.FieldError{Field: funnel.FieldSolve, Code: funnel.CodeUnknown}},
		{"solve=weeks", nil, &funnel.FieldError{Field: funnel.FieldSolve, Code: funnel.CodeUnknown}},
		{"past=52000,1480,610,240,95,31", func(s *funnel.Scenario) {
			s.Past.Set, s.Past.Counts = true, [funnel.NumStages]int64{52000, 1480, 610, 240, 95, 31}
		}, nil},
		{"past=%2010,5,0,0,0,0%20", func(s *funnel.Scenario) { s.Past.Set, s.Past.Counts = true, [funnel.NumStages]int64{10, 5} }, nil},
		{"past=", nil, nil},
		{"past=1,2,3", nil, &funnel.FieldError{Field: funnel.FieldPast, Code: funnel.CodeUnknown}},
		{"past=1,2,3,4,5,6,7", nil, &funnel.FieldError{Field: funnel.FieldPast, Code: funnel.CodeUnknown}},
		{"past=1,2,x,4,5,6", nil, &funnel.FieldError{Field: funnel.FieldPast, Code: funnel.CodeNotNumber, Max: funnel.MaxPeople}},
		{"past=1,2,-3,4,5,6", nil, &funnel.FieldError{Field: funnel.FieldPast, Code: funnel.CodeTooSmall, Max: funnel.MaxPeople}},
		{"past=1,2.5,3,4,5,6", nil, &funnel.FieldError{Field: funnel.FieldPast, Code: funnel.CodeDecimals, Max: funnel.MaxPeople}},
		{"past=" + strings.Repeat("1", 200), nil, &funnel.FieldError{Field: funnel.FieldPast, Code: funnel.CodeTooLong}},
		{"months=36", func(s *funnel.Scenario) { s.Past.Months = 36 }, nil},
		{"months=0", nil, &funnel.FieldError{Field: funnel.FieldMonths, Code: funnel.CodeTooSmall, Min: 1, Max: 36}},
		{"months=37", nil, &funnel.FieldError{Field: funnel.FieldMonths, Code: funnel.CodeTooLarge, Min: 1, Max: 36}},
		{"months=x&past=1,1,1,1,1,1", func(s *funnel.Scenario) { s.Past.Set, s.Past.Counts = true, [funnel.NumStages]int64{1, 1, 1, 1, 1, 1} },
			&funnel.FieldError{Field: funnel.FieldMonths, Code: funnel.CodeNotNumber, Min: 1, Max: 36}},
	}
	for _, tt := range tests {
		t.Run(trim(tt.raw), func(t *testing.T) {
			s, errs := parse(t, tt.raw)
			want := funnel.DefaultScenario()
			if tt.want != nil {
				tt.want(&want)
			}
			assert.Equal(t, want, s)
			if tt.err == nil {
				assert.Empty(t, errs)
			} else {
				assert.Equal(t, []*funnel.FieldError{tt.err}, errs)
			}
		})
	}
}

func TestParseQueryReportsInTableOrderAndKeepsTheRest(t *testing.T) {
	s, errs := parse(t, "embed=x&cur=XXX&r3=0&goal=abc&ticket=2000&weeks=54&mode=forecast&lang=fra&reps=5&utm_campaign=1")
	var fields []funnel.Field
	for _, err := range errs {
		fields = append(fields, err.Field)
	}
	assert.Equal(t, []funnel.Field{funnel.FieldGoal, funnel.FieldR3, funnel.FieldWeeks, funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed}, fields)

	want := funnel.DefaultScenario()
	want.Ticket, want.Mode, want.Reps = 200_000, funnel.ModeForecast, 5
	assert.Equal(t, want, s)
}

func TestParseQueryReportsEveryParamInTableOrder(t *testing.T) {
	q := url.Values{}
	for _, f := range []funnel.Field{funnel.FieldEmbed, funnel.FieldCur, funnel.FieldLang, funnel.FieldMode} {
		q.Set(string(f), "x")
	}
	for _, f := range funnel.InputFields {
		q.Set(string(f), "x")
	}
	_, errs := funnel.ParseQuery(q)
	var fields []funnel.Field
	for _, err := range errs {
		fields = append(fields, err.Field)
	}
	assert.Equal(t, []funnel.Field{
		funnel.FieldGoal, funnel.FieldTicket, funnel.FieldR1, funnel.FieldR2, funnel.FieldR3, funnel.FieldR4, funnel.FieldR5,
		funnel.FieldWeeks, funnel.FieldCap, funnel.FieldCalls, funnel.FieldEmails,
		funnel.FieldMode, funnel.FieldVisits, funnel.FieldReps, funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed,
	}, fields)
}

func TestParseQueryValidatesFieldsNotResults(t *testing.T) {
	s, errs := parse(t, "r1=0.01&r2=0.01&r3=0.01&r4=0.01&r5=0.01")
	assert.Empty(t, errs)
	_, err := funnel.ComputePlan(s.Inputs)
	assert.Equal(t, funnel.CodeResultLarge, fieldErr(t, err).Code)
}

func TestQuery(t *testing.T) {
	q := funnel.DefaultScenario().Query()
	assert.Equal(t, url.Values{
		"goal": {"100000"}, "ticket": {"1000"},
		"r1": {"50"}, "r2": {"50"}, "r3": {"50"}, "r4": {"50"}, "r5": {"50"},
		"weeks": {"48"}, "cap": {"8"}, "calls": {"2"}, "emails": {"3"},
		"visits": {"20000"}, "reps": {"3"}, "mode": {"plan"}, "cur": {"USD"},
	}, q)

	s := funnel.DefaultScenario()
	s.Lang, s.Embed, s.Rates[0], s.Goal = "en", true, 275, 10_000_001
	q = s.Query()
	assert.Equal(t, "en", q.Get("lang"))
	assert.Equal(t, "1", q.Get("embed"))
	assert.Equal(t, "2.75", q.Get("r1"))
	assert.Equal(t, "100000.01", q.Get("goal"))
}

func TestQueryRoundTrip(t *testing.T) {
	r := newRand(3)
	modes := []funnel.Mode{funnel.ModePlan, funnel.ModeForecast}
	langs := []string{"", "es", "en", "pt"}
	for range 2000 {
		s := funnel.Scenario{
			Inputs:      randomInputs(r),
			Mode:        modes[r.IntN(len(modes))],
			Lang:        langs[r.IntN(len(langs))],
			Cur:         funnel.Currencies[r.IntN(len(funnel.Currencies))],
			Embed:       r.IntN(2) == 0,
			Step:        funnel.SensitivitySteps[r.IntN(len(funnel.SensitivitySteps))],
			LeadVisits:  int64(r.IntN(100_000)) - 1,
			LeadsWanted: int64(r.IntN(10_000)),
			Past:        funnel.Past{Months: pick(r, 1, 36)},
		}
		if r.IntN(2) == 0 {
			s.Solve = funnel.SolveFields[r.IntN(len(funnel.SolveFields))]
		}
		if r.IntN(2) == 0 {
			s.Past.Set = true
			for i := range s.Past.Counts {
				s.Past.Counts[i] = pick(r, 0, funnel.MaxPeople)
			}
		}
		raw := s.Query().Encode()
		back, errs := parse(t, raw)
		require.Empty(t, errs, raw)
		require.Equal(t, s, back, raw)
		for k, v := range s.Query() {
			if k != string(funnel.FieldPast) { // six counts: its own limit
				require.LessOrEqual(t, len(v[0]), funnel.MaxParamLen)
			}
		}
	}
}

func TestScenarioSetAndText(t *testing.T) {
	s := funnel.DefaultScenario()
	require.NoError(t, s.Set(funnel.FieldGoal, "5"))
	require.NoError(t, s.Set(funnel.FieldMode, "forecast"))
	require.NoError(t, s.Set(funnel.FieldCur, "clp"))
	require.NoError(t, s.Set(funnel.FieldLang, "es"))
	require.NoError(t, s.Set(funnel.FieldEmbed, "1"))
	texts := map[funnel.Field]string{}
	for _, f := range []funnel.Field{funnel.FieldGoal, funnel.FieldMode, funnel.FieldCur, funnel.FieldLang, funnel.FieldEmbed} {
		texts[f] = s.Text(f)
	}
	assert.Equal(t, map[funnel.Field]string{"goal": "5", "mode": "forecast", "cur": "CLP", "lang": "es", "embed": "1"}, texts)

	require.NoError(t, s.Set(funnel.FieldLang, ""))
	require.NoError(t, s.Set(funnel.FieldEmbed, "false"))
	assert.Equal(t, "", s.Text(funnel.FieldLang))
	assert.Equal(t, "0", s.Text(funnel.FieldEmbed))

	before := s
	requireFieldError(t, &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeUnknown}, s.Set(funnel.FieldResult, "1"))
	requireFieldError(t, &funnel.FieldError{Field: "x", Code: funnel.CodeTooLong}, s.Set("x", strings.Repeat("1", 33)))
	assert.Equal(t, before, s, "unchanged on error")
	assert.Empty(t, s.Text(funnel.FieldResult), "not a field of the scenario")
}

func TestIsLangCode(t *testing.T) {
	for code, want := range map[string]bool{"es": true, "pt": true, "": false, "e": false, "eng": false, "ES": false, "e1": false, "<s": false} {
		assert.Equal(t, want, funnel.IsLangCode(code), code)
	}
}

// TestSplitQuery: every readable pair applies; each one that is not, and
// is about a link parameter (or cannot be told), is reported by its key.
func TestSplitQuery(t *testing.T) {
	type bad struct {
		field funnel.Field
		code  funnel.Code
	}
	long := strings.Repeat("k", 40) + "%zz"
	tests := []struct {
		name, raw string
		want      url.Values
		errs      []bad
	}{
		{"empty", "", url.Values{}, nil},
		{"plain", "goal=5&r1=25&utm_source=x", url.Values{"goal": {"5"}, "r1": {"25"}, "utm_source": {"x"}}, nil},
		{"encoded key and value", "go%61l=1%2C5&cur=+eur", url.Values{"goal": {"1,5"}, "cur": {" eur"}}, nil},
		{"empty pairs and no value", "&&weeks&", url.Values{"weeks": {""}}, nil},
		{"malformed value", "goal=%zz&r1=25", url.Values{"r1": {"25"}}, []bad{{"goal", funnel.CodeEncoding}}},
		{"malformed half escape", "r2=5%&r1=25", url.Values{"r1": {"25"}}, []bad{{"r2", funnel.CodeEncoding}}},
		{"malformed unknown key's value is not ours", "utm=%zz&r1=25", url.Values{"r1": {"25"}}, nil},
		{"malformed key", "go%zzal=5&r1=25", url.Values{"r1": {"25"}}, []bad{{"go%zzal", funnel.CodeEncoding}}},
		{"long malformed key is cut", long + "=1", url.Values{}, []bad{{funnel.Field(strings.Repeat("k", 32) + "…"), funnel.CodeEncoding}}},
		{"semicolon separates nothing", "goal=5;r1=25&weeks=40", url.Values{"weeks": {"40"}},
			[]bad{{"goal", funnel.CodeSeparator}, {"r1", funnel.CodeSeparator}}},
		{"semicolon with unknown and empty parts", "utm=1;;=2;cap=%zz;", url.Values{}, []bad{{"cap", funnel.CodeSeparator}}},
		{"semicolon malformed key", "a%zz=1;b", url.Values{}, []bad{{"a%zz", funnel.CodeSeparator}}},
		{"repeated: bad then good", "goal=%zz&goal=7", url.Values{"goal": {"7"}}, []bad{{"goal", funnel.CodeEncoding}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, errs := funnel.SplitQuery(tt.raw)
			assert.Equal(t, tt.want, q)
			var got []bad
			for _, e := range errs {
				got = append(got, bad{e.Field, e.Code})
				assert.NotEmpty(t, e.Error())
			}
			assert.Equal(t, tt.errs, got)
		})
	}
	assert.True(t, funnel.IsParam("lvisits"))
	assert.False(t, funnel.IsParam("utm_source"))
}
