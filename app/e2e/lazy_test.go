//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wasmRequested is when the page started loading app.wasm (its compile
// worker, or app.wasm itself where it compiles on the page), from its
// Resource Timing, or -1 when it has not.
const wasmRequested = `(() => {
	const e = performance.getEntriesByType('resource').find(e => /\/(app\.wasm|embudo-compile\.js)\?/.test(e.name));
	return e ? e.startTime : -1;
})()`

// TestWasmAfterFirstPaint: the pre-rendered page paints before app.wasm is
// even requested, so the download is never in front of the first paint.
func TestWasmAfterFirstPaint(t *testing.T) {
	for _, link := range []string{"/?lang=en", "/?embed=1&lang=es"} {
		ctx := open(t, link)
		waitReady(t, ctx)
		fcp := eval[float64](t, ctx, `(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime`)
		start := eval[float64](t, ctx, wasmRequested)
		if fcp <= 0 || start < 0 {
			t.Fatalf("%s: first contentful paint at %.1f ms, app.wasm requested at %.1f ms: one is missing", link, fcp, start)
		}
		if start < fcp {
			t.Errorf("%s: app.wasm requested at %.1f ms, before the first contentful paint at %.1f ms", link, start, fcp)
		}
		t.Logf("%s: FCP %.1f ms, app.wasm requested at %.1f ms", link, fcp, start)
	}
}

// TestEmbedLoadsWhenUsed hosts the embed far below a blog post's fold: it
// does not request app.wasm while unseen and untouched, and the interaction
// that makes it load (a key, a drag, a click) is applied once it is live.
func TestEmbedLoadsWhenUsed(t *testing.T) {
	needBrowser(t)
	tests := []struct {
		name     string
		interact string // run in the frame: the reader's first interaction
		check    func(t *testing.T, frame context.Context)
	}{
		{
			name: "a key",
			// Typing into the goal's box: keydown, then the box's own input.
			interact: `(() => {
				const box = document.querySelector('[data-testid=field-goal]');
				box.focus();
				box.dispatchEvent(new KeyboardEvent('keydown', {key: '2', bubbles: true}));
				box.value = '250000';
				box.dispatchEvent(new Event('input', {bubbles: true}));
			})()`,
			check: func(t *testing.T, frame context.Context) { waitNumber(t, frame, "count-customers", 250) },
		},
		{
			name: "a drag",
			// A pointer drags r1 from 50 to 25 %: pointerdown, then inputs.
			interact: `(() => {
				const s = document.querySelector('[data-testid=input-r1]');
				s.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
				for (const v of ['45', '37.5', '30', '25']) {
					s.value = v;
					s.dispatchEvent(new Event('input', {bubbles: true}));
				}
				s.dispatchEvent(new Event('change', {bubbles: true}));
			})()`,
			check: func(t *testing.T, frame context.Context) { waitNumber(t, frame, "count-visitors", 6400) },
		},
		{
			name: "a click",
			// A click on "Forecast" checks the radio natively.
			interact: `(() => {
				const r = document.querySelector('[data-testid=mode-forecast]');
				r.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
				r.click();
			})()`,
			check: func(t *testing.T, frame context.Context) {
				waitJS(t, frame, `!!document.querySelector('[data-testid=bottleneck]')`, waitTimeout, "forecast mode after the early click")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := baseURL + "/?embed=1&lang=en"
			host := newTab(t)
			navigate(t, host, serveFoldPage(t, src))
			frame, _ := attachFrame(t, host, src)
			// Unseen and untouched: idle twice over, and still no app.wasm.
			eval[bool](t, frame, `new Promise(r => requestIdleCallback(() => requestIdleCallback(() => r(true), {timeout: 3000}), {timeout: 3000}))`)
			if at := eval[float64](t, frame, wasmRequested); at >= 0 {
				t.Fatalf("the embed below the fold requested app.wasm at %.1f ms, before anyone used or saw it", at)
			}
			eval[any](t, frame, tt.interact)
			waitReady(t, frame)
			tt.check(t, frame)
			if at := eval[float64](t, frame, wasmRequested); at < 0 {
				t.Error("ready without app.wasm?")
			}
			assertNoConsoleErrors(t, frame)
		})
	}
}

