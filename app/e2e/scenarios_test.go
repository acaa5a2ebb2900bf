//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"embudo.app/funnel"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// saveScenarioAs types name in the scenario name box and presses Save.
func saveScenarioAs(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	setSlider(t, ctx, "scenario-name", name)
	click(t, ctx, "scenario-save", "")
}

// waitScenarios waits until the saved list shows exactly names, in order.
func waitScenarios(t testing.TB, ctx context.Context, names ...string) {
	t.Helper()
	expr := `[...document.querySelectorAll('[data-testid=scenario-item]')].map(el => el.dataset.name).join('|')`
	if err := pollJS(ctx, expr+` === `+jsString(strings.Join(names, "|")), waitTimeout); err != nil {
		t.Fatalf("saved scenarios: want %q, got %q", names, eval[string](t, ctx, expr))
	}
}

// storedQuery is the query localStorage holds under name ("" for none).
func storedQuery(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	return eval[string](t, ctx, `((JSON.parse(localStorage.getItem('embudo.scenarios') || '[]') || [])
		.find(s => s.name === `+jsString(name)+`) || {query: ''}).query`)
}

// exists tells whether an element with that data-testid is on the page.
func exists(t testing.TB, ctx context.Context, testid string) bool {
	t.Helper()
	return eval[bool](t, ctx, `!!document.querySelector(`+jsString(byTestID(testid))+`)`)
}

