//go:build !wasm

package e2e

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"embudo.app/funnel"
)

// solveLow is each lever at a value too low for a goal of 200,000 with
// 30 reps, so that the goal needs more of it.
var solveLow = map[funnel.Field]string{
	funnel.FieldR1: "1", funnel.FieldR2: "1", funnel.FieldR3: "1", funnel.FieldR4: "1", funnel.FieldR5: "1",
	funnel.FieldVisits: "100", funnel.FieldReps: "1", funnel.FieldCap: "1", funnel.FieldTicket: "1",
}

// solveCase is a scenario for one lever: its link and what funnel.Solve
// says of it.
func solveCase(t *testing.T, kind string, f funnel.Field) (url.Values, funnel.Solution) {
	t.Helper()
	q := url.Values{"lang": {"en"}, "mode": {"forecast"}, "solve": {string(f)}}
	switch kind {
	case "feasible":
		q.Set("goal", "200000")
		q.Set("reps", "30")
		q.Set(string(f), solveLow[f])
	case "infeasible":
		switch f {
		case funnel.FieldR1, funnel.FieldR2, funnel.FieldVisits:
			q.Set("goal", "200000") // sales capacity caps revenue at 144,000
		case funnel.FieldReps, funnel.FieldCap:
			q.Set("visits", "100") // traffic caps revenue at 37,500
		case funnel.FieldTicket:
			q.Set("reps", "0") // no one to close
		default:
			q.Set("goal", "10000000")
		}
	}
	sc, errs := funnel.ParseQuery(q)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s, err := funnel.Solve(sc.Inputs, f)
	if err != nil {
		t.Fatal(err)
	}
	if got := map[bool]string{true: "feasible", false: "infeasible"}[s.Feasible]; s.Met && kind != "met" || !s.Met && got != kind {
		t.Fatalf("%s %s: the scenario is not %s: %+v", kind, f, kind, s)
	}
	return q, s
}

// TestSolveEachLever solves every lever in a feasible, an infeasible and
// an already-met scenario: one link per scenario (solve=r1), then each
// lever picked from the select; the value shown is funnel.Solve's, and
// Apply sets the input and the link.
func TestSolveEachLever(t *testing.T) {
	for _, kind := range []string{"feasible", "infeasible", "met"} {
		t.Run(kind, func(t *testing.T) {
			q, _ := solveCase(t, kind, funnel.FieldR1)
			ctx := open(t, "/?"+q.Encode())
			waitReady(t, ctx)
			for _, f := range funnel.SolveFields {
				q, s := solveCase(t, kind, f)
				if f != funnel.FieldR1 {
					navigate(t, ctx, "/?"+q.Encode()) // the lever's own low value
					waitReady(t, ctx)
					choose(t, ctx, "solve-lever", "-")
					waitJS(t, ctx, `!document.querySelector('[data-testid=solve-status]')`, waitTimeout, "no lever")
					choose(t, ctx, "solve-lever", string(f))
					waitParamIs(t, ctx, "solve", string(f))
				}
				want := "ok"
				if !s.Feasible {
					want = "infeasible"
				}
				waitJS(t, ctx, `document.querySelector('[data-testid=solve-status]')?.dataset.value === `+jsString(want),
					waitTimeout, string(f)+" "+want)
				status := text(t, ctx, "solve-status")
				if !s.Feasible {
					if !strings.Contains(status, "$"+groupThousands(int64(s.Ceiling)/100)) {
						t.Errorf("%s: %q does not name the ceiling %d", f, status, s.Ceiling)
					}
					continue
				}
				sp, _ := funnel.SpecOf(f)
				value := funnel.FormatFixed(s.Value, sp.Limits.Scale)
				if got := eval[string](t, ctx, `document.querySelector('[data-testid=solve-value]').dataset.value`); got != value {
					t.Errorf("%s %s: solved %s, want %s", kind, f, got, value)
				}
				if s.Met != strings.Contains(status, "already met") {
					t.Errorf("%s %s: %q", kind, f, status)
				}
				if kind == "feasible" {
					click(t, ctx, "solve-apply", "")
					waitParamIs(t, ctx, string(f), value)
					waitJS(t, ctx, `document.querySelector('[data-testid=solve-status]')?.textContent.includes('already met')`,
						waitTimeout, "the goal met once applied")
				}
			}
		})
	}
}

// groupThousands writes n with commas, as English shows money.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

const crmTable = "Stage,Count\nVisitors,\"52,000\"\nLeads,\"1,480\"\nMQLs,610\nSQLs,240\nOpportunities,95\nCustomers,31\n"

