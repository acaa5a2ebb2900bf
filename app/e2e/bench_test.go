//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// loadProbe runs in every new document before the page's scripts: it
// records when the numbers are first in the DOM, when the wasm has mounted,
// and the largest contentful paint.
const loadProbe = `(() => {
	const m = window.__bench = {numbers: null, ready: null, lcp: null};
	const check = () => {
		const now = performance.now();
		if (m.numbers === null) {
			const el = document.querySelector('[data-testid=count-visitors]');
			if (el && /\d/.test(el.textContent)) m.numbers = now;
		}
		if (m.ready === null && document.querySelector('[data-wasm=ready]')) m.ready = now;
		return m.numbers !== null && m.ready !== null;
	};
	const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
	mo.observe(document, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-wasm']});
	try {
		new PerformanceObserver(l => { for (const e of l.getEntries()) m.lcp = e.startTime; })
			.observe({type: 'largest-contentful-paint', buffered: true});
	} catch (e) {}
})();`

// firstInputProbe keeps setting input-r1 to 25 (an input event every 5 ms
// from the moment the slider exists) and records when count-visitors first
// shows 6,400: the first slider input that the wasm handled.
const firstInputProbe = `(() => {
	const b = window.__bench = {firstInput: null, ready: null, tries: 0};
	const shows6400 = () => {
		const v = document.querySelector('[data-testid=count-visitors]');
		return v && v.textContent.replace(/\D/g, '') === '6400';
	};
	const mo = new MutationObserver(() => {
		const now = performance.now();
		if (b.ready === null && document.querySelector('[data-wasm=ready]')) b.ready = now;
		if (b.firstInput === null && b.tries > 0 && shows6400()) { b.firstInput = now; mo.disconnect(); }
	});
	mo.observe(document, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-wasm']});
	const tick = () => {
		if (b.firstInput !== null) return;
		const s = document.querySelector('[data-testid=input-r1]');
		if (s) {
			s.value = '25';
			s.dispatchEvent(new Event('input', {bubbles: true}));
			b.tries++;
		}
		setTimeout(tick, 5);
	};
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tick); else tick();
})();`

// latencyProbe moves input-r1 200 times (10 % … 49 %, every value changes
// the visitors) and measures, inside the page, the time from dispatching
// the input event to the mutation that changes count-visitors.
const latencyProbe = `(async () => {
	const s = document.querySelector('[data-testid=input-r1]');
	const shown = () => document.querySelector('[data-testid=count-visitors]').textContent;
	const lat = [];
	let misses = 0;
	for (let i = 0; i < 200 && misses < 5; i++) {
		const v = String(10 + (i % 40));
		const before = shown();
		lat.push(await new Promise(resolve => {
			let t0 = 0, to = 0;
			const mo = new MutationObserver(() => {
				if (shown() !== before) {
					const dt = performance.now() - t0;
					mo.disconnect(); clearTimeout(to); resolve(dt);
				}
			});
			mo.observe(document.body, {subtree: true, childList: true, characterData: true});
			to = setTimeout(() => { mo.disconnect(); misses++; resolve(-1); }, 1000);
			t0 = performance.now();
			s.value = v;
			s.dispatchEvent(new Event('input', {bubbles: true}));
		}));
		// Let the frame finish, as between two pointer moves of a drag.
		await new Promise(r => setTimeout(r, 0));
	}
	return lat;
})()`

// resourcesProbe reads the Navigation and Resource Timing entries.
const resourcesProbe = `(() => {
	const pick = e => ({name: e.name, type: e.initiatorType || 'navigation',
		transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
		end: e.responseEnd});
	const nav = performance.getEntriesByType('navigation')[0];
	const paint = {};
	for (const p of performance.getEntriesByType('paint')) paint[p.name] = p.startTime;
	return {
		nav: pick(nav),
		dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
		resources: performance.getEntriesByType('resource').map(pick),
		paint,
		bench: window.__bench,
	};
})()`

type timingEntry struct {
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Transfer float64 `json:"transfer"`
	Encoded  float64 `json:"encoded"`
	Decoded  float64 `json:"decoded"`
	End      float64 `json:"end"`
}

type loadResult struct {
	Nav       timingEntry        `json:"nav"`
	DCL       float64            `json:"dcl"`
	Load      float64            `json:"load"`
	Resources []timingEntry      `json:"resources"`
	Paint     map[string]float64 `json:"paint"`
	Bench     struct {
		Numbers    *float64 `json:"numbers"`
		Ready      *float64 `json:"ready"`
		LCP        *float64 `json:"lcp"`
		FirstInput *float64 `json:"firstInput"`
		Tries      int      `json:"tries"`
	} `json:"bench"`
}