// focused is the data-testid (and data-name) of the focused element.
func focused(t testing.TB, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(() => {
		const el = document.activeElement;
		if (!el || !el.dataset || !el.dataset.testid) return el ? el.tagName : '';
		return el.dataset.testid + (el.dataset.name ? '[' + el.dataset.name + ']' : '');
	})()`)
}

// waitFocus waits until the element focused is want (see focused).
func waitFocus(t testing.TB, ctx context.Context, want string) {
	t.Helper()
	expr := `(() => { const el = document.activeElement; return !!el && !!el.dataset &&
		(el.dataset.testid + (el.dataset.name ? '[' + el.dataset.name + ']' : '')) === ` + jsString(want) + `; })()`
	if err := pollJS(ctx, expr, waitTimeout); err != nil {
		t.Fatalf("focus: want %s, got %s", want, focused(t, ctx))
	}
}

// press sends real key events to the focused element.
func press(t testing.TB, ctx context.Context, key string, opts ...chromedp.KeyOption) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key, opts...)); err != nil {
		t.Fatalf("pressing %q: %v", key, err)
	}
}

// TestCompareShowsInputsAndSLA compares two saved scenarios and finds every
// input, the MQLs a week and the reps needed of both, and the change, as
// funnel computes them; the forecast's visitors and team are shown too.
func TestCompareShowsInputsAndSLA(t *testing.T) {
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	saveScenarioAs(t, ctx, "Base")
	waitScenarios(t, ctx, "Base")

	// B: goal 200,000 and r5 25 %, in forecast with 10,000 visitors a
	// month and 5 reps (the saved list stays in the tab's storage).
	navigate(t, ctx, "/?lang=en&goal=200000&r5=25&mode=forecast&visits=10000&reps=5")
	waitReady(t, ctx)
	waitScenarios(t, ctx, "Base")
	saveScenarioAs(t, ctx, "Bigger")
	waitScenarios(t, ctx, "Base", "Bigger")
	choose(t, ctx, "compare-a", "s:Base")
	choose(t, ctx, "compare-b", "s:Bigger")

	// B needs 3,200 MQLs: 66.7 a week, 8.33 FTE, 9 reps. Its 5 reps review
	// 5 × 8 × 48 = 1,920 MQLs a year: 120 customers at 25 %, $120,000.
	want := map[string][3]string{
		"goal": {"$100,000", "$200,000", "+$100,000"}, "ticket": {"$1,000", "$1,000", "$0"},
		"r1": {"50%", "50%", "0 pp"}, "r2": {"50%", "50%", "0 pp"}, "r3": {"50%", "50%", "0 pp"},
		"r4": {"50%", "50%", "0 pp"}, "r5": {"50%", "25%", "\u221225 pp"},
		"weeks": {"48", "48", "0"}, "cap": {"8", "8", "0"}, "calls": {"2", "2", "0"}, "emails": {"3", "3", "0"},
		"visits": {"20,000", "10,000", "\u221210,000"}, "team": {"3", "5", "+2"},
		"mqls-week": {"16.7", "66.7", "+50.0"}, "reps": {"3", "9", "+6"},
		"visitors": {"3,200", "12,800", "+9,600"}, "revenue": {"$144,000", "$120,000", "\u2212$24,000"},
	}
	waitText(t, ctx, "delta-mqls-week", want["mqls-week"][2])
	for key, w := range want {
		for i, id := range []string{"cmp-a-" + key, "cmp-b-" + key, "delta-" + key} {
			if got := text(t, ctx, id); got != w[i] {
				t.Errorf("[data-testid=%s]: want %q, got %q", id, w[i], got)
			}
		}
	}

	// The same figures from funnel.
	a := funnel.Defaults()
	b := a
	b.Goal, b.Rates[4], b.Visits, b.Reps = 20_000_000, 2500, 10_000, 5
	c, err := funnel.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]float64{
		"cmp-a-mqls-week": c.A.Stages[funnel.MQLs].Week.Float64(), "cmp-b-mqls-week": c.B.Stages[funnel.MQLs].Week.Float64(),
		"delta-mqls-week": float64(c.MQLsWeekDelta) / 10,
		"cmp-a-reps":      float64(c.A.Reps), "cmp-b-reps": float64(c.B.Reps), "delta-reps": float64(c.RepsDelta),
		"delta-team": float64(c.Inputs[len(c.Inputs)-1].Delta), "delta-revenue": c.RevenueDelta.Float64(),
	} {
		assertNumber(t, ctx, id, v)
	}
	if got := eval[string](t, ctx, `document.querySelector('[data-testid=delta-r5]').dataset.value`); got != "-2500" {
		t.Errorf("[data-testid=delta-r5] data-value: want -2500 (hundredths of a point), got %q", got)
	}
	labels := eval[string](t, ctx, `[...document.querySelectorAll('[data-testid=compare-table] th[scope=row]')]
		.map(th => th.textContent.trim()).join('|')`)
	for _, l := range []string{"Revenue goal per year", "Average ticket", "Opportunities → customers", "Work weeks per year",
		"MQLs one rep reviews per week", "Calls per SQL per week", "Emails per SQL per week", "Visitors per month",
		"Reps on the team", "MQLs a week", "Reps needed", "Visitors a year"} {
		if !strings.Contains("|"+labels+"|", "|"+l+"|") {
			t.Errorf("the compare table has no row %q: %s", l, labels)
		}
	}
}

// TestScenarioSaveAsksBeforeReplacing saves over a taken name: the panel
// asks, Cancel (Enter on it, or Escape) keeps the saved scenario, Replace
// (reached with the keyboard) replaces it.
func TestScenarioSaveAsksBeforeReplacing(t *testing.T) {
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	saveScenarioAs(t, ctx, "Plan")
	waitScenarios(t, ctx, "Plan")
	kept := storedQuery(t, ctx, "Plan")
	if !strings.Contains(kept, "goal=100000") {
		t.Fatalf("stored Plan: %q", kept)
	}

	setSlider(t, ctx, "field-goal", "300000")
	waitNumber(t, ctx, "count-visitors", 9600)

	ask := func() {
		t.Helper()
		saveScenarioAs(t, ctx, "Plan")
		waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-confirm][role=alertdialog]')`, waitTimeout,
			"the question before replacing Plan")
		if got, want := eval[string](t, ctx, `document.querySelector('[data-testid=scenario-confirm]').innerText.replace(/\s+/g, ' ').trim()`),
			"A scenario named “Plan” exists. Replace it? Replace Cancel"; got != want {
			t.Errorf("[data-testid=scenario-confirm]: want %q, got %q", want, got)
		}
		// Named by its question, and focus on the answer that loses nothing.
		if !eval[bool](t, ctx, `(() => {
			const d = document.querySelector('[data-testid=scenario-confirm]');
			const q = document.getElementById(d.getAttribute('aria-labelledby'));
			return !!q && q.textContent.includes('Replace it?');
		})()`) {
			t.Error("the question dialog is not named by its question (aria-labelledby)")
		}
		waitFocus(t, ctx, "scenario-cancel")
		if got := storedQuery(t, ctx, "Plan"); got != kept {
			t.Fatalf("asking changed the stored Plan: %q", got)
		}
	}
	cancelled := func(how string) {
		t.Helper()
		waitJS(t, ctx, `!document.querySelector('[data-testid=scenario-confirm]')`, waitTimeout, "the question to go after "+how)
		waitText(t, ctx, "scenario-status", "Kept “Plan” as it was.")
		if got := storedQuery(t, ctx, "Plan"); got != kept {
			t.Errorf("%s replaced Plan: %q", how, got)
		}
		waitScenarios(t, ctx, "Plan")
		waitFocus(t, ctx, "scenario-name")
		if v := eval[string](t, ctx, `document.querySelector('[data-testid=scenario-name]').value`); v != "Plan" {
			t.Errorf("after %s the name box holds %q, want Plan (to save under another name)", how, v)
		}
		waitNumber(t, ctx, "count-visitors", 9600) // the screen is untouched
	}

	ask()
	press(t, ctx, kb.Enter) // on Cancel
	cancelled("Enter on Cancel")

	ask()
	press(t, ctx, kb.Escape)
	cancelled("Escape")

	ask()
	press(t, ctx, kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
	waitFocus(t, ctx, "scenario-replace")
	press(t, ctx, " ")
	waitText(t, ctx, "scenario-status", "Updated “Plan” with what is on screen.")
	if exists(t, ctx, "scenario-confirm") {
		t.Error("the question stays after Replace")
	}
	if got := storedQuery(t, ctx, "Plan"); !strings.Contains(got, "goal=300000") {
		t.Errorf("Replace: stored Plan is %q, want goal=300000", got)
	}
	waitScenarios(t, ctx, "Plan")
	if v := eval[string](t, ctx, `document.querySelector('[data-testid=scenario-name]').value`); v != "" {
		t.Errorf("after Replace the name box holds %q", v)
	}

	// Saving what the name holds already asks nothing.
	saveScenarioAs(t, ctx, "Plan")
	waitText(t, ctx, "scenario-status", "“Plan” already holds what is on screen.")
	if exists(t, ctx, "scenario-confirm") {
		t.Error("saving the very scenario a name holds asks to replace it")
	}
	if d := dialogs(ctx); len(d) > 0 {
		t.Errorf("the page opened JavaScript dialogs: %q", d)
	}
}

