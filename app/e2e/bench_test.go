//go:build !wasm

package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The budgets of make bench. Timings that depend on the machine are judged
// beside the plain-JavaScript page doing the same plan math
// (testdata/plain.html), measured in the same run.
const (
	budgetWasmBrotli   = 1_350_000 // bytes
	budgetWasmGzip     = 1_850_000 // bytes
	budgetFCPRatio     = 1.3       // observed FCP, × the plain page's
	budgetInteractive  = 1500      // ms, first slider input handled by the wasm, cold load on loopback
	budgetLongestTask  = 50        // ms, main-thread task from navigation to [data-wasm=ready]
	budgetInputP95     = 16        // ms, input event → DOM
	budgetInputRatio   = 5         // input→DOM p95, × the plain page's
	budgetSecondLoad   = 10_000    // bytes on the wire, service worker in place
	budgetPerformance  = 90        // Lighthouse mobile, /
	budgetPerfEmbed    = 95        // Lighthouse mobile, /?embed=1
	budgetLCP          = 2500      // ms
	budgetTBT          = 200       // ms, /
	budgetCLS          = 0.02
	budgetA11y         = 100
	budgetBestPractice = 100
	budgetSEO          = 90
)

// loadProbe runs in every new document before the page's scripts: it
// records when the numbers are first in the DOM, when the wasm has
// rendered, and the largest contentful paint.
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
	const b = window.__bench = {firstInput: null, tries: 0};
	const shows6400 = () => {
		const v = document.querySelector('[data-testid=count-visitors]');
		return v && v.textContent.replace(/\D/g, '') === '6400';
	};
	const mo = new MutationObserver(() => {
		if (b.firstInput === null && b.tries > 0 && shows6400()) { b.firstInput = performance.now(); mo.disconnect(); }
	});
	mo.observe(document, {subtree: true, childList: true, characterData: true});
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

// paintProbe reads the paint timings and the probe's marks.
const paintProbe = `(() => {
	const paint = {};
	for (const p of performance.getEntriesByType('paint')) paint[p.name] = p.startTime;
	return {fcp: paint['first-contentful-paint'] || 0, bench: window.__bench};
})()`

type benchMarks struct {
	FCP   float64 `json:"fcp"`
	Bench struct {
		Numbers    *float64 `json:"numbers"`
		Ready      *float64 `json:"ready"`
		LCP        *float64 `json:"lcp"`
		FirstInput *float64 `json:"firstInput"`
	} `json:"bench"`
}

// benchRow is one figure of the report.
type benchRow struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Shown  string  `json:"shown"`
	Budget string  `json:"budget,omitempty"`
	Pass   *bool   `json:"pass,omitempty"`
	Note   string  `json:"note,omitempty"`
}

type benchReport struct {
	Date     string            `json:"date"`
	Browser  string            `json:"browser"`
	CPUs     int               `json:"cpus"`
	Rows     []benchRow        `json:"rows"`
	Packages []packageSize     `json:"wasmPackages,omitempty"`
	Requests map[string]string `json:"firstLoadRequests,omitempty"`
	Tasks    []string          `json:"longestTasks,omitempty"`
}

func (r *benchReport) add(name string, value float64, unit, shown string) *benchRow {
	r.Rows = append(r.Rows, benchRow{Name: name, Value: value, Unit: unit, Shown: shown})
	return &r.Rows[len(r.Rows)-1]
}

// atMost and atLeast set a row's budget and verdict.
func (row *benchRow) atMost(limit float64, shown string) *benchRow {
	ok := row.Value <= limit
	row.Budget, row.Pass = "≤ "+shown, &ok
	return row
}

func (row *benchRow) atLeast(limit float64, shown string) *benchRow {
	ok := row.Value >= limit
	row.Budget, row.Pass = "≥ "+shown, &ok
	return row
}

