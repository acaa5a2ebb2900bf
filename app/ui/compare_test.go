package ui

import (
	"regexp"
	"strings"
	"testing"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestComparisonRows: the table shows every input, MQLs a week and reps
// needed for both scenarios and the change, as funnel.Compare computes
// them, formatted with the grouped formatter.
func TestComparisonRows(t *testing.T) {
	type cells struct{ a, b, delta string }
	tests := []struct {
		name, lang string
		a, b       func(sc *funnel.Scenario)
		want       map[string]cells
		label      map[string]string
		noDelta    []string // money across currencies
	}{
		{
			// B: goal 200,000, r5 25 %: 3,200 MQLs, 66.7 a week, 8.33 FTE, 9
			// reps; in forecast, 10,000 visitors a month and 5 reps, who
			// review 5 × 8 × 48 = 1,920 MQLs: 120 customers at 25 %.
			name: "en", lang: "en", a: func(*funnel.Scenario) {},
			b: func(sc *funnel.Scenario) {
				sc.Goal, sc.Rates[4], sc.Mode, sc.Visits, sc.Reps = 20_000_000, 2500, funnel.ModeForecast, 10_000, 5
			},
			want: map[string]cells{
				"goal": {"$100,000", "$200,000", "+$100,000"}, "ticket": {"$1,000", "$1,000", "$0"},
				"r1": {"50%", "50%", "0 pp"}, "r5": {"50%", "25%", "\u221225 pp"},
				"weeks": {"48", "48", "0"}, "cap": {"8", "8", "0"}, "calls": {"2", "2", "0"}, "emails": {"3", "3", "0"},
				"visits": {"20,000", "10,000", "\u221210,000"}, "team": {"3", "5", "+2"},
				"mqls-week": {"16.7", "66.7", "+50.0"}, "reps": {"3", "9", "+6"},
				"visitors": {"3,200", "12,800", "+9,600"}, "customers": {"100", "200", "+100"},
				"revenue": {"$144,000", "$120,000", "\u2212$24,000"},
			},
			label: map[string]string{"goal": "Revenue goal per year", "team": "Reps on the team", "mqls-week": "MQLs a week",
				"reps": "Reps needed", "visitors": "Visitors a year"},
		},
		{
			// Grouped in every column, a decimal comma, percentage points.
			name: "es, euros", lang: "es",
			a: func(sc *funnel.Scenario) { sc.Cur = "EUR" },
			b: func(sc *funnel.Scenario) { sc.Cur, sc.Rates[0], sc.Weeks, sc.Cap = "EUR", 2550, 40, 4 },
			// 800 MQLs in 40 weeks: 20,0 a week at 4 each, 5 reps; r1 25,5 %:
			// 1,600 leads need 6,275 visitors (6,274.5…).
			want: map[string]cells{
				"r1": {"50 %", "25,5 %", "\u221224,5 p. p."}, "weeks": {"48", "40", "\u22128"}, "cap": {"8", "4", "\u22124"},
				"mqls-week": {"16,7", "20,0", "+3,3"}, "reps": {"3", "5", "+2"}, "visitors": {"3.200", "6.275", "+3.075"},
				"goal": {"100.000\u00a0€", "100.000\u00a0€", "0\u00a0€"},
			},
			label: map[string]string{"r1": "Visitantes → leads", "visitors": "Visitantes al año"},
		},
		{
			name: "pt, two currencies", lang: "pt",
			a: func(sc *funnel.Scenario) { sc.Cur = "BRL" },
			b: func(sc *funnel.Scenario) { sc.Cur = "USD" },
			want: map[string]cells{
				"mqls-week": {"16,7", "16,7", "0,0"}, "reps": {"3", "3", "0"}, "visits": {"20.000", "20.000", "0"},
			},
			label:   map[string]string{"mqls-week": "MQLs por semana", "customers": "Clientes por ano"},
			noDelta: []string{"goal", "ticket", "revenue"},
		},
	}
	keys := []string{"goal", "ticket", "r1", "r2", "r3", "r4", "r5", "weeks", "cap", "calls", "emails", "visits", "team",
		"mqls-week", "reps", "visitors", "leads", "mqls", "sqls", "opportunities", "customers", "revenue"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := funnel.DefaultScenario(), funnel.DefaultScenario()
			tt.a(&a)
			tt.b(&b)
			c, err := funnel.Compare(a.Inputs, b.Inputs)
			require.NoError(t, err)
			ct := comparisonTable{lang: tt.lang, nameA: "A", nameB: "B", a: a, b: b, cmp: c}
			rows := ct.rows()
			var got []string
			byKey := map[string]cmpRow{}
			for _, r := range rows {
				got = append(got, r.key)
				byKey[r.key] = r
			}
			assert.Equal(t, keys, got, "every input, then the results")
			for k, w := range tt.want {
				r := byKey[k]
				assert.Equal(t, w, cells{r.a, r.b, r.delta}, k)
			}
			for k, w := range tt.label {
				assert.Equal(t, w, byKey[k].label, k)
			}
			for _, k := range tt.noDelta {
				assert.False(t, byKey[k].ok, k)
			}
			assert.Equal(t, c.MQLsWeekDelta, byKey["mqls-week"].raw)
			assert.Equal(t, c.RepsDelta, byKey["reps"].raw)

			html := app.HTMLString(app.Div().Body(ct.render()...))
			for _, k := range keys {
				for _, id := range []string{"cmp-a-" + k, "cmp-b-" + k, "delta-" + k} {
					assert.Contains(t, html, `data-testid="`+id+`"`)
				}
			}
			for k, w := range tt.want {
				if byKey[k].ok {
					assert.Regexp(t, `data-testid="delta-`+k+`"[^>]*>\s*`+regexp.QuoteMeta(w.delta)+`\s*<`, html, k)
				}
				assert.Regexp(t, `data-testid="cmp-b-`+k+`"[^>]*>\s*`+regexp.QuoteMeta(w.b)+`\s*<`, html, k)
			}
			for _, k := range tt.noDelta {
				m := regexp.MustCompile(`data-testid="delta-` + k + `"[^>]*>\s*([^<]*)<`).FindStringSubmatch(html)
				if assert.NotNil(t, m, k) {
					assert.Equal(t, "—", strings.TrimSpace(m[1]), k)
				}
			}
		})
	}
}
