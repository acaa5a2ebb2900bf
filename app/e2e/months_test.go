//go:build !wasm

package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	catalog "embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// monthsLink has a season (a December peak), lags, a ramp and an
// attainment, in a year of its own.
const monthsLink = "lang=en&year=2025&start=1&season=1,1,1,1,1,1,1,1,1,1,1,3&lag=10,20,15,30,45&ramp=3&attain=85&reps=1"

// shownRow is a month row as the page shows it.
type shownRow struct {
	Month  string
	LeadIn bool
	Values map[string]string // data-value by test hook
	Hires  int
}

// openMonths opens the month-by-month panel and reads its rows.
func openMonths(t testing.TB, ctx context.Context) []shownRow {
	t.Helper()
	eval[bool](t, ctx, `(() => { const d = document.querySelector('[data-testid=months]'); d.open = true; d.dispatchEvent(new Event('toggle')); return true; })()`)
	waitJS(t, ctx, `document.querySelectorAll('[data-testid=cal-month]').length >= 12`, waitTimeout, "the month rows")
	return readMonths(t, ctx)
}

func readMonths(t testing.TB, ctx context.Context) []shownRow {
	t.Helper()
	raw := eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll('[data-testid=cal-month]')].map(r => ({
		Month: r.dataset.month, LeadIn: r.dataset.leadin === '1',
		Values: Object.fromEntries([...r.querySelectorAll('[data-value]')].map(c => [c.dataset.testid, c.dataset.value])),
		Hires: r.querySelectorAll('[data-testid=hire]').length,
	})))`)
	var rows []shownRow
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// wantMonths is the table funnel computes for a link.
func wantMonths(t testing.TB, query string) funnel.MonthPlan {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	sc, errs := funnel.ParseQuery(q)
	if len(errs) > 0 {
		t.Fatalf("the link has errors: %v", errs)
	}
	mp, err := funnel.ComputeMonths(sc.Inputs, sc.Cal, 2025)
	if err != nil {
		t.Fatal(err)
	}
	return mp
}

func monthKeyOf(m funnel.Month) string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// TestMonthsLinkReproducesTable: a link with a season, lags and a ramp
// shows, month by month, what funnel computes for it: the months (lead-in
// ones marked), every stage, the capacity and the hires.
func TestMonthsLinkReproducesTable(t *testing.T) {
	ctx := open(t, "/?"+monthsLink)
	waitReady(t, ctx)
	rows := openMonths(t, ctx)
	mp := wantMonths(t, monthsLink)
	if mp.LeadIn == 0 || mp.Hires == 0 {
		t.Fatalf("the link should need lead-in months and hires: %+v", mp)
	}
	if len(rows) != len(mp.Months) {
		t.Fatalf("%d rows shown, funnel has %d months", len(rows), len(mp.Months))
	}
	for i, m := range mp.Months {
		r := rows[i]
		if r.Month != monthKeyOf(m) || r.LeadIn != m.LeadIn {
			t.Errorf("row %d: %s lead-in %v, want %s lead-in %v", i, r.Month, r.LeadIn, monthKeyOf(m), m.LeadIn)
		}
		for _, s := range funnel.Stages {
			if got, want := r.Values["cal-"+s.Key()], strconv.FormatInt(m.Stages[s], 10); got != want {
				t.Errorf("%s %s: %s, want %s", r.Month, s.Key(), got, want)
			}
		}
		if got, want := r.Values["cal-capacity"], funnel.FormatFixed(int64(m.Capacity.Tenths()), 1); got != want {
			t.Errorf("%s capacity: %s, want %s", r.Month, got, want)
		}
		if r.Hires != int(m.Hires) {
			t.Errorf("%s: %d hires shown, want %d", r.Month, r.Hires, m.Hires)
		}
	}
	assertNoConsoleErrors(t, ctx)
}

// TestMonthsStartRelabels: choosing another first month relabels the
// months, and the link keeps it.
func TestMonthsStartRelabels(t *testing.T) {
	ctx := open(t, "/?lang=en&year=2025")
	waitReady(t, ctx)
	rows := openMonths(t, ctx)
	if rows[0].Month != "2025-01" || rows[11].Month != "2025-12" {
		t.Fatalf("from January: %s … %s", rows[0].Month, rows[11].Month)
	}
	eval[bool](t, ctx, `(() => { const s = document.getElementById('cal-start'); s.value = '7'; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	waitJS(t, ctx, `document.querySelector('[data-testid=cal-month]').dataset.month === '2025-07'`, waitTimeout, "the months from July")
	waitParamIs(t, ctx, "start", "7")
	rows = readMonths(t, ctx)
	if rows[11].Month != "2026-06" {
		t.Errorf("the fiscal year from July ends %s, want 2026-06", rows[11].Month)
	}
	if got := eval[string](t, ctx, `document.querySelector('[data-testid=cal-month] th').textContent.trim()`); got != "Jul 2025" {
		t.Errorf("the first month reads %q, want Jul 2025", got)
	}
	// A fresh tab on the link shows the same.
	link := currentURL(t, ctx)
	u, _ := url.Parse(link)
	fresh := open(t, "/?"+u.RawQuery)
	waitReady(t, fresh)
	if got := openMonths(t, fresh)[0].Month; got != "2025-07" {
		t.Errorf("the link %s opens on %s", link, got)
	}
}

// TestMonthsCSV: the CSV holds a row a month, as the table shows it.
func TestMonthsCSV(t *testing.T) {
	ctx := open(t, "/?"+strings.Replace(monthsLink, "lang=en", "lang=es&cur=EUR", 1))
	waitReady(t, ctx)
	rows := openMonths(t, ctx)
	dir := t.TempDir()
	downloads(t, ctx, dir)
	click(t, ctx, "export-csv", "")
	raw := waitFile(t, filepath.Join(dir, "embudo-sla.csv"))
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	tx := catalog.For("es")
	at := -1
	for i, rec := range recs {
		if rec[0] == tx.CalMonth {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no month rows in the CSV:\n%s", raw)
	}
	months := recs[at+1:]
	if len(months) != len(rows) {
		t.Fatalf("the CSV has %d months, the table %d", len(months), len(rows))
	}
	for i, rec := range months {
		row := rows[i]
		if rec[0] != row.Month || (rec[1] == "1") != row.LeadIn {
			t.Errorf("CSV month %d: %q, the table %s (lead-in %v)", i, rec[:2], row.Month, row.LeadIn)
		}
		for j, s := range funnel.Stages {
			if rec[2+j] != row.Values["cal-"+s.Key()] {
				t.Errorf("CSV %s %s: %s, the table %s", rec[0], s.Key(), rec[2+j], row.Values["cal-"+s.Key()])
			}
		}
		if want := strings.Replace(row.Values["cal-capacity"], ".", ",", 1); rec[8] != want && rec[8] != want+",0" {
			t.Errorf("CSV %s capacity: %s, the table %s", rec[0], rec[8], row.Values["cal-capacity"])
		}
		if rec[9] != strconv.Itoa(row.Hires) {
			t.Errorf("CSV %s hires: %s, the table %d", rec[0], rec[9], row.Hires)
		}
	}
}

// TestMonthsAccessibility audits the open panel with axe-core at 320 and
// 1280 px, in English and Spanish, light and dark, with lead-in months,
// hires and uncovered months on screen; and nothing scrolls sideways.
func TestMonthsAccessibility(t *testing.T) {
	needBrowser(t)
	axe := axeSource(t)
	for _, tc := range []struct {
		lang  string
		width int64
		dark  bool
	}{{"en", 320, false}, {"es", 320, true}, {"en", 1280, true}, {"es", 1280, false}} {
		t.Run(fmt.Sprintf("%s %d dark %v", tc.lang, tc.width, tc.dark), func(t *testing.T) {
			ctx := newTab(t)
			scheme := map[bool]string{false: "light", true: "dark"}[tc.dark]
			setViewport(t, ctx, tc.width)
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			navigate(t, ctx, "/?"+strings.Replace(monthsLink, "lang=en", "lang="+tc.lang, 1)+"&lag=200,200,200,200,60")
			waitReady(t, ctx)
			openMonths(t, ctx)
			if wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > document.documentElement.clientWidth`); wide {
				t.Errorf("scrolls sideways at %d px", tc.width)
			}
			script := axe + `;axe.run(document.querySelector('[data-testid=months]'), {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
				.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + " " + (n.failureSummary || "")).slice(0, 5)}))))`
			var violations []struct {
				ID, Help string
				Nodes    []string
			}
			if err := json.Unmarshal([]byte(eval[string](t, ctx, script)), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("%s (%s):\n  %s", v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		})
	}
}

// TestMonthsScreenshots writes screenshots of the open panel to
// MONTHS_SHOTS (a folder), for a person to look at; skipped without it.
func TestMonthsScreenshots(t *testing.T) {
	dir := os.Getenv("MONTHS_SHOTS")
	if dir == "" {
		t.Skip("MONTHS_SHOTS not set")
	}
	for _, tc := range []struct {
		name, query string
		width       int64
	}{
		{"month-1280-en-60day", "lang=en&lag=0,0,0,0,60", 1280},
		{"month-1280-es-large", "lang=es&cur=COP&mode=forecast&goal=987654321.5&ticket=1234.56&r1=0.75&r2=12.5&r3=33.33&visits=123456789&reps=250", 1280},
		{"month-360-es-december", "lang=es&season=1,1,1,1,1,1,1,1,1,1,1,3&ramp=3&attain=85&lag=0,0,0,30,45", 360},
	} {
		ctx := newTab(t)
		setViewport(t, ctx, tc.width)
		navigate(t, ctx, "/?"+tc.query)
		waitReady(t, ctx)
		openMonths(t, ctx)
		// The panel fills the window: a screenshot of it alone.
		h := eval[float64](t, ctx, `document.querySelector('[data-testid=months]').getBoundingClientRect().height`)
		if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: tc.width, Height: int64(h) + 40, DeviceScaleFactor: 1, Mobile: tc.width < 500,
		}); err != nil {
			t.Fatal(err)
		}
		eval[bool](t, ctx, `(document.querySelector('[data-testid=months]').scrollIntoView(), scrollBy(0, -20), true)`)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, tc.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		if tc.width == 1280 {
			name := strings.TrimPrefix(tc.name, "month-1280-")
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			eval[bool](t, ctx, `(window.dispatchEvent(new Event('beforeprint')), true)`)
			waitJS(t, ctx, `!!document.querySelector('[data-testid=print-months]')`, waitTimeout, "the printout's months")
			pdf, pages := printPDF(t, ctx)
			t.Logf("printout: %d pages", pages)
			setViewport(t, ctx, 794)
			if png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "month-print-"+name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "month-print-"+name+".pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func setViewport(t testing.TB, ctx context.Context, width int64) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 500,
	}); err != nil {
		t.Fatal(err)
	}
}

// TestMonthsFollowSlider: with the table open, a slider move reaches the
// month rows too (a task after the slider's own numbers): r3 from 50 % to
// 25 % doubles the MQLs, and the months still add up to the year's 1,600.
func TestMonthsFollowSlider(t *testing.T) {
	ctx := open(t, "/?lang=en&lag=0,0,0,30,45&ramp=3")
	waitReady(t, ctx)
	openMonths(t, ctx)
	setSlider(t, ctx, "input-r3", "25")
	waitNumber(t, ctx, "count-mqls", 1600)
	waitJS(t, ctx, `[...document.querySelectorAll('[data-testid=cal-mqls]')].reduce((s, el) => s + Number(el.dataset.value), 0) === 1600`,
		waitTimeout, "the month rows' MQLs to add up to 1,600")
}