// TestBench measures what a user feels and checks it against the budgets;
// it runs only with BENCH=1 (make bench), prints a table and writes it as
// JSON to BENCH_JSON. BENCH_GO names the funnel's `go test -bench` output,
// BENCH_WASM_NAMES an app.wasm built with its symbol names (for the size
// by package) and LIGHTHOUSE the lighthouse command, when they exist.
func TestBench(t *testing.T) {
	if os.Getenv("BENCH") != "1" {
		t.Skip("bench: set BENCH=1 (make bench)")
	}
	needBrowser(t)
	ver, _ := chromedp.CallBrowser(browserCtx, browser.GetVersion, cdp.Empty{})
	r := &benchReport{Date: time.Now().UTC().Format(time.RFC3339), Browser: ver.Product, CPUs: goruntime.NumCPU()}

	// Each phase in a subtest of its own, so its tabs are closed before
	// the next (Lighthouse's runs share the machine's two cores).
	benchWasmSize(t, r)
	proxy := newCountingProxy(t, baseURL)
	t.Run("loads", func(t *testing.T) { benchLoads(t, r, proxy) })
	t.Run("latency", func(t *testing.T) { benchLatency(t, r) })
	t.Run("trace", func(t *testing.T) { benchTrace(t, r) })
	benchGo(t, r)
	t.Run("lighthouse", func(t *testing.T) { benchLighthouse(t, r) })

	out := r.table()
	fmt.Print(out)
	t.Log("\n" + out)
	if path := os.Getenv("BENCH_JSON"); path != "" {
		b, _ := json.MarshalIndent(r, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Errorf("writing %s: %v", path, err)
		}
	}
	for _, row := range r.Rows {
		if row.Pass != nil && !*row.Pass {
			t.Errorf("over budget: %s = %s (budget %s)", row.Name, row.Shown, row.Budget)
		}
	}
}

func benchWasmSize(t *testing.T, r *benchReport) {
	web := filepath.Join(repoRoot, "web")
	size := func(name string) float64 {
		fi, err := os.Stat(filepath.Join(web, name))
		if err != nil {
			t.Fatalf("web/%s: %v (make bench builds it)", name, err)
		}
		return float64(fi.Size())
	}
	raw, gz, br := size("app.wasm"), size("app.wasm.gz"), size("app.wasm.br")
	r.add("app.wasm raw", raw, "B", bytesShown(raw))
	r.add("app.wasm gzip", gz, "B", bytesShown(gz)).atMost(budgetWasmGzip, bytesShown(budgetWasmGzip))
	r.add("app.wasm brotli", br, "B", fmt.Sprintf("%s, %s under budget", bytesShown(br), bytesShown(budgetWasmBrotli-br))).
		atMost(budgetWasmBrotli, bytesShown(budgetWasmBrotli))
	if names := os.Getenv("BENCH_WASM_NAMES"); names != "" {
		pkgs, err := wasmPackageSizes(names)
		if err != nil {
			t.Errorf("size by package: %v", err)
		}
		r.Packages = pkgs
	}
}

