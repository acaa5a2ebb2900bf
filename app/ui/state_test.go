package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStateOpen(t *testing.T) {
	saved := "r1=25&weeks=40&cur=EUR&lang=es"
	tests := []struct {
		name, link, saved, browser string
		visitors                   int64
		lang, cur                  string
		notices                    []funnel.Field
		ordered                    bool
		stale                      bool
	}{
		{name: "bare link is the seed", visitors: 3200, lang: "en", cur: "USD"},
		{name: "browser language applies", browser: "es", visitors: 3200, lang: "es", cur: "USD"},
		{name: "link language wins", link: "lang=en", browser: "es", visitors: 3200, lang: "en", cur: "USD"},
		{name: "link inputs", link: "r1=25&cur=MXN", visitors: 6400, lang: "en", cur: "MXN"},
		{name: "bare link reopens the saved scenario", saved: saved, visitors: 6400, lang: "es", cur: "EUR"},
		{name: "any link ignores the saved scenario", link: "lang=en&cur=COP", saved: saved, visitors: 3200, lang: "en", cur: "COP"},
		{name: "a link with inputs ignores the saved scenario", link: "r2=25", saved: saved, visitors: 6400, lang: "en", cur: "USD"},
		{name: "corrupt storage falls back to the seed", saved: "%zz", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "invalid stored value falls back to the seed", saved: "r1=abc", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "a language the app does not speak is ignored", link: "lang=fr&r1=25", browser: "es", visitors: 6400, lang: "es", cur: "USD",
			notices: []funnel.Field{funnel.FieldLang}},
		{name: "notices keep the link's order", link: "cur=zzz&lang=fr&reps=-1", visitors: 3200, lang: "en", cur: "USD",
			notices: []funnel.Field{funnel.FieldReps, funnel.FieldLang, funnel.FieldCur}, ordered: true},
		{name: "hostile link keeps the valid parameters", link: "goal=-5&r2=abc&r3=1e400&r1=25&weeks=%3Cscript%3E", visitors: 6400, lang: "en", cur: "USD",
			notices: []funnel.Field{funnel.FieldGoal, funnel.FieldR2, funnel.FieldR3, funnel.FieldWeeks}},
		{name: "malformed encoding is named, the rest applies", link: "goal=%zz&r1=25", visitors: 6400, lang: "en", cur: "USD",
			notices: []funnel.Field{funnel.FieldGoal}},
		{name: "a malformed key is named as written", link: "r1=25&go%zzal=5", visitors: 6400, lang: "en", cur: "USD",
			notices: []funnel.Field{"go%zzal"}},
		{name: "a semicolon names each parameter it holds", link: "r1=25;weeks=40&r2=25", visitors: 6400, lang: "en", cur: "USD",
			notices: []funnel.Field{funnel.FieldR1, funnel.FieldWeeks}},
		{name: "a malformed link still ignores the saved scenario", link: "goal=%zz", saved: saved, visitors: 3200, lang: "en", cur: "USD",
			notices: []funnel.Field{funnel.FieldGoal}},
		{name: "a huge stored value is unreadable", saved: strings.Repeat("a", 2<<20), visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "a huge stored value of valid pairs is unreadable", saved: strings.Repeat("r1=25&", 1000), visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "lone surrogates (U+FFFD from the browser) are unreadable", saved: "r1=25&\uFFFD=1", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "a lone surrogate in a value is unreadable", saved: "r1=25&cur=\uFFFD", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "invalid UTF-8 is unreadable", saved: "r1=25&\xff=1", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "unknown stored keys are unreadable", saved: "r1=25&utm=1", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "a stored semicolon is unreadable", saved: "r1=25;weeks=40", visitors: 3200, lang: "en", cur: "USD", stale: true},
		{name: "a stored scenario past the limits is unreadable", saved: "mode=forecast&ticket=132000000000&visits=100000000000", visitors: 3200, lang: "en", cur: "USD", stale: true},
		// goal 10^13 / ticket 1,000 is 10^10 customers and 3.2e11 visitors;
		// ticket 0.01 (10^15 customers), then r1 or r2 at 0.01 % (1.6e15
		// visitors) would pass 10^15 people: each is ignored and named.
		{name: "too large together ignores the parameters that break it", link: "goal=10000000000000&ticket=0.01&r1=0.01&r2=0.01&weeks=40&cur=EUR",
			visitors: 320_000_000_000, lang: "en", cur: "EUR",
			notices: []funnel.Field{funnel.FieldTicket, funnel.FieldR1, funnel.FieldR2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newState()
			s.open(tt.link, tt.saved, tt.browser)
			assert.Equal(t, tt.visitors, s.result.plan.Stages[funnel.Visitors].Year)
			assert.Equal(t, tt.lang, s.sc.Lang)
			assert.Equal(t, tt.cur, s.sc.Cur)
			assert.Equal(t, tt.stale, s.stale)
			var fields []funnel.Field
			for _, n := range s.notices {
				fields = append(fields, n.Field)
			}
			if tt.ordered {
				assert.Equal(t, tt.notices, fields)
			} else {
				assert.ElementsMatch(t, tt.notices, fields)
			}
		})
	}
}