// serveFoldPage serves, on the other loopback name, a blog post whose
// embed (src) sits far below the fold, loaded eagerly.
func serveFoldPage(t *testing.T, src string) string {
	t.Helper()
	host := "localhost"
	if mustParseURL(t, baseURL).Hostname() == "localhost" {
		host = "127.0.0.1"
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A long post</title></head><body><article><h1>A long post</h1>
<div style="height:4000px">Most readers stop here.</div>
<iframe id="embudo-fold" src="` + strings.ReplaceAll(src, "&", "&amp;") + `" title="Embudo" style="width:100%;max-width:700px;height:900px;border:0"></iframe>
</article></body></html>`
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return fmt.Sprintf("http://%s:%d/", host, ln.Addr().(*net.TCPAddr).Port)
}

// TestSliderLandsWhole: during a drag, each input's numbers are in the DOM
// before the next frame: a requestAnimationFrame callback queued right
// after the input event already sees the new text.
func TestSliderLandsWhole(t *testing.T) {
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	late := eval[[]string](t, ctx, `(async () => {
		const s = document.querySelector('[data-testid=input-r1]');
		const shown = () => document.querySelector('[data-testid=count-visitors]').textContent;
		const late = [];
		for (let i = 0; i < 60; i++) {
			const r1 = 10 + i; // every step changes the visitors: ceil(1600 / r1 %)
			const want = Math.ceil(160000 / r1).toLocaleString('en-US');
			s.value = String(r1);
			s.dispatchEvent(new Event('input', {bubbles: true}));
			await new Promise(resolve => requestAnimationFrame(() => {
				if (shown() !== want) late.push(r1 + ' %: ' + shown() + ', want ' + want);
				resolve();
			}));
		}
		return late;
	})()`)
	if len(late) > 0 {
		t.Errorf("%d of 60 slider inputs were not in the DOM by the next frame: %q", len(late), late)
	}
}

// TestTakeoverKeepsNodes: the wasm takes over the pre-rendered page without
// replacing what is painted: the elements the HTML parser made (and those
// of the parts the page sends later, in before the wasm runs) are the ones
// in the live page, and no largest-contentful-paint candidate appears once
// the wasm is loading.
func TestTakeoverKeepsNodes(t *testing.T) {
	ctx := newTab(t)
	addProbe(t, ctx, `(() => {
		window.__lcp = [];
		new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp.push(e.startTime); })
			.observe({type: 'largest-contentful-paint', buffered: true});
		const mark = () => {
			for (const el of document.querySelectorAll('#embudo, #embudo h1, .tagline, [data-testid], figure.chart svg')) el.__parsed = true;
		};
		document.addEventListener('DOMContentLoaded', () => {
			mark();
			window.embudoParts.then(() => {
				window.__partsBeforeWasm = !document.getElementById('embudo').hasAttribute('data-wasm');
				window.__partsLeft = document.querySelectorAll('script[type="text/x-embudo-part"]').length;
				mark();
			});
		});
	})();`)
	navigate(t, ctx, "/?lang=en")
	waitReady(t, ctx)
	if !eval[bool](t, ctx, `window.__partsBeforeWasm === true && window.__partsLeft === 0`) {
		t.Errorf("the parts sent later were not all in before the wasm ran (before: %v, left: %v)",
			eval[any](t, ctx, `window.__partsBeforeWasm`), eval[any](t, ctx, `window.__partsLeft`))
	}
	replaced := eval[[]string](t, ctx, `[...document.querySelectorAll('#embudo, #embudo h1, .tagline, [data-testid], figure.chart svg')]
		.filter(el => !el.__parsed && !el.closest('.print-doc')).map(el => el.dataset.testid || el.id || el.getAttribute('class'))`)
	if len(replaced) > 0 {
		t.Errorf("%d elements of the pre-rendered page were replaced by the takeover: %q", len(replaced), replaced)
	}
	start := eval[float64](t, ctx, wasmRequested)
	if late := eval[[]float64](t, ctx, `window.__lcp.filter(t => t >= `+fmt.Sprint(start)+`)`); len(late) > 0 {
		t.Errorf("largest-contentful-paint candidates after app.wasm was requested (%.0f ms): %v", start, late)
	}
}

// TestGuideRendersWhenOpened: the qualification guide, closed below the
// calculator, is all in the pre-rendered page (readers without the wasm),
// and the wasm renders its content only once a reader opens it.
func TestGuideRendersWhenOpened(t *testing.T) {
	if _, ok := htmlText(fetch(t, "/?lang=en"), "speed-to-lead"); !ok {
		t.Error("the pre-rendered page lacks the guide's content")
	}
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	waitJS(t, ctx, `!document.querySelector('[data-testid=speed-to-lead]')`, waitTimeout, "the closed guide without its content")
	eval[bool](t, ctx, `(document.querySelector('[data-testid=qualification] summary').click(), true)`)
	waitJS(t, ctx, `document.querySelector('[data-testid=qualification]').open &&
		/1,250,000/.test((document.querySelector('[data-testid=speed-to-lead]') || {}).textContent || '')`,
		waitTimeout, "the guide's content once opened")
	assertNoConsoleErrors(t, ctx)
}

// TestWarmUpReachesReady: the compile worker runs the app once against its
// stand-in DOM before handing the module over (web/embudo-compile.js), so
// that the page's start finds its functions compiled. A stand-in that no
// longer gives the app what it asks for would stop the warm-up early and
// silently bring the long tasks back: the run must reach ready, in a full
// page, an embed and forecast mode.
func TestWarmUpReachesReady(t *testing.T) {
	for _, link := range []string{"/?lang=en", "/?embed=1&lang=es", "/?lang=pt&mode=forecast"} {
		ctx := open(t, link)
		waitReady(t, ctx)
		waitJS(t, ctx, `!!window.embudoWarmed`, waitTimeout, "the warm-up's report")
		got := eval[string](t, ctx, `window.embudoWarmed.outcome`)
		if got != "ready" {
			t.Errorf("%s: the warm-up ended %q, want ready", link, got)
		}
		t.Logf("%s: warm-up %s in %v ms", link, got, eval[float64](t, ctx, `window.embudoWarmed.ms`))
	}
}

// TestPartsWithoutFrames: where the browser reports no paint and runs no
// animation frame (a headless screenshot, a background tab), the parts the
// page sends later still become elements.
func TestPartsWithoutFrames(t *testing.T) {
	ctx := newTab(t)
	addProbe(t, ctx, `window.PerformanceObserver = undefined; window.requestAnimationFrame = () => 0;`)
	navigate(t, ctx, "/?lang=en")
	waitJS(t, ctx, `document.querySelectorAll('script[type="text/x-embudo-part"]').length === 0 &&
		!!document.querySelector('[data-testid=months]') && !!document.querySelector('.card.sensitivity')`,
		waitTimeout, "the parts sent later, without paint or frames")
}

// heldProbe moves r1 to a value and tells, for each of the held tools
// (sensitivity, scenarios, traffic ↔ leads) and the stage table, whether it
// changed within the input's event.
const heldProbe = `window.__move = (r1) => {
	const secs = ['[data-view=sensitivity]', '[data-view=scenarios]', '[data-view=leads]', '[data-testid=count-visitors]']
		.map(q => document.querySelector(q));
	const mo = new MutationObserver(() => {});
	for (const el of secs) mo.observe(el, {subtree: true, childList: true, characterData: true, attributes: true});
	const s = document.querySelector('[data-testid=input-r1]');
	s.value = String(r1);
	s.dispatchEvent(new Event('input', {bubbles: true}));
	const changed = secs.map(() => false);
	for (const r of mo.takeRecords()) secs.forEach((el, i) => { if (el.contains(r.target)) changed[i] = true; });
	mo.disconnect();
	return changed;
};
window.__drag = async (from, n) => {
	const out = [];
	for (let i = 0; i < n; i++) {
		out.push(window.__move(from + i));
		await new Promise(r => requestAnimationFrame(r));
	}
	return out;
};`

// heldText is what the held tools show.
const heldText = `['[data-view=sensitivity]', '[data-view=scenarios]', '[data-view=leads]']
	.map(q => document.querySelector(q).textContent)`

// TestToolsWaitOutOfView: on a phone, the what-if tools far under the
// sliders do not render while a slider moves; they show the scenario once
// the reader pauses, and in view they render with every move.
func TestToolsWaitOutOfView(t *testing.T) {
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, "/?lang=en")
	waitReady(t, ctx)
	eval[bool](t, ctx, `(() => {`+heldProbe+`; return true; })()`)
	waitJS(t, ctx, `document.querySelector('[data-view=sensitivity]').getBoundingClientRect().top > 2 * innerHeight`,
		waitTimeout, "the sensitivity table far under the first screen")

	before := eval[[]string](t, ctx, heldText)
	for i, changed := range eval[[][]bool](t, ctx, `window.__drag(10, 10)`) {
		assert.True(t, changed[3], "move %d: the stage table changes within the input", i)
		assert.Equal(t, []bool{false, false, false}, changed[:3], "move %d: the tools out of view wait", i)
	}
	assert.Equal(t, before, eval[[]string](t, ctx, heldText), "the tools out of view wait during the drag")

	// The reader pauses: the tools show the link's scenario, as a fresh load of it does.
	waitJS(t, ctx, `location.search.includes('r1=19')`, waitTimeout, "the link to follow the drag")
	fresh := open(t, eval[string](t, ctx, `location.href`))
	waitReady(t, fresh)
	want, err := json.Marshal(eval[[]string](t, fresh, heldText))
	require.NoError(t, err)
	waitJS(t, ctx, fmt.Sprintf(`JSON.stringify(%s) === %q`, heldText, want), waitTimeout,
		"the tools out of view to catch up after the drag")

	caught := eval[[]string](t, ctx, heldText)

	// Printing shows the held tools up to date: they catch up within beforeprint.
	printed := eval[[][]string](t, ctx, `(() => {
		window.__move(44);
		const held = `+heldText+`;
		window.dispatchEvent(new Event('beforeprint'));
		return [held, `+heldText+`];
	})()`)
	assert.Equal(t, caught, printed[0], "the move out of view waits")
	waitJS(t, ctx, `location.search.includes('r1=44')`, waitTimeout, "the link to follow the move")
	fresh = open(t, eval[string](t, ctx, `location.href`))
	waitReady(t, fresh)
	assert.Equal(t, eval[[]string](t, fresh, heldText), printed[1], "printing brings the held tools up to date")

	// What the reader does in a held tool acts on the scenario on screen:
	// saving right after a move saves that move.
	eval[bool](t, ctx, `(() => {
		window.__move(51);
		document.querySelector('[data-testid=scenario-save]').click();
		return true;
	})()`)
	waitJS(t, ctx, `!!document.querySelector('[data-view=scenarios] a[href*="r1=51"]')`, waitTimeout,
		"the scenario saved right after a move to hold that move (r1=51)")

	// In view, the sensitivity table renders with every move.
	eval[bool](t, ctx, `(document.querySelector('[data-view=sensitivity]').scrollIntoView(), true)`)
	live := eval[bool](t, ctx, `(async () => {
		for (let i = 0; i < 60; i++) {
			const [sens] = (await window.__drag(30 + i, 1))[0];
			if (sens) return true;
		}
		return false;
	})()`)
	require.True(t, live, "in view, the sensitivity table renders within the input")
	for i, changed := range eval[[][]bool](t, ctx, `window.__drag(20, 5)`) {
		assert.True(t, changed[0], "move %d: the sensitivity table in view changes within the input", i)
	}
}