// TestBenchBrowser measures what a user feels; it runs only with BENCH=1
// (make bench-browser) and logs a table.
func TestBenchBrowser(t *testing.T) {
	if os.Getenv("BENCH") != "1" {
		t.Skip("browser bench: set BENCH=1 (make bench-browser)")
	}
	needBrowser(t)

	const runs = 3
	var fcp, numbers, ready, lcp, firstInput, firstInputReady []float64
	var first loadResult
	var latencies []float64
	var timeouts int

	for i := 0; i < runs; i++ {
		// Cold load in a fresh browser context: nothing cached.
		ctx := newTab(t)
		addProbe(t, ctx, loadProbe)
		navigate(t, ctx, "/")
		waitReady(t, ctx)
		time.Sleep(time.Second) // let late requests (icons, manifest…) finish
		r := eval[loadResult](t, ctx, resourcesProbe)
		if i == 0 {
			first = r
			lat := eval[[]float64](t, ctx, latencyProbe)
			for _, v := range lat {
				if v < 0 {
					timeouts++
					continue
				}
				latencies = append(latencies, v)
			}
		}
		fcp = appendIf(fcp, r.Paint["first-contentful-paint"], r.Paint["first-contentful-paint"] > 0)
		if r.Bench.Numbers != nil {
			numbers = append(numbers, *r.Bench.Numbers)
		}
		if r.Bench.Ready != nil {
			ready = append(ready, *r.Bench.Ready)
		}
		if r.Bench.LCP != nil {
			lcp = append(lcp, *r.Bench.LCP)
		}

		// First input handled by the wasm, in another cold context.
		ctx2 := newTab(t)
		addProbe(t, ctx2, firstInputProbe)
		navigate(t, ctx2, "/")
		waitJS(t, ctx2, `window.__bench && window.__bench.firstInput !== null`, readyTimeout,
			"the first slider input to be handled (count-visitors 6,400)")
		r2 := eval[loadResult](t, ctx2, resourcesProbe)
		firstInput = append(firstInput, *r2.Bench.FirstInput)
		if r2.Bench.Ready != nil {
			firstInputReady = append(firstInputReady, *r2.Bench.Ready)
		}
	}

	var wasm *timingEntry
	for i := range first.Resources {
		if strings.Contains(first.Resources[i].Name, "app.wasm") {
			wasm = &first.Resources[i]
		}
	}
	totalTransfer, totalEncoded, totalDecoded := first.Nav.Transfer, first.Nav.Encoded, first.Nav.Decoded
	for _, r := range first.Resources {
		totalTransfer += r.Transfer
		totalEncoded += r.Encoded
		totalDecoded += r.Decoded
	}

	ver, _ := chromedp.CallBrowser(browserCtx, browser.GetVersion, cdp.Empty{})
	var b strings.Builder
	fmt.Fprintf(&b, "Embudo in-browser figures: %s, headless, %d CPUs, %s, %d cold loads (median [min-max])\n",
		ver.Product, goruntime.NumCPU(), baseURL, runs)
	row := func(k, v string) { fmt.Fprintf(&b, "  %-46s %s\n", k, v) }
	row("first contentful paint (pre-rendered numbers)", msStats(fcp))
	row("numbers in the DOM (parser)", msStats(numbers))
	row("largest contentful paint", msStats(lcp))
	row("wasm mounted ([data-wasm=ready])", msStats(ready))
	row("first slider input handled by the wasm", msStats(firstInput))
	row("  (wasm mounted, same loads)", msStats(firstInputReady))
	if len(latencies) > 0 {
		row(fmt.Sprintf("input→DOM latency, %d inputs", len(latencies)+timeouts),
			fmt.Sprintf("p50 %.1f ms, p95 %.1f ms, max %.1f ms", pct(latencies, 50), pct(latencies, 95), pct(latencies, 100)))
	}
	if timeouts > 0 {
		row("inputs with no DOM change within 1 s", fmt.Sprint(timeouts))
	}
	if wasm != nil {
		row("app.wasm transferred (encoded body)", kib(wasm.Encoded)+fmt.Sprintf(" (transferSize %s)", kib(wasm.Transfer)))
		row("app.wasm decoded", kib(wasm.Decoded))
	} else {
		row("app.wasm", "not in Resource Timing")
	}
	row(fmt.Sprintf("first load total, %d requests (transferSize)", len(first.Resources)+1), kib(totalTransfer))
	row("first load total (encoded bodies)", kib(totalEncoded)+", decoded "+kib(totalDecoded))
	row("DOMContentLoaded / load event", fmt.Sprintf("%.0f ms / %.0f ms", first.DCL, first.Load))
	if repoRoot != "" {
		var sizes []string
		for _, name := range []string{"app.wasm", "app.wasm.gz", "app.wasm.br"} {
			if fi, err := os.Stat(filepath.Join(repoRoot, "web", name)); err == nil {
				sizes = append(sizes, name+" "+kib(float64(fi.Size())))
			}
		}
		row("on disk (web/)", strings.Join(sizes, ", "))
	}
	b.WriteString("  requests of the first load:\n")
	for _, r := range append([]timingEntry{first.Nav}, first.Resources...) {
		name := strings.TrimPrefix(r.Name, baseURL)
		fmt.Fprintf(&b, "    %-40s %-10s transfer %9s  encoded %9s  decoded %9s  end %6.0f ms\n",
			abbrev(name, 40), r.Type, kib(r.Transfer), kib(r.Encoded), kib(r.Decoded), r.End)
	}

	t.Log("\n" + b.String())
	fmt.Print(b.String())
	if timeouts > 0 {
		t.Errorf("%d slider inputs changed nothing within 1 s (the probe stops after 5)", timeouts)
	}
}

// addProbe installs a script that runs in every new document of the tab,
// before the page's own scripts.
func addProbe(t testing.TB, ctx context.Context, src string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		t.Fatalf("installing a probe script: %v", err)
	}
}

func appendIf(s []float64, v float64, ok bool) []float64 {
	if ok {
		return append(s, v)
	}
	return s
}

// pct returns the p-th percentile (nearest rank) of vs.
func pct(vs []float64, p float64) float64 {
	if len(vs) == 0 {
		return 0
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func msStats(vs []float64) string {
	if len(vs) == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f ms [%.0f-%.0f]", pct(vs, 50), slices.Min(vs), slices.Max(vs))
}

func kib(n float64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MiB", n/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", n/(1<<10))
	default:
		return fmt.Sprintf("%.0f B", n)
	}
}