func TestStateInput(t *testing.T) {
	t.Run("a slider recomputes and clears the typed text", func(t *testing.T) {
		s := newState()
		s.edits[funnel.FieldR1] = "2"
		require.True(t, s.slid(funnel.FieldR1, "25"))
		assert.Equal(t, int64(6400), s.result.plan.Stages[funnel.Visitors].Year)
		assert.Equal(t, "25", s.boxText(funnel.FieldR1, formatFor("en", "USD")))
		assert.Equal(t, "25", s.sc.Query().Get("r1"))
	})
	t.Run("the same value changes nothing and recomputes nothing", func(t *testing.T) {
		s := newState()
		s.result = results{} // a recompute would fill it again
		before := s.fieldView(funnel.FieldR1)
		require.False(t, s.slid(funnel.FieldR1, "50"))
		assert.Equal(t, before, s.fieldView(funnel.FieldR1))
		assert.Zero(t, s.result.plan.Stages[funnel.Visitors].Year, "no recompute")

		require.False(t, s.typed(funnel.FieldTicket, "0", "."))
		require.False(t, s.typed(funnel.FieldTicket, "1000", "."), "the value shown")
		assert.Nil(t, s.errs[funnel.FieldTicket], "the error goes")
	})
	t.Run("invalid text keeps the last valid result and the typed text", func(t *testing.T) {
		s := newState()
		require.False(t, s.typed(funnel.FieldTicket, "0", "."))
		assert.Equal(t, int64(3200), s.result.plan.Stages[funnel.Visitors].Year)
		assert.Equal(t, "0", s.boxText(funnel.FieldTicket, formatFor("en", "USD")))
		assert.Equal(t, []funnel.Field{funnel.FieldTicket}, s.staleFields())
		require.NotNil(t, s.errs[funnel.FieldTicket])
		assert.Equal(t, funnel.CodeTooSmall, s.errs[funnel.FieldTicket].Code)
		assert.Equal(t, "1000", s.sc.Query().Get("ticket"))

		s.left(funnel.FieldTicket)
		assert.Equal(t, "1,000", s.boxText(funnel.FieldTicket, formatFor("en", "USD")), "leaving an invalid box brings back the value in force")
		assert.Empty(t, s.staleFields())
		require.True(t, s.typed(funnel.FieldTicket, "500", "."))
		assert.Nil(t, s.errs[funnel.FieldTicket])
		assert.Equal(t, int64(6400), s.result.plan.Stages[funnel.Visitors].Year)
		s.left(funnel.FieldTicket)
		assert.Equal(t, "500", s.boxText(funnel.FieldTicket, formatFor("en", "USD")))
	})
	t.Run("a combination past the limit is an error beside the field", func(t *testing.T) {
		s := newState()
		require.True(t, s.typed(funnel.FieldGoal, "10000000000000", "."))
		require.True(t, s.typed(funnel.FieldTicket, "1", "."))
		require.False(t, s.typed(funnel.FieldR1, "0.01", "."))
		assert.Equal(t, funnel.CodeResultLarge, s.errs[funnel.FieldR1].Code)
		assert.Equal(t, "50", s.sc.Text(funnel.FieldR1))
	})
	t.Run("a lever past the revenue limit leaves the scenario applied", func(t *testing.T) {
		// 7,500 customers x 132,000,000,000 is 9.9e14 a year, under the
		// limit; +1 pp on a rate would pass it, so only the sensitivity
		// is left out.
		s := newState()
		s.open("mode=forecast&ticket=132000000000", "", "")
		assert.Empty(t, s.notices)
		assert.Equal(t, "132000000000", s.sc.Text(funnel.FieldTicket))
		assert.Equal(t, funnel.Money(99_000_000_000_000_000), s.result.forecast.TrafficRevenue)
		assert.Zero(t, s.result.sens.Step, "no sensitivity")
		require.True(t, s.set(funnel.FieldMode, "plan"))
		require.True(t, s.set(funnel.FieldMode, "forecast"))
	})
	t.Run("mode, language and currency", func(t *testing.T) {
		s := newState()
		require.True(t, s.set(funnel.FieldMode, "forecast"))
		assert.Equal(t, funnel.ModeForecast, s.result.sens.Mode)
		require.True(t, s.set(funnel.FieldCur, "MXN"))
		require.True(t, s.set(funnel.FieldLang, "es"))
		assert.False(t, s.set(funnel.FieldCur, "XXX"))
		assert.Equal(t, "MXN", s.sc.Cur)
	})
}

