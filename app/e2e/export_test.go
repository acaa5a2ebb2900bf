//go:build !wasm

package e2e

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	catalog "embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestExportForecastPrint prints in forecast mode: the document is the
// forecast (what is reachable, as the screen shows it, each constraint's
// own figures, the expected people per stage, the inputs), not the SLA,
// and fits one A4 page. Back in plan mode, the printout is the SLA again.
func TestExportForecastPrint(t *testing.T) {
	ctx := open(t, "/?lang=en&mode=forecast&r1=2.75")
	waitReady(t, ctx)

	eval[bool](t, ctx, `(window.__prints = 0, window.print = () => { window.__prints++; }, true)`)
	click(t, ctx, "export-print", "")
	waitJS(t, ctx, `window.__prints === 1`, waitTimeout, "window.print() after the print button")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	})
	problems := eval[[]string](t, ctx, `(() => {
		const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
		const bad = [];
		const doc = document.querySelector('.print-doc');
		if (!shown(doc)) bad.push('no .print-doc');
		else if (doc.dataset.mode !== 'forecast') bad.push('the printout is for mode ' + doc.dataset.mode);
		if (document.querySelector('[data-testid=print-signatures]')) bad.push('signatures on a forecast');
		for (const sel of ['input', 'button', '.forecast', '.inputs']) {
			document.querySelectorAll(sel).forEach(el => { if (shown(el)) bad.push(sel); });
		}
		return [...new Set(bad)];
	})()`)
	if len(problems) > 0 {
		t.Fatalf("print media: %v", problems)
	}
	doc := eval[string](t, ctx, `document.querySelector('.print-doc').innerText`)
	if strings.Contains(doc, "Service level agreement") || strings.Contains(doc, "Marketing → Sales") {
		t.Errorf("the forecast's printout holds the SLA:\n%s", doc)
	}
	// Each figure as the screen shows it.
	for screen, printed := range map[string]string{
		"reachable-customers": "print-reachable-customers",
		"reachable-revenue":   "print-reachable-revenue",
		"forecast-customers":  "print-traffic-customers",
		"forecast-revenue":    "print-traffic-revenue",
		"capacity-customers":  "print-capacity-customers",
		"capacity-revenue":    "print-capacity-revenue",
	} {
		if want, got := text(t, ctx, screen), text(t, ctx, printed); want != got {
			t.Errorf("[data-testid=%s] prints %q, the screen's [data-testid=%s] shows %q", printed, got, screen, want)
		}
	}
	if b, p := text(t, ctx, "bottleneck"), text(t, ctx, "print-bottleneck"); !strings.HasPrefix(p, b) {
		t.Errorf("the printout's bottleneck %q does not start with the screen's %q", p, b)
	}
	for _, s := range funnel.Stages {
		if v := text(t, ctx, "expected-"+s.Key()); !strings.Contains(doc, v) {
			t.Errorf("the printout lacks the expected %s %q:\n%s", s.Key(), v, doc)
		}
	}
	for _, s := range []string{"What you can reach", "Each constraint on its own", "Expected people per stage",
		"Reps on the team", "Reps the goal needs", "Visitors a month the goal needs", "Scenario inputs",
		"Visitors → leads", "2.75%", "Visitors per month", "mode=forecast"} {
		if !strings.Contains(doc, s) {
			t.Errorf("the printout lacks %q:\n%s", s, doc)
		}
	}
	if _, pages := printPDF(t, ctx); pages != 2 {
		t.Errorf("the forecast's printout has %d A4 pages, want 2 (the forecast, then the month by month)", pages)
	}

	// Spanish, pesos, large numbers: still one page.
	navigate(t, ctx, "/?lang=es&cur=COP&mode=forecast&goal=987654321.5&ticket=1234.56&r1=0.75&r2=12.5&r3=33.33&visits=123456789&reps=250")
	waitReady(t, ctx)
	if _, pages := printPDF(t, ctx); pages != 2 {
		t.Errorf("the Spanish forecast's printout has %d A4 pages, want 2 (the forecast, then the month by month)", pages)
	}
	if m := eval[string](t, ctx, `(document.querySelector('.print-doc') || {dataset: {}}).dataset.mode || ''`); m != "forecast" {
		t.Errorf("printed from the browser's menu: the printout is for mode %q, want forecast", m)
	}

	// The mode changes, the printout follows.
	click(t, ctx, "mode-plan", "")
	waitJS(t, ctx, `document.getElementById('export-title').textContent === 'Exportar el SLA'`, waitTimeout, "plan mode's export")
	printPDF(t, ctx)
	if m := eval[string](t, ctx, `(document.querySelector('.print-doc') || {dataset: {}}).dataset.mode || ''`); m != "plan" {
		t.Errorf("after switching to plan: the printout is for mode %q, want plan", m)
	}
	if !eval[bool](t, ctx, `!!document.querySelector('.print-doc [data-testid=print-signatures]')`) {
		t.Error("the plan's printout has no signatures")
	}
}