// TestScenarioLoadUndo loads a saved scenario over unsaved changes: it
// loads, and Undo puts back exactly what was on screen. Over a scenario
// just saved there is nothing to undo; changing the loaded scenario ends
// the offer.
func TestScenarioLoadUndo(t *testing.T) {
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	saveScenarioAs(t, ctx, "Base")
	waitScenarios(t, ctx, "Base")

	// Unsaved changes: goal 250,000 (8,000 visitors), r1 25 %, forecast.
	setSlider(t, ctx, "field-goal", "250000")
	setSlider(t, ctx, "field-r1", "25")
	waitNumber(t, ctx, "count-visitors", 16000)
	click(t, ctx, "mode-forecast", "")
	waitJS(t, ctx, `new URLSearchParams(location.search).get('mode') === 'forecast'`, waitTimeout, "mode=forecast in the address bar")
	before := eval[string](t, ctx, `location.search`)

	click(t, ctx, "scenario-load", "Base")
	waitJS(t, ctx, `new URLSearchParams(location.search).get('goal') === '100000'`, waitTimeout, "Base in the address bar")
	waitText(t, ctx, "scenario-status", "Loaded “Base” over your unsaved changes.")
	waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-undo]')`, waitTimeout, "the Undo button")
	if got := eval[string](t, ctx, `document.querySelector('[data-testid=scenario-undo]').getAttribute('aria-label')`); got != "Undo loading “Base”" {
		t.Errorf("[data-testid=scenario-undo] aria-label: %q", got)
	}

	click(t, ctx, "scenario-undo", "")
	waitJS(t, ctx, `location.search === `+jsString(before), waitTimeout, "the scenario before the load, exactly, in the address bar")
	waitText(t, ctx, "scenario-status", "Back to what was on screen before loading “Base”.")
	if exists(t, ctx, "scenario-undo") {
		t.Error("Undo stays after undoing")
	}
	waitFocus(t, ctx, "scenario-load[Base]")
	goalBox := eval[string](t, ctx, `document.querySelector('[data-testid=field-goal]').value`)
	if goalBox != "250,000" {
		t.Errorf("goal box after Undo: %q, want 250,000", goalBox)
	}

	// Saved: loading over it loses nothing, so no Undo.
	saveScenarioAs(t, ctx, "Big")
	waitScenarios(t, ctx, "Base", "Big")
	click(t, ctx, "scenario-load", "Base")
	waitText(t, ctx, "scenario-status", "Loaded “Base”.")
	waitJS(t, ctx, `new URLSearchParams(location.search).get('goal') === '100000'`, waitTimeout, "Base in the address bar")
	if exists(t, ctx, "scenario-undo") {
		t.Error("Undo offered though nothing unsaved was replaced")
	}

	// Changed again, loaded over, then the loaded scenario changed: Undo
	// would now lose that change, so it goes.
	setSlider(t, ctx, "field-goal", "400000")
	waitNumber(t, ctx, "count-visitors", 12800)
	click(t, ctx, "scenario-load", "Big")
	waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-undo]')`, waitTimeout, "the Undo button")
	setSlider(t, ctx, "field-cap", "10")
	waitJS(t, ctx, `!document.querySelector('[data-testid=scenario-undo]')`, waitTimeout, "Undo to go once the loaded scenario changes")
}