// TestLogSliderSteps checks every position of a log slider moves its value
// (arrow keys never get stuck) and lands on three significant digits.
func TestLogSliderSteps(t *testing.T) {
	for _, k := range []control{goalControls[0], goalControls[1], forecastControls[0]} {
		prev := ""
		for pos := 0; pos <= logSteps; pos++ {
			text := k.text(strconv.Itoa(pos))
			require.NotEqual(t, prev, text, "%s: position %d repeats %s", k.field, pos, text)
			digits := strings.TrimLeft(strings.TrimRight(strings.ReplaceAll(text, ".", ""), "0"), "0")
			require.LessOrEqual(t, len(digits), 3, "%s: %s", k.field, text)
			var sc funnel.Scenario
			require.NoError(t, sc.Inputs.Set(k.field, text), "%s: %s", k.field, text)
			prev = text
		}
	}
}

func TestTypedNumber(t *testing.T) {
	money, rate, count := funnel.KindMoney, funnel.KindRate, funnel.KindCount
	tests := []struct {
		text string
		kind funnel.Kind
		mark string
		want string
	}{
		{"2,75", rate, ",", "2.75"},
		{"1.000,5", money, ",", "1000.5"},
		{"2.75", rate, ",", "2.75"},
		{"100.000", money, ",", "100000"},
		{"1.234.567", count, ",", "1234567"},
		{" 100 000 ", money, ",", "100000"},
		{"100,000", money, ".", "100000"},
		{"1,000.5", money, ".", "1000.5"},
		{"2,75", rate, ".", "2.75"},
		{"2.75", rate, ".", "2.75"},
		{"abc", money, ".", "abc"},
		{"1.2.3", money, ",", "1.2.3"},
		// What people type and paste.
		{"250k", money, ".", "250000"},
		{"250K", money, ".", "250000"},
		{"$250,000", money, ".", "250000"},
		{"$ 250,000.50", money, ".", "250000.50"},
		{"US$250k", money, ".", "250000"},
		{"250.000 €", money, ",", "250000"},
		{"R$ 1.234,56", money, ",", "1234.56"},
		{"1,5M", money, ",", "1500000"},
		{"1.5M", money, ".", "1500000"},
		{"2 mil", money, ",", "2000"},
		{"1,25 mil", money, ",", "1250"},
		{"0.0015k", money, ".", "1.5"},
		{"20k", count, ".", "20000"},
		{"2,5 %", rate, ",", "2.5"},
		{"2.5%", rate, ".", "2.5"},
		{"12 USD", money, ".", "12"},
		// Not numbers: funnel names the problem.
		{"5%", money, ".", "5%"},
		{"2k%", rate, ".", "2k%"},
		{"$", money, ".", ""},
		{"k", money, ".", "k"},
		{"1e6", money, ".", "1e6"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, typedNumber(tt.text, tt.kind, tt.mark), "%q with %q", tt.text, tt.mark)
	}
	for _, tt := range []struct{ in, want string }{{"1.5", "1500000"}, {"0.000001", "1"}, {"12", "12000000"}, {"0.5", "500000"}} {
		assert.Equal(t, tt.want, shiftPoint(tt.in, 6), tt.in)
	}
	s := newState()
	require.True(t, s.typed(funnel.FieldR1, "2,75", ","))
	assert.Equal(t, "2.75", s.sc.Text(funnel.FieldR1))
	s.left(funnel.FieldR1)
	assert.Equal(t, "2,75", s.boxText(funnel.FieldR1, formatFor("es", "EUR")))
}

