package ui

import (
	"encoding/csv"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newExportPanel is the export panel for a scenario: the seed with the
// link parameters set, computed by funnel in both modes.
func newExportPanel(t *testing.T, lang, cur string, mode funnel.Mode, set map[funnel.Field]string) *exportPanel {
	t.Helper()
	sc := funnel.DefaultScenario()
	sc.Mode, sc.Lang, sc.Cur = mode, lang, cur
	for f, v := range set {
		require.NoError(t, sc.Set(f, v), f)
	}
	plan, err := funnel.ComputePlan(sc.Inputs)
	require.NoError(t, err)
	fc, err := funnel.ComputeForecast(sc.Inputs)
	require.NoError(t, err)
	return &exportPanel{Inputs: sc.Inputs, Mode: mode, Plan: plan, Forecast: fc, Lang: lang, Cur: cur,
		Query: scenarioQuery(sc), base: "https://calc.example.com/"}
}

// readCSV parses an export: byte-order mark, separator, and every row as
// wide as the others (a strict reader).
func readCSV(t *testing.T, out string, sep rune) [][]string {
	t.Helper()
	body, ok := strings.CutPrefix(out, "\ufeff")
	require.True(t, ok, "no byte-order mark")
	assert.NotContains(t, strings.ReplaceAll(body, "\r\n", ""), "\n", "a line end that is not CRLF")
	r := csv.NewReader(strings.NewReader(body))
	r.Comma = sep
	recs, err := r.ReadAll()
	require.NoError(t, err, body)
	return recs
}

// trimmed drops a row's empty padding at its end.
func trimmed(rec []string) []string {
	for len(rec) > 0 && rec[len(rec)-1] == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}

// TestExportCSVFollowsMode: both modes lead with the inputs the mode
// reads (the screen's labels, values as the link writes them, units),
// then the mode's own figures, then its stage table.
func TestExportCSVFollowsMode(t *testing.T) {
	r1 := map[funnel.Field]string{funnel.FieldR1: "2.75", funnel.FieldGoal: "123456.78"}
	tests := []struct {
		name      string
		lang, cur string
		mode      funnel.Mode
		set       map[funnel.Field]string
		sep       rune
		file      string
		width     int
		inputs    [][]string // the first rows
		figures   [][]string // the rows after the inputs and a blank row, up to the stage table
		stageHead []string
		stage0    []string // the first stage's row
	}{
		{
			name: "plan en", lang: "en", cur: "USD", mode: funnel.ModePlan, sep: ',', file: "embudo-sla.csv", width: 11,
			inputs: [][]string{
				{"Scenario inputs", "Value", "Unit"},
				{"Revenue goal per year", "100000", "USD"},
				{"Average ticket", "1000", "USD"},
				{"Visitors → leads", "50", "%"},
				{"Leads → MQLs", "50", "%"},
				{"MQLs → SQLs", "50", "%"},
				{"SQLs → opportunities", "50", "%"},
				{"Opportunities → customers", "50", "%"},
				{"Work weeks per year", "48", "weeks"},
				{"MQLs one rep reviews per week", "8", "MQLs a week"},
				{"Calls per SQL per week", "2", "calls"},
				{"Emails per SQL per week", "3", "emails"},
			},
			figures: [][]string{
				{"Sales team", "Value", "Unit"},
				{"Reps needed", "3", "reps"},
				{"Rep workload (FTE)", "2.08"},
			},
			stageHead: []string{"Stage", "Per year", "Per quarter", "Per month", "Per week"},
			stage0:    []string{"Visitors", "3200", "800.0", "266.7", "66.7"},
		},
		{
			name: "forecast en", lang: "en", cur: "USD", mode: funnel.ModeForecast, sep: ',', file: "embudo-forecast.csv", width: 11,
			inputs: [][]string{
				{"Scenario inputs", "Value", "Unit"},
				{"Revenue goal per year", "100000", "USD"},
				{"Average ticket", "1000", "USD"},
				{"Visitors → leads", "50", "%"},
				{"Leads → MQLs", "50", "%"},
				{"MQLs → SQLs", "50", "%"},
				{"SQLs → opportunities", "50", "%"},
				{"Opportunities → customers", "50", "%"},
				{"Work weeks per year", "48", "weeks"},
				{"MQLs one rep reviews per week", "8", "MQLs a week"},
				{"Calls per SQL per week", "2", "calls"},
				{"Emails per SQL per week", "3", "emails"},
				{"Visitors per month", "20000", "visitors a month"},
				{"Reps on the team", "3", "reps"},
			},
			// Sales binds: 3 reps x 8 x 48 = 1,152 MQLs, 144.0 customers,
			// $144,000; the traffic alone 7,500.0 and $7,500,000. The goal
			// needs 3,200 visitors a year (267 a month) and 3 reps.
			figures: [][]string{
				{"What you can reach", "Value", "Unit"},
				{"Customers a year you can reach", "144.0", "customers"},
				{"Revenue a year you can reach", "144000.00", "USD"},
				{},
				{"Each constraint on its own", "Value", "Unit"},
				{"Customers the traffic alone would bring", "7500.0", "customers"},
				{"Revenue the traffic yields", "7500000.00", "USD"},
				{"Customers the sales team can close", "144.0", "customers"},
				{"Revenue the sales team can carry", "144000.00", "USD"},
				{},
				{"Team and traffic against the goal", "Value", "Unit"},
				{"Reps on the team", "3", "reps"},
				{"Reps the goal needs", "3", "reps"},
				{"Visitors per month", "20000", "visitors a month"},
				{"Visitors a month the goal needs", "267", "visitors a month"},
			},
			stageHead: []string{"Stage", "Expected per year"},
			stage0:    []string{"Visitors", "240000.0"},
		},
		{
			// A decimal comma: ";" apart, inputs still in link form, the
			// figures with the locale's mark.
			name: "plan es EUR", lang: "es", cur: "EUR", mode: funnel.ModePlan, set: r1, sep: ';', file: "embudo-sla.csv", width: 11,
			inputs: [][]string{
				{"Datos del escenario", "Valor", "Unidad"},
				{"Meta de ingresos anual", "123456.78", "EUR"},
				{"Ticket promedio", "1000", "EUR"},
				{"Visitantes → leads", "2.75", "%"},
			},
		},
		{
			name: "forecast es EUR", lang: "es", cur: "EUR", mode: funnel.ModeForecast, set: r1, sep: ';', file: "embudo-pronostico.csv", width: 11,
			inputs: [][]string{
				{"Datos del escenario", "Valor", "Unidad"},
				{"Meta de ingresos anual", "123456.78", "EUR"},
				{"Ticket promedio", "1000", "EUR"},
				{"Visitantes → leads", "2.75", "%"},
			},
			// 20,000 x 12 x 2.75 % = 6,600 leads … 412.5 customers; sales
			// still binds at 144.0.
			figures: [][]string{
				{"Lo que puedes alcanzar", "Valor", "Unidad"},
				{"Clientes al año que puedes alcanzar", "144,0", "clientes"},
				{"Ingresos al año que puedes alcanzar", "144000,00", "EUR"},
			},
			stageHead: []string{"Etapa", "Esperado al año"},
			stage0:    []string{"Visitantes", "240000,0"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newExportPanel(t, tt.lang, tt.cur, tt.mode, tt.set)
			name, out := p.csvFile()
			assert.Equal(t, tt.file, name)
			recs := readCSV(t, out, tt.sep)
			for i, rec := range recs {
				require.Len(t, rec, tt.width, "row %d", i)
			}
			// Every input the mode reads, in field order, and only those.
			tx := text.For(tt.lang)
			var want []string
			for _, sp := range funnel.InputSpecs {
				if sp.Plan || tt.mode == funnel.ModeForecast {
					want = append(want, tx.Fields[sp.Field])
				}
			}
			var got []string
			i := 1
			for ; i < len(recs) && len(trimmed(recs[i])) > 0; i++ {
				got = append(got, recs[i][0])
			}
			assert.Equal(t, want, got, "the input rows")
			for j, w := range tt.inputs {
				assert.Equal(t, w, trimmed(recs[j]), "row %d", j)
			}
			if tt.figures != nil {
				for j, w := range tt.figures {
					if assert.Less(t, i+1+j, len(recs)) {
						assert.Equal(t, w, trimmed(recs[i+1+j]), "figure row %d", j)
					}
				}
			}
			// The month by month comes last: the calendar's settings, then
			// a row a month (twelve, none before the year by default).
			at := slices.IndexFunc(recs, func(r []string) bool { return r[0] == tx.MonthsTitle })
			require.Positive(t, at, "the month-by-month settings")
			months := recs[at+len(funnel.CalendarFields)+2:]
			require.Len(t, months, 13, "a head and twelve months")
			assert.Equal(t, tx.CalMonth, months[0][0])
			assert.Equal(t, "0000-01", months[1][0])
			assert.Equal(t, "0000-12", months[12][0])
			recs = recs[:at-1]
			// The stage table ends the mode's own sections.
			tail := recs[len(recs)-1-funnel.NumStages:]
			if tt.stageHead != nil {
				assert.Equal(t, tt.stageHead, trimmed(tail[0]))
				assert.Equal(t, tt.stage0, trimmed(tail[1]))
			}
			assert.Equal(t, tx.Stages[funnel.Customers], tail[funnel.NumStages][0])
			assert.Empty(t, trimmed(recs[len(recs)-2-funnel.NumStages]), "a blank row before the stage table")
		})
	}
}

// printDoc renders the panel as the server pre-renders it (the print
// document included) and returns the text of each print-* testid.
func printDoc(t *testing.T, p *exportPanel) (string, map[string]string) {
	t.Helper()
	out := app.HTMLString(p)
	ids := map[string]string{}
	for _, m := range regexp.MustCompile(`data-testid="(print-[a-z-]+)"[^>]*>([^<]*)<`).FindAllStringSubmatch(out, -1) {
		ids[m[1]] = html.UnescapeString(strings.TrimSpace(m[2]))
	}
	return out, ids
}

// TestPrintFollowsMode: plan mode prints the SLA to sign; forecast mode
// prints the forecast (what is reachable, why, each constraint, the
// expected stages, the team against the goal, the inputs), in every
// language.
func TestPrintFollowsMode(t *testing.T) {
	for _, lang := range text.Codes() {
		tx, n := text.For(lang), formatFor(lang, "USD")
		t.Run(lang+" plan", func(t *testing.T) {
			out, ids := printDoc(t, newExportPanel(t, lang, "USD", funnel.ModePlan, nil))
			assert.Contains(t, out, `data-mode="plan"`)
			assert.Contains(t, out, `data-testid="print-signatures"`)
			assert.NotContains(t, out, `data-testid="print-forecast"`)
			assert.Contains(t, out, html.EscapeString(tx.PrintTitle))
			assert.Contains(t, out, html.EscapeString(tx.ExpTitle))
			assert.Empty(t, ids["print-reachable-revenue"])
		})
		t.Run(lang+" forecast", func(t *testing.T) {
			p := newExportPanel(t, lang, "USD", funnel.ModeForecast, nil)
			f := p.Forecast
			out, ids := printDoc(t, p)
			assert.Contains(t, out, `data-mode="forecast"`)
			assert.NotContains(t, out, `data-testid="print-signatures"`, "nobody signs a forecast")
			assert.NotContains(t, out, html.EscapeString(tx.PrintTitle))
			assert.Contains(t, out, html.EscapeString(tx.ForecastTitle))
			assert.Contains(t, out, html.EscapeString(tx.ExpTitleFcst))
			assert.Contains(t, out, html.EscapeString(tx.ExpectedTitle))
			assert.Contains(t, out, "https://calc.example.com/?")
			for id, want := range map[string]string{
				"print-reachable-customers": n.Fixed(int64(f.Customers), 1),
				"print-reachable-revenue":   n.Money(f.Revenue),
				"print-traffic-customers":   n.Fixed(int64(f.Expected[funnel.Customers]), 1),
				"print-traffic-revenue":     n.Money(f.TrafficRevenue),
				"print-capacity-customers":  n.Fixed(int64(f.CapacityCustomers), 1),
				"print-capacity-revenue":    n.Money(f.CapacityRevenue),
				"print-reps":                "3",
				"print-reps-needed":         numfmt.Int(n, f.RepsNeeded),
				"print-visits-needed":       "267",
				"print-bottleneck":          tx.Bottleneck[funnel.BottleneckSales] + ". " + forecastSentence(tx, n, f, p.Inputs.Goal),
			} {
				assert.Equal(t, want, ids[id], id)
			}
			// Every input, with the screen's label.
			for _, f := range funnel.InputFields {
				assert.Contains(t, out, html.EscapeString(tx.Fields[f]), f)
			}
			// No test hook of the screen twice.
			assert.NotContains(t, out, `data-testid="expected-`)
		})
	}
	// The seed in English, figure by figure.
	_, ids := printDoc(t, newExportPanel(t, "en", "USD", funnel.ModeForecast, nil))
	assert.Equal(t, "144.0", ids["print-reachable-customers"])
	assert.Equal(t, "$144,000", ids["print-reachable-revenue"])
	assert.Equal(t, "$7,500,000", ids["print-traffic-revenue"])
}

// TestCopyTextFollowsMode: plan mode copies the SLA as before; forecast
// mode copies the forecast with what is reachable, and no SLA.
func TestCopyTextFollowsMode(t *testing.T) {
	tests := []struct {
		lang, cur string
		mode      funnel.Mode
		want      []string
		not       []string
	}{
		{"en", "USD", funnel.ModePlan,
			[]string{"Smarketing SLA (Embudo)", "Marketing → Sales: Marketing delivers 16.7 MQLs a week (66.7 a month) to Sales.",
				"Reps needed: 3 (workload 2.08 FTE).", "Scenario: https://calc.example.com/?"},
			[]string{"What your traffic and team deliver", "reach"}},
		{"en", "USD", funnel.ModeForecast,
			[]string{"What your traffic and team deliver",
				"Sales capacity is the bottleneck. Sales capacity limits you to $144,000 a year; the traffic would yield $7,500,000.",
				"What you can reach\nCustomers a year you can reach: 144.0\nRevenue a year you can reach: $144,000\n",
				"Each constraint on its own\nCustomers the traffic alone would bring: 7,500.0\nRevenue the traffic yields: $7,500,000\n" +
					"Customers the sales team can close: 144.0\nRevenue the sales team can carry: $144,000\n",
				"Reps on the team: 3\nReps the goal needs: 3\nVisitors per month: 20,000\nVisitors a month the goal needs: 267\n",
				"Scenario: https://calc.example.com/?"},
			[]string{"Marketing → Sales", "Smarketing SLA"}},
		{"es", "EUR", funnel.ModeForecast,
			[]string{"Clientes al año que puedes alcanzar: 144,0", "Ingresos al año que puedes alcanzar: 144.000\u00a0€"},
			[]string{"Marketing → Ventas"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+string(tt.mode), func(t *testing.T) {
			out := newExportPanel(t, tt.lang, tt.cur, tt.mode, nil).copyText()
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			for _, w := range tt.not {
				assert.NotContains(t, out, w)
			}
		})
	}
}

// TestExportStatusFollowsMode: an outcome shows only in the mode it was
// for (a copy of the SLA is not the forecast's).
func TestExportStatusFollowsMode(t *testing.T) {
	p := newExportPanel(t, "en", "USD", funnel.ModePlan, nil)
	p.status, p.manual, p.doneMode = "SLA copied", "the SLA", funnel.ModePlan
	assert.Contains(t, app.HTMLString(p), "the SLA")
	p.Mode = funnel.ModeForecast
	out := app.HTMLString(p)
	assert.NotContains(t, out, "SLA copied")
	assert.NotContains(t, out, `id="export-text"`)
}
