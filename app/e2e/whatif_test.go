//go:build !wasm

package e2e

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	catalog "embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// click clicks the element with that data-testid (the first one, or the
// one whose data-name is name when name is not empty).
func click(t testing.TB, ctx context.Context, testid, name string) {
	t.Helper()
	sel := byTestID(testid)
	if name != "" {
		sel += `[data-name=` + jsString(name) + `]`
	}
	if !eval[bool](t, ctx, `(() => {
		const el = document.querySelector(`+jsString(sel)+`);
		if (!el) return false;
		el.focus();
		el.click();
		return true;
	})()`) {
		t.Fatalf("no element %s to click", sel)
	}
}

// choose picks an option of the <select> with that data-testid, as a user
// would (value, then a bubbling change event).
func choose(t testing.TB, ctx context.Context, testid, value string) {
	t.Helper()
	if !eval[bool](t, ctx, `(() => {
		const el = document.querySelector(`+jsString(byTestID(testid))+`);
		if (!el || ![...el.options].some(o => o.value === `+jsString(value)+`)) return false;
		el.value = `+jsString(value)+`;
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`) {
		t.Fatalf("[data-testid=%s] has no option %q", testid, value)
	}
}

// waitText waits until the element with that data-testid shows want.
func waitText(t testing.TB, ctx context.Context, testid, want string) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		got, err := textOf(ctx, testid)
		if err == nil && got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("[data-testid=%s]: want %q, got %q (%v)", testid, want, got, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// sensitivityOrder is the rates of the sensitivity rows in document order
// ("r3", "r1", …).
func sensitivityOrder(t testing.TB, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll('[data-testid^="sensitivity-r"]')]
		.map(el => el.dataset.testid.replace('sensitivity-', ''))`)
}

func num(t testing.TB, ctx context.Context, testid string) float64 {
	t.Helper()
	s := text(t, ctx, testid)
	v, err := parseNum(s)
	if err != nil {
		t.Fatalf("[data-testid=%s]: %v", testid, err)
	}
	return v
}

// TestForecastBottleneck checks that the binding constraint named on screen
// is the smaller of the two revenues shown (traffic when they are equal).
func TestForecastBottleneck(t *testing.T) {
	ctx := newTab(t)
	for _, tt := range []struct {
		query, want string // want "" means: whatever the numbers say
	}{
		{"mode=forecast&visits=20000&reps=3", ""},
		// 100 visitors a month: 1,200 a year → 18.75 customers, $18,750;
		// 3 reps carry $144,000.
		{"mode=forecast&visits=100&reps=3", "traffic"},
		// 1,000,000 a month yield far more than 1 rep's $48,000.
		{"mode=forecast&visits=1000000&reps=1", "sales"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			navigate(t, ctx, "/?lang=en&"+tt.query)
			waitReady(t, ctx)
			traffic, capacity := num(t, ctx, "forecast-revenue"), num(t, ctx, "capacity-revenue")
			want := "traffic"
			if capacity < traffic {
				want = "sales"
			}
			if tt.want != "" && tt.want != want {
				t.Fatalf("the screen's revenues (traffic %v, capacity %v) say %s, the test expects %s", traffic, capacity, want, tt.want)
			}
			got := eval[string](t, ctx, `document.querySelector('[data-testid=bottleneck]').dataset.value`)
			if got != want {
				t.Errorf("[data-testid=bottleneck] data-value=%q, want %q (traffic revenue %v, capacity revenue %v)", got, want, traffic, capacity)
			}
		})
	}
}

// TestSensitivityReorders checks the lever chart's order and numbers
// against funnel, and that lowering r3 moves its lever to the top.
func TestSensitivityReorders(t *testing.T) {
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	check := func(in funnel.Inputs, step funnel.Rate) {
		t.Helper()
		want, err := funnel.ComputeSensitivity(in, funnel.ModePlan, step)
		if err != nil {
			t.Fatal(err)
		}
		var order, deltas []string
		for _, l := range want.Levers {
			order = append(order, "r"+strconv.Itoa(l.Rate))
			deltas = append(deltas, strconv.FormatInt(l.Delta, 10))
		}
		expr := `[...document.querySelectorAll('[data-testid^="sensitivity-r"]')].map(el => el.dataset.delta).join(' ')`
		if err := pollJS(ctx, expr+` === `+jsString(strings.Join(deltas, " ")), waitTimeout); err != nil {
			t.Fatalf("sensitivity deltas: want %v, got %q", deltas, eval[string](t, ctx, expr))
		}
		if got := sensitivityOrder(t, ctx); strings.Join(got, " ") != strings.Join(order, " ") {
			t.Errorf("sensitivity order: want %v, got %v", order, got)
		}
	}
	// Every rate 50 %: r1 and r2 tie (−62), then r3 −60, r4 −56, r5 −48.
	in := funnel.Defaults()
	check(in, 100)
	if got := sensitivityOrder(t, ctx); got[0] != "r1" || got[1] != "r2" {
		t.Errorf("at 50 %% everywhere, r1 and r2 tie and come first by rate number; got %v", got)
	}

	setSlider(t, ctx, "field-r3", "5")
	waitNumber(t, ctx, "count-visitors", 32000)
	in.Rates[2] = 500
	check(in, 100)
	if got := sensitivityOrder(t, ctx); got[0] != "r3" {
		t.Errorf("after r3 = 5 %%, sensitivity-r3 should come first; got %v", got)
	}

	choose(t, ctx, "sensitivity-step", "500")
	check(in, 500)
}

// TestScenariosCompare saves two scenarios, compares them, loads, renames
// and deletes one, and survives corrupt storage.
func TestScenariosCompare(t *testing.T) {
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	items := func() []string {
		return eval[[]string](t, ctx, `[...document.querySelectorAll('[data-testid=scenario-item]')].map(el => el.dataset.name)`)
	}
	waitItems := func(want ...string) {
		t.Helper()
		expr := `[...document.querySelectorAll('[data-testid=scenario-item]')].map(el => el.dataset.name).join('|')`
		if err := pollJS(ctx, expr+` === `+jsString(strings.Join(want, "|")), waitTimeout); err != nil {
			t.Fatalf("saved scenarios: want %q, got %q", want, items())
		}
	}

	// A: the seed.
	setSlider(t, ctx, "scenario-name", "Base")
	click(t, ctx, "scenario-save", "")
	waitItems("Base")

	// B: goal 200,000 and r5 25 %, saved with Enter in the name box.
	setSlider(t, ctx, "field-goal", "200000")
	setSlider(t, ctx, "field-r5", "25")
	waitNumber(t, ctx, "count-visitors", 12800)
	setSlider(t, ctx, "scenario-name", "Bigger")
	eval[bool](t, ctx, `document.querySelector('[data-testid=scenario-name]').dispatchEvent(
		new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))`)
	waitItems("Base", "Bigger")
	if v := eval[string](t, ctx, `document.querySelector('[data-testid=scenario-name]').value`); v != "" {
		t.Errorf("the name box keeps %q after saving", v)
	}
	stored := eval[string](t, ctx, `localStorage.getItem('embudo.scenarios')`)
	if !strings.Contains(stored, `"name":"Base"`) || !strings.Contains(stored, `"name":"Bigger"`) || !strings.Contains(stored, `"query":`) {
		t.Errorf("localStorage embudo.scenarios: want a JSON list of {name, query}, got %s", stored)
	}

	choose(t, ctx, "compare-a", "s:Base")
	choose(t, ctx, "compare-b", "s:Bigger")
	// A (seed): 100 customers, 200 opportunities, 400 SQLs, 800 MQLs,
	// 1,600 leads, 3,200 visitors; 16.7 MQLs a week / 8 = 2.08 FTE → 3 reps.
	// B: 200 customers; opportunities 200 / 25 % = 800; SQLs 1,600; MQLs
	// 3,200; leads 6,400; visitors 12,800; 66.7 MQLs a week / 8 = 8.33 FTE
	// → 9 reps.
	// Forecast (20,000 visitors a month, 3 reps, both): the team reviews
	// 3 × 8 × 48 = 1,152 MQLs → 576 SQLs → 288 opportunities → 144
	// customers at 50 % ($144,000, A) or 72 at 25 % ($72,000, B); traffic
	// yields far more, so sales binds in both.
	want := map[string]string{
		"delta-visitors": "+9,600", "delta-leads": "+4,800", "delta-mqls": "+2,400",
		"delta-sqls": "+1,200", "delta-opportunities": "+600", "delta-customers": "+100",
		"delta-reps": "+6", "delta-revenue": "\u2212$72,000",
	}
	waitText(t, ctx, "delta-visitors", want["delta-visitors"])
	for id, w := range want {
		if got := text(t, ctx, id); got != w {
			t.Errorf("[data-testid=%s]: want %q, got %q", id, w, got)
		}
	}
	if !eval[bool](t, ctx, `!!document.querySelector('[data-testid=compare-table]')`) {
		t.Error("no [data-testid=compare-table]")
	}

	// Load A: the calculator shows the seed again, and the address bar
	// holds it (without the loader's counter).
	click(t, ctx, "scenario-load", "Base")
	waitNumber(t, ctx, "count-visitors", 3200)
	assertNumber(t, ctx, "reps", 3)
	waitJS(t, ctx, `new URL(location.href).searchParams.get('goal') === '100000'`, readyTimeout,
		"goal=100000 in the address bar after loading Base")
	if _, ok := queryParam(t, ctx, "load"); ok {
		t.Errorf("the address bar keeps the load counter: %s", currentURL(t, ctx))
	}
	// Loading the same scenario twice still works (go-app ignores a
	// navigation to the address it last navigated to).
	setSlider(t, ctx, "field-goal", "300000")
	waitNumber(t, ctx, "count-visitors", 9600)
	click(t, ctx, "scenario-load", "Base")
	waitNumber(t, ctx, "count-visitors", 3200)

	// Each scenario has a link with its query.
	href := eval[string](t, ctx, `document.querySelector('[data-testid=scenario-item][data-name=Bigger] [data-testid=scenario-link]').href`)
	if !strings.Contains(href, "goal=200000") || !strings.Contains(href, "r5=25") {
		t.Errorf("link of Bigger: %s", href)
	}

	// Rename and delete.
	eval[bool](t, ctx, `(() => {
		const el = document.querySelector('[data-testid=scenario-item][data-name=Base] [data-testid=scenario-rename]');
		el.value = 'Baseline';
		return el.dispatchEvent(new Event('change', {bubbles: true}));
	})()`)
	waitItems("Baseline", "Bigger")
	click(t, ctx, "scenario-delete", "Bigger")
	waitItems("Baseline")

	// Corrupt storage: an empty list and a notice, no crash.
	eval[bool](t, ctx, `(localStorage.setItem('embudo.scenarios', '{"oops'), true)`)
	navigate(t, ctx, "/?lang=en")
	waitReady(t, ctx)
	waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-empty]')`, waitTimeout, "the empty scenario list")
	if got := items(); len(got) != 0 {
		t.Errorf("corrupt storage: want no scenarios, got %q", got)
	}
	if s := text(t, ctx, "scenario-status"); s == "" {
		t.Error("corrupt storage: no notice in [data-testid=scenario-status]")
	}
	// And saving works again.
	click(t, ctx, "scenario-save", "")
	waitItems("Scenario 1")
}