// TestScenarioToolsAccessible audits the scenario tools with axe-core
// (as TestAccessibility does the page) in the states only actions reach:
// the compare table with every input, the question before replacing, and
// the Undo after a load; light and dark, phone and desktop widths.
func TestScenarioToolsAccessible(t *testing.T) {
	needBrowser(t)
	axe := axeSource(t)
	for _, tc := range []struct {
		name  string
		width int64
		dark  bool
		lang  string
	}{
		{"en light 1280", 1280, false, "en"},
		{"es dark 360", 360, true, "es"},
		{"pt light 320", 320, false, "pt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newTab(t)
			scheme := map[bool]string{false: "light", true: "dark"}[tc.dark]
			if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: tc.width, Height: 900, DeviceScaleFactor: 1, Mobile: tc.width < 500,
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			navigate(t, ctx, "/?lang="+tc.lang)
			waitReady(t, ctx)
			saveScenarioAs(t, ctx, "Base")
			waitScenarios(t, ctx, "Base")
			setSlider(t, ctx, "field-goal", "200000")
			waitNumber(t, ctx, "count-visitors", 6400)
			saveScenarioAs(t, ctx, "Base")
			waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-confirm]')`, waitTimeout, "the question")
			waitJS(t, ctx, `!!document.querySelector('[data-testid=delta-mqls-week]')`, waitTimeout, "the compare table")
			auditScenarioTools(t, ctx, axe, "question and compare table")

			click(t, ctx, "scenario-load", "Base")
			waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-undo]')`, waitTimeout, "the Undo button")
			auditScenarioTools(t, ctx, axe, "Undo")
			if wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > document.documentElement.clientWidth`); wide {
				t.Errorf("the page scrolls sideways at %d px", tc.width)
			}
		})
	}
}

// auditScenarioTools runs axe-core on the scenario tools and reports each
// violation.
func auditScenarioTools(t *testing.T, ctx context.Context, axe, state string) {
	t.Helper()
	raw := eval[string](t, ctx, axe+`;axe.run(document.querySelector('.scenario-tools'),
		{runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help,
			nodes: v.nodes.map(n => n.target.join(" ") + " " + (n.failureSummary || "")).slice(0, 5)}))))`)
	var violations []struct {
		ID, Help string
		Nodes    []string
	}
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s: %s (%s):\n  %s", state, v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}