// benchLoads: cold loads straight from the server (first numbers, the
// first input handled), then the bytes of a cold load and of a second one
// with the service worker in place, through a proxy that counts what the
// server sends (the proxy's own hops stay out of the timings).
func benchLoads(t *testing.T, r *benchReport, proxy *countingProxy) {
	const runs = 5
	var fcp, plainFCP, numbers, ready, lcp, interactive []float64
	plain := plainPage(t)
	for range runs {
		pctx := newTab(t)
		navigate(t, pctx, plain)
		waitJS(t, pctx, `performance.getEntriesByName('first-contentful-paint').length > 0`, waitTimeout, "the plain page's first paint")
		plainFCP = append(plainFCP, eval[benchMarks](t, pctx, paintProbe).FCP)

		ctx := newTab(t)
		addProbe(t, ctx, loadProbe)
		navigate(t, ctx, "/")
		waitReady(t, ctx)
		m := eval[benchMarks](t, ctx, paintProbe)
		fcp = append(fcp, m.FCP)
		if m.Bench.Numbers != nil {
			numbers = append(numbers, *m.Bench.Numbers)
		}
		if m.Bench.Ready != nil {
			ready = append(ready, *m.Bench.Ready)
		}
		if m.Bench.LCP != nil {
			lcp = append(lcp, *m.Bench.LCP)
		}

		ctx2 := newTab(t)
		addProbe(t, ctx2, firstInputProbe)
		navigate(t, ctx2, "/")
		waitJS(t, ctx2, `window.__bench && window.__bench.firstInput !== null`, readyTimeout,
			"the first slider input to be handled (count-visitors 6,400)")
		interactive = append(interactive, *eval[benchMarks](t, ctx2, paintProbe).Bench.FirstInput)
	}

	ctx := newTab(t)
	proxy.reset()
	navigate(t, ctx, proxy.url+"/")
	waitReady(t, ctx)
	waitWorkerActive(t, ctx)
	firstBytes := proxy.settle()
	r.Requests = proxy.lastRequests()
	proxy.reset()
	navigate(t, ctx, proxy.url+"/")
	waitReady(t, ctx)
	secondBytes := proxy.settle()

	fcpRatio := pct(fcp, 50) / max(pct(plainFCP, 50), 1)
	r.add("first numbers painted (FCP, pre-rendered HTML)", pct(fcp, 50), "ms",
		fmt.Sprintf("%s; plain JS %s", msStats(fcp), msStats(plainFCP)))
	r.add("FCP ratio (app / plain JS)", fcpRatio, "×", fmt.Sprintf("%.2f×", fcpRatio)).
		atMost(budgetFCPRatio, fmt.Sprintf("%.1f×", budgetFCPRatio))
	r.add("numbers in the DOM (HTML parser)", pct(numbers, 50), "ms", msStats(numbers))
	r.add("largest contentful paint", pct(lcp, 50), "ms", msStats(lcp))
	r.add("wasm rendered, every part live ([data-wasm=ready])", pct(ready, 50), "ms", msStats(ready))
	r.add("first slider input handled by the wasm", pct(interactive, 50), "ms", msStats(interactive)).
		atMost(budgetInteractive, fmt.Sprint(budgetInteractive, " ms"))
	r.add("first load, bytes from the server", firstBytes, "B", bytesShown(firstBytes))
	r.add("second load, bytes from the server (service worker)", secondBytes, "B", bytesShown(secondBytes)).
		atMost(budgetSecondLoad, bytesShown(budgetSecondLoad))
}

func benchLatency(t *testing.T, r *benchReport) {
	app := inputLatency(t, baseURL+"/", true, false)
	months := inputLatency(t, baseURL+"/?lag=0,0,0,30,45&ramp=3", true, true)
	plain := inputLatency(t, plainPage(t), false, false)
	p95, plain95 := pct(app, 95), pct(plain, 95)
	ratio := p95 / max(plain95, 0.1)
	r.add("input→DOM p50, 200 slider inputs", pct(app, 50), "ms", fmt.Sprintf("%.1f ms", pct(app, 50)))
	r.add("input→DOM p95", p95, "ms", fmt.Sprintf("%.1f ms (%.1f× plain JS)", p95, ratio)).
		atMost(budgetInputP95, fmt.Sprint(budgetInputP95, " ms"))
	r.add("input→DOM max", pct(app, 100), "ms", fmt.Sprintf("%.1f ms", pct(app, 100)))
	m95 := pct(months, 95)
	r.add("input→DOM p95, month by month open on screen", m95, "ms",
		fmt.Sprintf("%.1f ms (p50 %.1f, %.1f× plain JS)", m95, pct(months, 50), m95/max(plain95, 0.1))).
		atMost(budgetInputP95, fmt.Sprint(budgetInputP95, " ms"))
	r.add("plain JS page: input→DOM p50 / p95 / max", plain95, "ms",
		fmt.Sprintf("%.1f / %.1f / %.1f ms", pct(plain, 50), plain95, pct(plain, 100)))
	r.add("ratio of the p95s (app / plain JS)", ratio, "×", fmt.Sprintf("%.1f×", ratio)).
		atMost(budgetInputRatio, fmt.Sprintf("%d×", budgetInputRatio))
}