// TestLeadsMiniCalculator checks both directions against funnel.
func TestLeadsMiniCalculator(t *testing.T) {
	ctx := open(t, "/?lang=en&r1=3")
	waitReady(t, ctx)
	setSlider(t, ctx, "leads-wanted", "100")
	waitText(t, ctx, "leads-visitors-needed", "3,334")
	setSlider(t, ctx, "leads-visitors", "3200")
	waitText(t, ctx, "leads-result", "96")
	setSlider(t, ctx, "leads-visitors", "abc")
	waitText(t, ctx, "leads-result", "—")
}

// downloads lets the tab's browser context save downloads into dir.
func downloads(t testing.TB, ctx context.Context, dir string) {
	t.Helper()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		DownloadPath:     dir,
		BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
	}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
}

// waitFile waits for a finished download and returns its bytes.
func waitFile(t testing.TB, path string) []byte {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return b
			}
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(filepath.Dir(path))
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("no download %s after %v (folder holds %q)", path, waitTimeout, names)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestExportCSV downloads the CSV and compares its stage table with the screen,
// in a locale with a decimal comma (";" separator) and one with a point.
func TestExportCSV(t *testing.T) {
	ctx := newTab(t)
	for _, tt := range []struct {
		query string
		sep   rune
		stage string
	}{
		{"lang=es&cur=EUR&r1=2.75", ';', "Visitantes"},
		{"lang=en&cur=USD&r1=2.75", ',', "Visitors"},
	} {
		t.Run(tt.query, func(t *testing.T) {
			dir := t.TempDir()
			navigate(t, ctx, "/?"+tt.query)
			waitReady(t, ctx)
			downloads(t, ctx, dir)
			click(t, ctx, "export-csv", "")
			raw := waitFile(t, filepath.Join(dir, "embudo-sla.csv"))
			body, ok := strings.CutPrefix(string(raw), "\ufeff")
			if !ok {
				t.Errorf("the CSV does not start with a UTF-8 byte-order mark: % x", raw[:min(len(raw), 8)])
			}
			r := csv.NewReader(strings.NewReader(body))
			r.Comma = tt.sep
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatalf("parsing the CSV with %q: %v\n%s", tt.sep, err, body)
			}
			// The inputs and the staffing come first; the stage table ends
			// the plan's sections (the month by month follows: months_test.go).
			lang := eval[string](t, ctx, `document.documentElement.lang`)
			for i, rec := range recs {
				if rec[0] == catalog.For(lang).MonthsTitle {
					recs = recs[:i-1]
					break
				}
			}
			for i, rec := range recs { // every row is as wide as the widest
				for len(rec) > 0 && rec[len(rec)-1] == "" {
					rec = rec[:len(rec)-1]
				}
				recs[i] = rec
			}
			if len(recs) < 1+funnel.NumStages {
				t.Fatalf("CSV: want a header and %d rows, got %d records:\n%s", funnel.NumStages, len(recs), body)
			}
			recs = recs[len(recs)-1-funnel.NumStages:]
			if len(recs[0]) != 5 {
				t.Errorf("CSV header: want 5 columns (stage, year, quarter, month, week), got %q", recs[0])
			}
			if recs[1][0] != tt.stage {
				t.Errorf("CSV first stage: want %q, got %q", tt.stage, recs[1][0])
			}
			for i, s := range funnel.Stages {
				rec := recs[1+i]
				for col, id := range map[int]string{1: "count-" + s.Key(), 4: "week-" + s.Key()} {
					screen := num(t, ctx, id)
					got, err := parseNum(rec[col])
					if err != nil || !nearlyEqual(got, screen) {
						t.Errorf("CSV %s column %d: %q, screen [data-testid=%s] shows %v", s.Key(), col, rec[col], id, screen)
					}
				}
			}
			if s := text(t, ctx, "export-status"); s == "" {
				t.Error("no confirmation after the download")
			}
		})
	}
}

