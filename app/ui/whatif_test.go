package ui

import (
	"encoding/csv"
	"regexp"
	"strings"
	"testing"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sensitivityOrder renders a panel and returns the rate numbers of its rows
// in document order, and each row's data-delta.
func sensitivityOrder(t *testing.T, p *sensitivityPanel) ([]string, map[string]string) {
	t.Helper()
	html := app.HTMLString(p)
	rows := regexp.MustCompile(`<tr[^>]*>`).FindAllString(html, -1)
	var order []string
	deltas := map[string]string{}
	for _, r := range rows {
		id := regexp.MustCompile(`data-testid="sensitivity-r(\d)"`).FindStringSubmatch(r)
		if id == nil {
			continue
		}
		d := regexp.MustCompile(`data-delta="(-?\d+)"`).FindStringSubmatch(r)
		require.NotNil(t, d, "row %s has no data-delta", id[1])
		order = append(order, id[1])
		deltas[id[1]] = d[1]
	}
	return order, deltas
}

func newSensitivityPanel(t *testing.T, in funnel.Inputs, mode funnel.Mode) *sensitivityPanel {
	t.Helper()
	s, err := funnel.ComputeSensitivity(in, mode, funnel.DefaultStep)
	require.NoError(t, err)
	return &sensitivityPanel{Inputs: in, Mode: mode, Lang: "en", Cur: "USD", Step: funnel.DefaultStep, Sens: s}
}

func TestSensitivityPanelOrder(t *testing.T) {
	in := funnel.Defaults()
	order, deltas := sensitivityOrder(t, newSensitivityPanel(t, in, funnel.ModePlan))
	// Seed, +1 pp: 3,200 visitors become 3,138 (r1, r2), 3,140 (r3),
	// 3,144 (r4), 3,152 (r5).
	assert.Equal(t, []string{"1", "2", "3", "4", "5"}, order)
	assert.Equal(t, map[string]string{"1": "-62", "2": "-62", "3": "-60", "4": "-56", "5": "-48"}, deltas)

	in.Rates[2] = 500 // r3 5 %: the weakest rate is the strongest lever
	order, _ = sensitivityOrder(t, newSensitivityPanel(t, in, funnel.ModePlan))
	assert.Equal(t, "3", order[0])

	t.Run("another step", func(t *testing.T) {
		p := newSensitivityPanel(t, funnel.Defaults(), funnel.ModePlan)
		p.Step = 500 // the link's step
		_, deltas := sensitivityOrder(t, p)
		want, err := funnel.ComputeSensitivity(funnel.Defaults(), funnel.ModePlan, 500)
		require.NoError(t, err)
		for _, l := range want.Levers {
			assert.Equal(t, itoa(l.Delta), deltas[itoa(int64(l.Rate))])
		}
	})

	t.Run("forecast measures revenue", func(t *testing.T) {
		order, deltas := sensitivityOrder(t, newSensitivityPanel(t, funnel.Defaults(), funnel.ModeForecast))
		// Sales capacity binds: r1 and r2 do not move revenue. Capacity is
		// 3 x 8 x 48 = 1,152 MQLs; with one of r3..r5 at 51 %: 1,152.0 x
		// 51 % = 587.5, x 50 % = 293.8 (half up), x 50 % = 146.9 customers
		// (any of the three in any place), $146,900 instead of $144,000:
		// +$2,900 each (290000 cents).
		assert.Equal(t, []string{"3", "4", "5", "1", "2"}, order)
		assert.Equal(t, "290000", deltas["3"])
		assert.Equal(t, "0", deltas["1"])
	})
}

func itoa(v int64) string { return numfmt.Plain(v, 0, ".") }

func TestCSV(t *testing.T) {
	plan, err := funnel.ComputePlan(funnel.Defaults())
	require.NoError(t, err)
	tests := []struct {
		lang, cur string
		sep       rune
		mark      string
		week      string // MQLs a week
	}{
		{"en", "USD", ',', ".", "16.7"},
		{"es", "MXN", ',', ".", "16.7"},
		{"es", "EUR", ';', ",", "16,7"},
		{"es", "ARS", ';', ",", "16,7"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"-"+tt.cur, func(t *testing.T) {
			tx := text.For(tt.lang)
			mark := formatFor(tt.lang, tt.cur).Mark()
			assert.Equal(t, tt.mark, mark)
			assert.Equal(t, tt.sep, csvSeparator(mark))
			header, rows := stageRows(tx, plan, mark)
			out := buildCSV(csvSeparator(mark), append([][]string{header}, rows...))
			require.True(t, strings.HasPrefix(out, "\ufeff"), "no byte-order mark")
			assert.Contains(t, out, "\r\n")
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
			r.Comma = tt.sep
			recs, err := r.ReadAll()
			require.NoError(t, err)
			require.Len(t, recs, 7)
			assert.Equal(t, []string{tx.Stage, tx.Year, tx.Quarter, tx.Month, tx.Week}, recs[0])
			assert.Equal(t, []string{tx.Stages[funnel.Visitors], "3200", "800" + tt.mark + "0", "266" + tt.mark + "7", "66" + tt.mark + "7"}, recs[1])
			assert.Equal(t, tt.week, recs[3][4])
		})
	}
	t.Run("quoting", func(t *testing.T) {
		out := buildCSV(';', [][]string{{"a;b", `say "hi"`}, {"Opportunités", "1,5"}})
		assert.Equal(t, "\ufeff\"a;b\";\"say \"\"hi\"\"\"\r\nOpportunités;1,5\r\n", out)
		// Sections apart by a blank row, every row as wide as the widest.
		out = buildCSV(',', [][]string{{"a", "1"}}, [][]string{{"b", "2", "3"}})
		assert.Equal(t, "\ufeffa,1,\r\n,,\r\nb,2,3\r\n", out)
	})
	assert.Equal(t, "0,5", numfmt.Plain(5, 1, ","))
	assert.Equal(t, "12.34", numfmt.Plain(1234, 2, "."))
	assert.Equal(t, "-0.07", numfmt.Plain(-7, 2, "."))
}

func TestSLAText(t *testing.T) {
	plan, err := funnel.ComputePlan(funnel.Defaults())
	require.NoError(t, err)
	tx, n := text.For("en"), formatFor("en", "USD")
	s := slaSentences(tx, n, plan, funnel.Defaults())
	assert.Equal(t, "A goal of $100,000 at $1,000 per customer takes 100 customers a year.", s.Goal)
	assert.Equal(t, "Marketing delivers 16.7 MQLs a week (66.7 a month) to Sales.", s.Marketing)
	assert.Contains(t, s.Sales, "with 3 reps, each reviewing up to 8 MQLs a week (5.6 on average), calling each SQL 2 times and emailing it 3 times a week.")
	assert.Equal(t, "Reps needed: 3 (workload 2.08 FTE).", s.Reps)
	out := slaText(tx, s, "http://x/?a=1")
	for _, part := range []string{s.Goal, "Marketing → Sales: " + s.Marketing, "Sales → Marketing: " + s.Sales, s.Note, "http://x/?a=1"} {
		assert.Contains(t, out, part)
	}

	es := slaSentences(text.For("es"), formatFor("es", "EUR"), plan, funnel.Defaults())
	assert.Equal(t, "Marketing entrega a Ventas 16,7 MQLs por semana (66,7 al mes).", es.Marketing)
}

func TestDecodeScenarios(t *testing.T) {
	valid := scenarioQuery(funnel.DefaultScenario())
	tests := []struct {
		name  string
		raw   string
		names []string
		err   bool
	}{
		{"empty", "", nil, false},
		{"null", "null", nil, false},
		{"not JSON", "{oops", nil, true},
		{"not a list", `{"name":"a"}`, nil, true},
		{"list of numbers", `[1,2]`, nil, true},
		{"valid", `[{"name":"A","query":"` + valid + `"},{"name":" B  two ","query":"r1=25"}]`, []string{"A", "B two"}, false},
		{"bad entries dropped", `[{"name":"","query":"r1=25"},{"name":"A","query":"r1=abc"},{"name":"B","query":"r1=25"},{"name":"B","query":"r1=30"},{"name":"C","query":"%zz"}]`, []string{"B"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := decodeScenarios([]byte(tt.raw))
			assert.Equal(t, tt.err, err != nil, "error: %v", err)
			var names []string
			for _, s := range list {
				names = append(names, s.Name)
			}
			assert.Equal(t, tt.names, names)
		})
	}
	assert.Equal(t, strings.Repeat("x", maxNameRunes), cleanName(strings.Repeat("x", 80)))
}

// TestComparison pins the deltas the browser test expects: A is the seed,
// B doubles the goal and halves r5 (goal 200,000, r5 25 %).
func TestComparison(t *testing.T) {
	a := funnel.DefaultScenario()
	b := a
	b.Goal, b.Rates[4] = 20_000_000, 2500
	c, err := funnel.Compare(a.Inputs, b.Inputs)
	require.NoError(t, err)
	// B: 200 customers, 800 opportunities, 1,600 SQLs, 3,200 MQLs, 6,400
	// leads, 12,800 visitors; 3,200 MQLs / 48 weeks / 8 = 8.33 FTE, 9 reps.
	assert.Equal(t, [funnel.NumStages]int64{9600, 4800, 2400, 1200, 600, 100}, c.StageDelta)
	assert.Equal(t, int64(6), c.RepsDelta)
	// Forecast: 3 reps × 8 × 48 = 1,152 MQLs → 576 SQLs → 288 opportunities
	// → 144 customers at 50 % (A, $144,000) or 72 at 25 % (B, $72,000).
	assert.Equal(t, funnel.Money(-7_200_000), c.RevenueDelta)

	table := comparisonTable{lang: "en", nameA: "A", nameB: "B", a: a, b: b, cmp: c}
	html := app.HTMLString(app.Div().Body(table.render()...))
	for id, want := range map[string]string{"visitors": "+9,600", "reps": "+6", "revenue": "\u2212$72,000", "goal": "+$100,000"} {
		m := regexp.MustCompile(`data-testid="delta-` + id + `"[^>]*>\s*([^<]+)<`).FindStringSubmatch(html)
		if assert.NotNil(t, m, "no delta-%s in %s", id, html) {
			assert.Equal(t, want, strings.TrimSpace(m[1]), id)
		}
	}
}

func TestLeads(t *testing.T) {
	// The article: at 3 %, 100 leads need 3,334 visitors; 3,200 give 96.
	got, err := visitorsFor("100", 300)
	require.Nil(t, err)
	assert.Equal(t, int64(3334), got)
	got, err = leadsFor(" 3200 ", 300)
	require.Nil(t, err)
	assert.Equal(t, int64(96), got)
	_, err = leadsFor("3200", 0)
	assert.Equal(t, &funnel.FieldError{Field: funnel.FieldR1, Code: funnel.CodeTooSmall, Min: 1, Max: 10000, Scale: 2}, err)
	_, err = visitorsFor("1000000000000000", 300)
	assert.Equal(t, &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople}, err)
	for typed, code := range map[string]funnel.Code{
		"": funnel.CodeNotNumber, "12a": funnel.CodeNotNumber, "-5": funnel.CodeTooSmall, "1.5": funnel.CodeDecimals,
		"99999999999999999999": funnel.CodeTooLarge, "2000000000000000000": funnel.CodeTooLarge,
		strings.Repeat("1", 40): funnel.CodeTooLong,
	} {
		_, err := leadsFor(typed, 300)
		if assert.NotNil(t, err, typed) {
			assert.Equal(t, code, err.Code, typed)
		}
	}
}