// inputLatency runs latencyProbe on a page; wasm: wait for the wasm first;
// months: with the month-by-month table open and scrolled into view.
func inputLatency(t *testing.T, url string, wasm, months bool) []float64 {
	ctx := newTab(t)
	navigate(t, ctx, url)
	if wasm {
		waitReady(t, ctx)
	}
	if months {
		openMonths(t, ctx)
		eval[bool](t, ctx, `(document.querySelector('[data-testid=months]').scrollIntoView(), true)`)
	}
	var lat []float64
	for _, v := range eval[[]float64](t, ctx, latencyProbe) {
		if v < 0 {
			t.Errorf("%s: a slider input changed nothing within 1 s", url)
			continue
		}
		lat = append(lat, v)
	}
	return lat
}

// plainPage serves testdata/plain.html on a loopback server of its own.
func plainPage(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("testdata", "plain.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// benchGo adds the funnel's benchmarks (make bench runs them first).
func benchGo(t *testing.T, r *benchReport) {
	path := os.Getenv("BENCH_GO")
	if path == "" {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Errorf("Go benchmarks: %v", err)
		return
	}
	defer f.Close()
	line := regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+(\d+) B/op\s+(\d+) allocs/op)?`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		ns, _ := strconv.ParseFloat(m[2], 64)
		shown := fmt.Sprintf("%.0f ns/op", ns)
		if m[4] != "" {
			shown += fmt.Sprintf(", %s allocs", m[4])
		}
		r.add("Go: funnel "+m[1], ns, "ns/op", shown)
	}
}

// lighthouseRun is what the bench reads of one Lighthouse report.
type lighthouseRun struct {
	Categories map[string]struct {
		Score float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue float64 `json:"numericValue"`
	} `json:"audits"`
}

func (l lighthouseRun) score(k string) float64 { return float64(int(100*l.Categories[k].Score + 0.5)) }

func (l lighthouseRun) audit(k string) float64 { return l.Audits[k].NumericValue }

// benchLighthouse runs Lighthouse's mobile audit five times on the page,
// the embed and the plain-JS page (the machine's own yardstick), and
// reports every run's score and the median run's figures.
func benchLighthouse(t *testing.T, r *benchReport) {
	lh := os.Getenv("LIGHTHOUSE")
	if lh == "" {
		r.add("Lighthouse", 0, "", "skipped: LIGHTHOUSE is not set (make bench installs it with npm)")
		return
	}
	if _, err := os.Stat(lh); err != nil {
		r.add("Lighthouse", 0, "", "skipped: "+lh+" is missing (npm could not install lighthouse@12.8.2)")
		return
	}
	plain := plainPage(t)
	page := lighthouseRuns(t, r, lh, baseURL+"/")
	embed := lighthouseRuns(t, r, lh, baseURL+"/?embed=1")
	yard := lighthouseRuns(t, r, lh, plain)
	if page == nil || embed == nil || yard == nil {
		return
	}
	mp, me, my := median(page), median(embed), median(yard)
	r.add("Lighthouse mobile: performance, /", mp.score("performance"), "", runsShown(page)).
		atLeast(budgetPerformance, fmt.Sprint(budgetPerformance))
	r.add("Lighthouse mobile: performance, /?embed=1", me.score("performance"), "", runsShown(embed)).
		atLeast(budgetPerfEmbed, fmt.Sprint(budgetPerfEmbed))
	r.add("Lighthouse mobile: performance, plain JS page", my.score("performance"), "", runsShown(yard))
	for _, a := range []struct {
		key, name string
		budget    float64
		page      bool // the budget holds for / only
	}{
		{"largest-contentful-paint", "largest contentful paint", budgetLCP, false},
		{"total-blocking-time", "total blocking time", budgetTBT, true},
		{"first-contentful-paint", "first contentful paint", 0, false},
		{"speed-index", "speed index", 0, false},
	} {
		shown := fmt.Sprintf("%.0f / %.0f ms (plain JS %.0f ms)", mp.audit(a.key), me.audit(a.key), my.audit(a.key))
		row := r.add("Lighthouse: "+a.name+", / and /?embed=1", max(mp.audit(a.key), me.audit(a.key)), "ms", shown)
		if a.page {
			row.Value = mp.audit(a.key)
		}
		if a.budget > 0 {
			row.atMost(a.budget, fmt.Sprintf("%.0f ms", a.budget))
		}
	}
	cls := max(mp.audit("cumulative-layout-shift"), me.audit("cumulative-layout-shift"))
	r.add("Lighthouse: cumulative layout shift", cls, "", fmt.Sprintf("%.3f / %.3f",
		mp.audit("cumulative-layout-shift"), me.audit("cumulative-layout-shift"))).atMost(budgetCLS, fmt.Sprint(budgetCLS))
	r.add("Lighthouse: accessibility", mp.score("accessibility"), "", fmt.Sprint(mp.score("accessibility"))).
		atLeast(budgetA11y, fmt.Sprint(budgetA11y))
	r.add("Lighthouse: best practices", mp.score("best-practices"), "", fmt.Sprint(mp.score("best-practices"))).
		atLeast(budgetBestPractice, fmt.Sprint(budgetBestPractice))
	r.add("Lighthouse: SEO", mp.score("seo"), "", fmt.Sprint(mp.score("seo"))).atLeast(budgetSEO, fmt.Sprint(budgetSEO))
}

// lighthouseRuns audits url five times; nil (and a row saying why) when
// Lighthouse fails.
func lighthouseRuns(t *testing.T, r *benchReport, lh, url string) []lighthouseRun {
	var runs []lighthouseRun
	for i := range 5 {
		out := filepath.Join(t.TempDir(), fmt.Sprintf("lh%d.json", i))
		cmd := exec.Command(lh, url, "--output=json", "--output-path="+out, "--quiet",
			"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "+
				"--disable-background-networking --disable-component-update --disable-sync --user-data-dir="+t.TempDir())
		cmd.Env = append(os.Environ(), "CHROME_PATH="+findChromium())
		if b, err := cmd.CombinedOutput(); err != nil {
			r.add("Lighthouse", 0, "", fmt.Sprintf("failed on %s: %v: %s", url, err, abbrev(string(b), 200)))
			return nil
		}
		var res lighthouseRun
		b, err := os.ReadFile(out)
		if err == nil {
			err = json.Unmarshal(b, &res)
		}
		if err != nil {
			t.Errorf("reading Lighthouse's report: %v", err)
			return nil
		}
		runs = append(runs, res)
	}
	return runs
}

// median is the run with the median performance score.
func median(runs []lighthouseRun) lighthouseRun {
	s := slices.Clone(runs)
	slices.SortFunc(s, func(a, b lighthouseRun) int { return int(a.score("performance") - b.score("performance")) })
	return s[len(s)/2]
}

// runsShown is the median score and every run's, in the order they ran.
func runsShown(runs []lighthouseRun) string {
	scores := make([]string, len(runs))
	for i, run := range runs {
		scores[i] = fmt.Sprint(run.score("performance"))
	}
	return fmt.Sprintf("%.0f (runs %s)", median(runs).score("performance"), strings.Join(scores, ", "))
}

// benchTrace traces three cold loads to [data-wasm=ready] and reports the
// longest main-thread task of each, and what the longest ones were.
func benchTrace(t *testing.T, r *benchReport) {
	var longest []float64
	var worst []mainTask
	for range 3 {
		tasks := traceToReady(t, baseURL+"/")
		if len(tasks) == 0 {
			t.Error("the trace has no main-thread task")
			return
		}
		longest = append(longest, tasks[0].Dur)
		if worst == nil || tasks[0].Dur > worst[0].Dur {
			worst = tasks[:min(5, len(tasks))]
		}
	}
	r.add("longest main-thread task, navigation to ready", pct(longest, 50), "ms", msStats(longest)).
		atMost(budgetLongestTask, fmt.Sprint(budgetLongestTask, " ms"))
	for i, task := range worst {
		r.Tasks = append(r.Tasks, fmt.Sprintf("%d. %s", i+1, task))
	}
}

func (r *benchReport) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Embudo bench, %s, %s, %d CPUs (medians of 5 cold loads [min-max], 3 traces, 5 Lighthouse runs each)\n\n", r.Date, r.Browser, r.CPUs)
	fmt.Fprintf(&b, "  %-54s %-34s %-22s %s\n", "figure", "measured", "budget", "")
	for _, row := range r.Rows {
		verdict := ""
		if row.Pass != nil {
			verdict = map[bool]string{true: "PASS", false: "FAIL"}[*row.Pass]
		}
		fmt.Fprintf(&b, "  %-54s %-34s %-22s %s\n", row.Name, row.Shown, row.Budget, verdict)
	}
	if len(r.Tasks) > 0 {
		b.WriteString("\n  the slowest trace's longest main-thread tasks, navigation to ready (ms after navigation):\n")
		for _, task := range r.Tasks {
			fmt.Fprintf(&b, "    %s\n", task)
		}
	}
	if len(r.Packages) > 0 {
		b.WriteString("\n  app.wasm code by package (bytes of function bodies, before compression):\n")
		for _, p := range r.Packages {
			fmt.Fprintf(&b, "    %9d  %s\n", p.Bytes, p.Package)
		}
	}
	if len(r.Requests) > 0 {
		b.WriteString("\n  bytes from the server, first cold load, by request (headers included):\n")
		keys := make([]string, 0, len(r.Requests))
		for k := range r.Requests {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "    %-44s %s\n", abbrev(k, 44), r.Requests[k])
		}
	}
	return b.String()
}

// countingProxy forwards HTTP to the app server and counts the bytes the
// server sends back (headers included), also those of the requests the
// service worker makes, which the page's Resource Timing does not see.
type countingProxy struct {
	url   string
	bytes atomic.Int64
	mu    sync.Mutex
	reqs  map[string]int64
}

func newCountingProxy(t *testing.T, target string) *countingProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &countingProxy{url: "http://" + ln.Addr().String(), reqs: map[string]int64{}}
	host := strings.TrimPrefix(target, "http://")
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		out, err := http.NewRequest(req.Method, "http://"+host+req.URL.RequestURI(), nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		out.Header = req.Header.Clone()
		res, err := http.DefaultTransport.(*http.Transport).RoundTrip(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer res.Body.Close()
		n := int64(len(res.Proto) + len(res.Status) + 4)
		for k, vs := range res.Header {
			for _, v := range vs {
				w.Header().Add(k, v)
				n += int64(len(k) + len(v) + 4)
			}
		}
		w.WriteHeader(res.StatusCode)
		body, _ := io.Copy(w, res.Body)
		n += body
		p.bytes.Add(n)
		p.mu.Lock()
		p.reqs[req.URL.Path] += n
		p.mu.Unlock()
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return p
}

func (p *countingProxy) reset() {
	p.bytes.Store(0)
	p.mu.Lock()
	p.reqs = map[string]int64{}
	p.mu.Unlock()
}

// settle waits until no byte has moved for a second and returns the count.
func (p *countingProxy) settle() float64 {
	last := p.bytes.Load()
	for quiet := 0; quiet < 10; {
		time.Sleep(100 * time.Millisecond)
		if n := p.bytes.Load(); n != last {
			last, quiet = n, 0
		} else {
			quiet++
		}
	}
	return float64(last)
}

func (p *countingProxy) lastRequests() map[string]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := map[string]string{}
	for k, v := range p.reqs {
		m[k] = bytesShown(float64(v))
	}
	return m
}

// packageSize is the size of a Go package's functions in app.wasm.
type packageSize struct {
	Package string `json:"package"`
	Bytes   int    `json:"bytes"`
}

// wasmPackageSizes reads an app.wasm built with its name section and adds
// up the size of each function body by Go package (the top 20, the rest
// summed up).
func wasmPackageSizes(path string) ([]packageSize, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, fmt.Errorf("%s is not a wasm module", path)
	}
	uleb := func(p *int) int {
		v, shift := 0, 0
		for {
			c := b[*p]
			*p++
			v |= int(c&0x7f) << shift
			if c < 0x80 {
				return v
			}
			shift += 7
		}
	}
	limits := func(p *int) {
		flags := b[*p]
		*p++
		uleb(p)
		if flags&1 != 0 {
			uleb(p)
		}
	}
	var imports int
	var bodies []int
	names := map[int]string{}
	for p := 8; p < len(b); {
		id := b[p]
		p++
		size := uleb(&p)
		end := p + size
		switch id {
		case 2: // imports: functions take the first indices
			q := p
			for n := uleb(&q); n > 0; n-- {
				q += uleb(&q) // module
				q += uleb(&q) // field
				kind := b[q]
				q++
				switch kind {
				case 0:
					uleb(&q)
					imports++
				case 1: // table: element type, limits
					q++
					limits(&q)
				case 2: // memory: limits
					limits(&q)
				case 3:
					q += 2
				}
			}
		case 10: // code
			q := p
			for n := uleb(&q); n > 0; n-- {
				sz := uleb(&q)
				bodies = append(bodies, sz)
				q += sz
			}
		case 0: // custom: the "name" section's function names
			q := p
			nl := uleb(&q)
			if string(b[q:q+nl]) == "name" {
				q += nl
				for q < end {
					sub := b[q]
					q++
					sl := uleb(&q)
					if sub == 1 {
						r := q
						for n := uleb(&r); n > 0; n-- {
							idx := uleb(&r)
							l := uleb(&r)
							names[idx] = string(b[r : r+l])
							r += l
						}
					}
					q += sl
				}
			}
		}
		p = end
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s has no name section (built with -s?)", path)
	}
	sizes := map[string]int{}
	for i, sz := range bodies {
		sizes[goPackage(names[imports+i])] += sz
	}
	var all []packageSize
	for k, v := range sizes {
		all = append(all, packageSize{k, v})
	}
	slices.SortFunc(all, func(a, b packageSize) int { return b.Bytes - a.Bytes })
	if len(all) > 20 {
		rest := packageSize{Package: fmt.Sprintf("(%d other packages)", len(all)-20)}
		for _, p := range all[20:] {
			rest.Bytes += p.Bytes
		}
		all = append(all[:20], rest)
	}
	return all, nil
}

// goPackage maps a wasm function name (path separators and dots of the
// import path spelled "_" and "." by the linker: github.com_x_y.Func) to
// its package, grouping the standard library's internals.
func goPackage(fn string) string {
	switch {
	case strings.HasPrefix(fn, "github.com_maxence_charriere_go_app"):
		return "go-app (github.com/maxence-charriere/go-app/v10)"
	case strings.HasPrefix(fn, "github.com_google_uuid"):
		return "github.com/google/uuid (go-app)"
	case strings.HasPrefix(fn, "embudo.app_funnel"):
		return "embudo.app/funnel"
	case strings.HasPrefix(fn, "main."):
		return "embudo.app/app (main)"
	case strings.HasPrefix(fn, "crypto"), strings.HasPrefix(fn, "vendor_golang.org_x_crypto"):
		return "crypto/... (go-app: crypto/rand, aes, sha1)"
	}
	i := strings.Index(fn, ".")
	if i < 0 {
		return fn
	}
	pkg := strings.ReplaceAll(fn[:i], "_", "/")
	for _, group := range []string{"runtime", "internal", "reflect", "syscall", "encoding/json", "regexp", "unicode", "time", "fmt", "strconv", "strings", "net"} {
		if pkg == group || strings.HasPrefix(pkg, group+"/") {
			return group
		}
	}
	return pkg
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

// bytesShown writes a byte count with its MB/KB (SI, as the budgets).
func bytesShown(n float64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.0f B (%.2f MB)", n, n/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.0f B (%.1f KB)", n, n/1e3)
	default:
		return fmt.Sprintf("%.0f B", n)
	}
}