// TestExportClipboard copies the SLA with the real clipboard and reads it
// back: it holds the statements exactly as the screen shows them.
func TestExportClipboard(t *testing.T) {
	ctx := open(t, "/?lang=es&cur=ARS&r1=2.75")
	waitReady(t, ctx)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name},
			Setting:          browser.PermissionSettingGranted,
			Origin:           baseURL,
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		}); err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	// The clipboard answers only a focused page.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	click(t, ctx, "export-copy", "")
	waitJS(t, ctx, `document.querySelector('[data-testid=export-status]').textContent !== ''`, waitTimeout, "the copy confirmation")
	if eval[bool](t, ctx, `document.querySelector('[data-testid=export-status]').classList.contains('failed')`) {
		t.Fatalf("copy failed: %s", text(t, ctx, "export-status"))
	}
	got := eval[string](t, ctx, `navigator.clipboard.readText()`)
	// Compare as text() reads the screen: runs of spaces (the no-break
	// space Intl puts in "$ 100.000" included) as one space.
	flat := strings.Join(strings.Fields(got), " ")
	for _, id := range []string{"goal-line", "sla-marketing", "sla-sales"} {
		if screen := text(t, ctx, id); !strings.Contains(flat, screen) {
			t.Errorf("clipboard lacks [data-testid=%s] as shown (%q):\n%s", id, screen, got)
		}
	}
	if !strings.Contains(got, "r1=2.75") {
		t.Errorf("clipboard lacks the scenario's link:\n%s", got)
	}
}