// TestCalibratePasteAndApply pastes a CRM export, checks the rates and
// the range, applies them and reopens the link in a fresh browser.
func TestCalibratePasteAndApply(t *testing.T) {
	ctx := open(t, "/?lang=en&mode=forecast&reps=100&solve=visits")
	waitReady(t, ctx)
	eval[bool](t, ctx, `(document.querySelector('[data-testid=calibrate] > summary').click(), true)`)
	waitJS(t, ctx, `!!document.querySelector('[data-testid=calibrate-paste]')`, waitTimeout, "the paste box")
	eval[bool](t, ctx, `(() => {
		const ta = document.querySelector('[data-testid=calibrate-paste]');
		ta.value = `+jsString(crmTable)+`;
		ta.dispatchEvent(new Event('input', {bubbles: true}));
		return true;
	})()`)
	waitParamIs(t, ctx, "past", "52000,1480,610,240,95,31")
	if search := eval[string](t, ctx, `location.search`); !strings.Contains(search, "past=52000,1480,610,240,95,31") {
		t.Errorf("the link writes the counts with commas, as people read them: %s", search)
	}
	choose(t, ctx, "calibrate-months", "6")
	waitParamIs(t, ctx, "months", "6")
	want := map[string]string{"r1": "2.85", "r2": "41.22", "r3": "39.34", "r4": "39.58", "r5": "32.63"}
	for r, v := range want {
		waitJS(t, ctx, `document.querySelector('[data-testid=past-rate-`+r+`]')?.dataset.value === `+jsString(v), waitTimeout, "past-rate-"+r)
	}
	if got := text(t, ctx, "past-range-r1"); got != "2.71% – 2.99%" {
		t.Errorf("past-range-r1: %q", got)
	}
	waitJS(t, ctx, `!!document.querySelector('[data-testid=forecast-range]')`, waitTimeout, "the forecast range")

	click(t, ctx, "calibrate-use", "")
	for r, v := range want {
		waitParamIs(t, ctx, r, v)
	}
	waitParamIs(t, ctx, "visits", "8667") // 52,000 over 6 months
	checkRange(t, ctx)
	values := func() []string {
		return eval[[]string](t, ctx, `['past-rate-r1','past-rate-r5','past-range-r3','forecast-range','solve-value','solve-status']
			.map(id => { const el = document.querySelector('[data-testid=' + id + ']'); return el ? el.textContent + '|' + (el.dataset.value || '') + '|' + (el.dataset.low || '') : 'absent'; })`)
	}
	before, link := values(), currentURL(t, ctx)

	fresh := open(t, link)
	waitReady(t, fresh)
	ctx = fresh
	if after := values(); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("the link does not reproduce the screen:\n%v\n%v", before, after)
	}
}

// checkRange compares the forecast's range with funnel's for the link
// on screen: whole customers, the low end rounded down, the high end up.
func checkRange(t *testing.T, ctx context.Context) {
	t.Helper()
	u, err := url.Parse(currentURL(t, ctx))
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := funnel.ParseQuery(u.Query())
	r := funnel.ForecastRange(sc.Inputs, funnel.Calibrate(sc.Past.Counts, [funnel.NumStages]bool{true, true, true, true, true, true}, sc.Past.Months))
	low, high := strconv.FormatInt(int64(r.Low)/10, 10), strconv.FormatInt((int64(r.High)+9)/10, 10)
	waitJS(t, ctx, `(el => el && el.dataset.low === `+jsString(low)+` && el.dataset.high === `+jsString(high)+`)(document.querySelector('[data-testid=forecast-range]'))`,
		waitTimeout, "the range "+low+" to "+high)
}

// TestCalibrateSpanish: a decimal comma, a table with a stage larger
// than the one above, and the solve in Spanish words.
func TestCalibrateSpanish(t *testing.T) {
	ctx := open(t, "/?lang=es&cur=EUR&mode=forecast&past=52000,1480,610,240,95,31&months=12&solve=ticket&goal=200000")
	waitReady(t, ctx)
	if got := text(t, ctx, "past-rate-r1"); got != "2,85 %" {
		t.Errorf("past-rate-r1: %q", got)
	}
	if got := text(t, ctx, "past-range-r1"); got != "2,71 % – 2,99 %" {
		t.Errorf("past-range-r1: %q", got)
	}
	if got := text(t, ctx, "solve-value"); !strings.Contains(got, "1388,89") && !strings.Contains(got, "1.388,89") {
		t.Errorf("solve-value: %q", got)
	}
	if got := text(t, ctx, "forecast-range"); !strings.Contains(got, "clientes") {
		t.Errorf("forecast-range: %q", got)
	}

	navigate(t, ctx, "/?lang=es&mode=forecast&past=100,120,0,0,3,1")
	waitReady(t, ctx)
	if eval[bool](t, ctx, `!!document.querySelector('[data-testid=past-rate-r1]')`) {
		t.Error("a rate from a stage larger than the one above")
	}
	notes := eval[string](t, ctx, `document.querySelector('[data-testid=calibrate]').textContent`)
	for _, want := range []string{"Leads: más que Visitantes", "no hay SQL", "muestra pequeña"} {
		if !strings.Contains(notes, want) {
			t.Errorf("the panel does not say %q", want)
		}
	}
	navigate(t, ctx, "/?lang=es&mode=forecast&past=1,2,3&months=99&solve=goal")
	waitReady(t, ctx)
	got := strings.Join(texts(t, ctx, "notice"), "\n")
	for _, p := range []string{"solve", "past", "months"} {
		if !strings.Contains(got, p) {
			t.Errorf("no notice names %s: %q", p, got)
		}
	}
}