// TestForecastExport checks the forecast's CSV rows and text follow the
// forecast shown (visitors 240,000.0 … customers 7,500.0 for the seed).
func TestForecastExport(t *testing.T) {
	f, err := funnel.ComputeForecast(funnel.Defaults())
	require.NoError(t, err)
	tx := text.For("en")
	header, rows := expectedRows(tx, f, ".")
	assert.Equal(t, []string{"Stage", "Expected per year"}, header)
	assert.Equal(t, []string{"Visitors", "240000.0"}, rows[0])
	assert.Equal(t, []string{"Customers", "7500.0"}, rows[5])
	out := forecastText(tx, formatFor("en", "USD"), f, funnel.Defaults(), "")
	assert.Contains(t, out, "Sales capacity is the bottleneck")
	assert.Contains(t, out, "Revenue the traffic yields: $7,500,000")
	assert.Contains(t, out, "Revenue the sales team can carry: $144,000")
}

// TestFieldErrorOf: funnel's errors reach the screen as they are, wrapped
// or not; any other error becomes an unknown result, never a panic.
func TestFieldErrorOf(t *testing.T) {
	assert.Nil(t, fieldErrorOf(nil))
	_, err := funnel.ComputePlan(funnel.Inputs{})
	var fe *funnel.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Same(t, fe, fieldErrorOf(err))
	assert.Same(t, fe, fieldErrorOf(fmt.Errorf("plan: %w", err)))
	assert.Equal(t, &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeUnknown}, fieldErrorOf(errors.New("other")))
	en := text.For("en")
	assert.Equal(t, en.Errors[funnel.CodeUnknown], fieldError(en, fieldErrorOf(errors.New("other")), formatFor("en", "USD")))
}

// TestNudge: ↑/↓ in a box and PageUp/PageDown on a slider land on the
// step's multiples, within the slider's range.
func TestNudge(t *testing.T) {
	r1, weeks, goal := rateControls[0], teamControls[0], goalControls[0]
	tests := []struct {
		k     control
		value int64
		n     int
		want  string
	}{
		{r1, 275, 1, "2.8"},
		{r1, 275, -1, "2.7"},
		{r1, 280, 1, "2.9"},
		{r1, 280, -1, "2.7"},
		{r1, 280, 10, "3.8"},
		{r1, 5000, -10, "49"},
		{r1, 9995, 1, "100"},
		{r1, 10000, 10, "100"},
		{r1, 10, -1, "0.1"},
		{r1, 1, -1, "0.01"}, // below the slider: it stays
		{r1, 1, 1, "0.1"},
		{weeks, 48, 1, "49"},
		{weeks, 48, 10, "53"},
		{weeks, 1, -1, "1"},
		{goal, 10_000_000, 1, "101000"},
		{goal, 10_000_000, -1, "99500"},
		{goal, 10_000_000, -2, "98200"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.k.nudge(tt.value, tt.n), "%s %d %+d", tt.k.field, tt.value, tt.n)
	}
}

// TestSmallFigures: a need that is not zero never shows as 0.0, and the
// load one rep fewer would carry is never shown at the cap it exceeds.
func TestSmallFigures(t *testing.T) {
	n := formatFor("en", "USD")
	assert.Equal(t, "< 0.1", perShown(n, 0, 1))
	assert.Equal(t, "0.0", perShown(n, 0, 0))
	assert.Equal(t, "0.1", perShown(n, 1, 5))
	assert.Equal(t, "< 0,1", perShown(formatFor("es", "EUR"), 0, 1))

	// 1 customer a year at 50 %: 32 visitors, 0.7 a week, 0.0 customers a
	// week shown as "< 0.1".
	s := newState()
	s.open("goal=1000&ticket=1000&lang=en", "", "")
	html := app.HTMLString(stageTable(text.For("en"), n, s.result.plan, true))
	assert.Contains(t, html, "&lt; 0.1")
}