// TestPrintOnePage prints the page as the SLA document: one A4 page, with
// the statements and the signature lines, and no controls.
func TestPrintOnePage(t *testing.T) {
	ctx := open(t, "/?lang=en&r1=2.75")
	waitReady(t, ctx)

	// The button calls window.print (headless Chromium has no dialog).
	eval[bool](t, ctx, `(window.__prints = 0, window.print = () => { window.__prints++; }, true)`)
	click(t, ctx, "export-print", "")
	waitJS(t, ctx, `window.__prints === 1`, waitTimeout, "window.print() after the print button")

	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	hidden := eval[[]string](t, ctx, `(() => {
		const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
		const bad = [];
		for (const sel of ['input', 'select', 'button', '.top', '.tools', '.inputs', '.chart']) {
			document.querySelectorAll(sel).forEach(el => { if (shown(el)) bad.push(sel); });
		}
		if (!shown(document.querySelector('.print-doc'))) bad.push('no .print-doc');
		if (!shown(document.querySelector('[data-testid=print-signatures]'))) bad.push('no signatures');
		return [...new Set(bad)];
	})()`)
	if len(hidden) > 0 {
		t.Errorf("print media: %v", hidden)
	}
	doc := eval[string](t, ctx, `document.querySelector('.print-doc').innerText`)
	for _, id := range []string{"sla-marketing", "sla-sales", "goal-line"} {
		if s := text(t, ctx, id); !strings.Contains(doc, s) {
			t.Errorf("the printout lacks [data-testid=%s] %q", id, s)
		}
	}
	signatures := text(t, ctx, "print-signatures")
	for _, s := range []string{"Marketing:", "Sales:", "Date:"} {
		if !strings.Contains(signatures, s) {
			t.Errorf("the signature block lacks %q: %s", s, signatures)
		}
	}
	for _, s := range []string{"Reps needed: 3", "Per week", "Opportunities"} {
		if !strings.Contains(doc, s) {
			t.Errorf("the printout lacks %q:\n%s", s, doc)
		}
	}

	// One A4 page.
	pdf, pages := printPDF(t, ctx)
	if pages != 2 {
		t.Errorf("the printout has %d A4 pages, want 2 (the SLA, then the month by month)", pages)
	}

	// A picture of the print layout at A4 width (794 px at 96 dpi).
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: 794, Height: 1123, DeviceScaleFactor: 1,
	}); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(os.TempDir(), "embudo-print.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(strings.TrimSuffix(out, ".png")+".pdf", pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("print layout: %s (and .pdf, %d page)", out, pages)

	// Spanish, large numbers, a long link: still one page.
	if _, err := chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, "/?lang=es&cur=COP&goal=987654321.5&ticket=1234.56&r1=0.75&r2=12.5&r3=33.33&weeks=45&cap=7")
	waitReady(t, ctx)
	if _, pages := printPDF(t, ctx); pages != 2 {
		t.Errorf("the Spanish printout with large numbers has %d A4 pages, want 2 (the SLA, then the month by month)", pages)
	}
	// Printed without the button (the browser's menu): beforeprint renders
	// the document, which the wasm's first render leaves out.
	if !eval[bool](t, ctx, `!!document.querySelector('.print-doc [data-testid=print-signatures]')`) {
		t.Error("printing without the button: no print document")
	}
}

// printPDF prints the page on A4 and returns the PDF and its page count.
func printPDF(t testing.TB, ctx context.Context) ([]byte, int) {
	t.Helper()
	yes := true
	printed, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{
		PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &yes, PrintBackground: &yes,
	})
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	return printed.Data, len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(printed.Data, -1))
}