// TestExportCSVInputsFirst downloads the CSV in both modes: it begins with
// the inputs the mode reads, labelled as on screen and valued as in the
// link; the forecast's goes on with what is reachable, as on screen, and
// ends with the expected people per stage.
func TestExportCSVInputsFirst(t *testing.T) {
	ctx := newTab(t)
	for _, tt := range []struct {
		query string
		sep   rune
		file  string
		names []string // the link parameters of the inputs, in order
	}{
		{"lang=es&cur=EUR&mode=forecast&r1=2.75&goal=123456.78", ';', "embudo-pronostico.csv",
			[]string{"goal", "ticket", "r1", "r2", "r3", "r4", "r5", "weeks", "cap", "calls", "emails", "visits", "reps"}},
		{"lang=en&cur=USD&mode=forecast&r1=2.75&visits=100", ',', "embudo-forecast.csv",
			[]string{"goal", "ticket", "r1", "r2", "r3", "r4", "r5", "weeks", "cap", "calls", "emails", "visits", "reps"}},
		{"lang=pt&cur=BRL&r1=2.75", ';', "embudo-sla.csv",
			[]string{"goal", "ticket", "r1", "r2", "r3", "r4", "r5", "weeks", "cap", "calls", "emails"}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			dir := t.TempDir()
			navigate(t, ctx, "/?"+tt.query)
			waitReady(t, ctx)
			downloads(t, ctx, dir)
			click(t, ctx, "export-csv", "")
			raw := waitFile(t, filepath.Join(dir, tt.file))
			body, ok := strings.CutPrefix(string(raw), "\ufeff")
			if !ok {
				t.Errorf("the CSV does not start with a UTF-8 byte-order mark")
			}
			r := csv.NewReader(strings.NewReader(body))
			r.Comma = tt.sep
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatalf("parsing the CSV with %q: %v\n%s", tt.sep, err, body)
			}
			if len(recs) < 2+len(tt.names) {
				t.Fatalf("CSV: %d records:\n%s", len(recs), body)
			}
			if recs[0][0] == "" || recs[0][1] == "" {
				t.Errorf("the CSV's first row is not the inputs' heading: %q", recs[0])
			}
			// The inputs, first, as the screen labels them and the link
			// writes them.
			for i, name := range tt.names {
				rec := recs[1+i]
				label := eval[string](t, ctx, `document.getElementById(`+jsString("label-"+name)+`).textContent.trim()`)
				value, _ := queryParam(t, ctx, name)
				if rec[0] != label || rec[1] != value {
					t.Errorf("CSV row %d: %q, want %q = %q (the screen's label, the link's value)", 1+i, rec[:2], label, value)
				}
			}
			// The month by month comes last (months_test.go checks it):
			// the mode's own sections end before it.
			for i, rec := range recs {
				if rec[0] == catalog.For(eval[string](t, ctx, `document.documentElement.lang`)).MonthsTitle {
					recs = recs[:i-1]
					break
				}
			}
			if rest := strings.Join(recs[1+len(tt.names)], ""); rest != "" {
				t.Errorf("CSV: after the inputs, %q, want a blank row", recs[1+len(tt.names)])
			}
			if !strings.Contains(tt.query, "mode=forecast") {
				// The stage table ends the plan's sections, as on screen.
				tail := recs[len(recs)-funnel.NumStages:]
				for i, s := range funnel.Stages {
					got, err := parseNum(tail[i][4])
					if screen := num(t, ctx, "week-"+s.Key()); err != nil || !nearlyEqual(got, screen) {
						t.Errorf("CSV %s a week: %q, the screen shows %v", s.Key(), tail[i][4], screen)
					}
				}
				return
			}
			// What is reachable, as on screen.
			find := func(testid string) []string {
				label := eval[string](t, ctx, `document.querySelector(`+jsString(byTestID(testid))+`).previousElementSibling.textContent.trim()`)
				for _, rec := range recs {
					if rec[0] == label {
						return rec
					}
				}
				t.Fatalf("the CSV has no row %q ([data-testid=%s]):\n%s", label, testid, body)
				return nil
			}
			for _, id := range []string{"reachable-customers", "reachable-revenue", "forecast-revenue", "capacity-revenue"} {
				rec := find(id)
				got, err := parseNum(rec[1])
				if screen := num(t, ctx, id); err != nil || !nearlyEqual(got, screen) {
					t.Errorf("CSV %s: %q, the screen shows %v", id, rec[1], screen)
				}
			}
			// The expected people per stage end the forecast's sections.
			tail := recs[len(recs)-funnel.NumStages:]
			for i, s := range funnel.Stages {
				got, err := parseNum(tail[i][1])
				if screen := num(t, ctx, "expected-"+s.Key()); err != nil || !nearlyEqual(got, screen) {
					t.Errorf("CSV expected %s: %q, the screen shows %v", s.Key(), tail[i][1], screen)
				}
			}
		})
	}
}

// TestExportForecastClipboard copies in forecast mode: the text is the
// forecast with what is reachable, as the screen shows it, not the SLA.
func TestExportForecastClipboard(t *testing.T) {
	ctx := open(t, "/?lang=es&cur=ARS&mode=forecast&r1=2.75")
	waitReady(t, ctx)
	got := copyToClipboard(t, ctx)
	flat := strings.Join(strings.Fields(got), " ")
	for _, id := range []string{"reachable-customers", "reachable-revenue", "forecast-revenue", "capacity-revenue", "bottleneck"} {
		if screen := text(t, ctx, id); !strings.Contains(flat, screen) {
			t.Errorf("clipboard lacks [data-testid=%s] as shown (%q):\n%s", id, screen, got)
		}
	}
	if strings.Contains(got, "Marketing → Ventas") {
		t.Errorf("the forecast's copy holds the SLA:\n%s", got)
	}
	if !strings.Contains(got, "mode=forecast") {
		t.Errorf("clipboard lacks the scenario's link:\n%s", got)
	}
}

// copyToClipboard presses Copy with the real clipboard and reads it back.
func copyToClipboard(t testing.TB, ctx context.Context) string {
	t.Helper()
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
	return eval[string](t, ctx, `navigator.clipboard.readText()`)
}