// TestToolsRender renders every tool in every language without the
// browser: nothing panics and the hooks are there.
func TestToolsRender(t *testing.T) {
	for _, lang := range text.Codes() {
		html := app.HTMLString(app.Div().Body(
			&scenariosPanel{Query: scenarioQuery(funnel.DefaultScenario()), Lang: lang, Cur: "USD",
				list: []savedScenario{{Name: "Base", Query: scenarioQuery(funnel.DefaultScenario())}}},
			&leadsPanel{R1: 300, Visits: 3200, LeadVisits: -1, LeadsWanted: funnel.DefaultLeadsWanted, Lang: lang, Cur: "USD"},
			&guidePanel{Lang: lang, Cur: "USD"},
			&exportPanel{Inputs: funnel.Defaults(), Plan: mustPlan(t), Lang: lang, Cur: "USD"},
		))
		for _, id := range []string{"scenario-name", "scenario-save", "scenario-item", "compare-a", "compare-b",
			"compare-table", "delta-visitors", "delta-reps", "delta-revenue", "leads-visitors", "leads-result",
			"leads-wanted", "leads-visitors-needed", "export-copy", "export-csv", "export-print", "print-signatures"} {
			assert.Contains(t, html, `data-testid="`+id+`"`, lang)
		}
		assert.Regexp(t, `data-testid="leads-result"[^>]*>\s*96<`, html, lang)
		assert.Regexp(t, `data-testid="leads-visitors-needed"[^>]*>\s*`+regexp.QuoteMeta(numfmt.Int(formatFor(lang, "USD"), 3334))+`<`, html, lang)
	}
}

func mustPlan(t *testing.T) funnel.Plan {
	p, err := funnel.ComputePlan(funnel.Defaults())
	require.NoError(t, err)
	return p
}
