//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"html"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// embedLink is the scenario the blog author chose before copying the embed
// code: r1 = 25 % (visitors 6,400), Spanish, Mexican pesos.
const embedLink = "/?r1=25&lang=es&cur=MXN"

// TestEmbedCrossOrigin copies the embed code from the app, pastes it into a
// blog post served by another origin (http://localhost:PORT, the app being
// on http://127.0.0.1:PORT2) and checks the embedded calculator: it carries
// the scenario, has no page chrome, and its height messages size the iframe
// so that it has no inner scrollbar.
func TestEmbedCrossOrigin(t *testing.T) {
	needBrowser(t)
	snippet, src := copyEmbedCode(t, embedLink)
	t.Logf("embed code:\n%s", snippet)

	// The other loopback name: localhost when the app is on 127.0.0.1.
	blogHost := "localhost"
	if mustParseURL(t, baseURL).Hostname() == "localhost" {
		blogHost = "127.0.0.1"
	}
	hostURL := serveBlogPost(t, blogHost, snippet)

	host := newTab(t)
	// A phone-sized blog column.
	if err := chromedp.Do(host, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}
	navigate(t, host, hostURL)

	// The frame is a cross-site iframe: with site isolation (the default)
	// it runs in its own process, as its own target. Attach to it to read
	// its document and its console.
	frame, frameProbe := attachFrame(t, host, src)

	waitReady(t, frame)
	waitNumber(t, frame, "count-visitors", 6400)
	if got := text(t, frame, "count-visitors"); got != "6,400" {
		t.Errorf(`in the frame, [data-testid=count-visitors]: want es-MX "6,400", got %q`, got)
	}
	if got := eval[string](t, frame, `document.documentElement.lang`); got != "es" {
		t.Errorf(`in the frame, <html lang>: want "es" (lang=es from the link), got %q`, got)
	}
	if sla := strings.ToLower(text(t, frame, "sla-marketing")); !strings.Contains(sla, "semana") {
		t.Errorf(`in the frame, [data-testid=sla-marketing]: want Spanish ("semana"), got %q`, sla)
	}
	assertNumber(t, frame, "count-leads", 1600)
	assertNumber(t, frame, "count-mqls", 800)
	assertNumber(t, frame, "count-customers", 100)
	if cur := eval[string](t, frame, `(document.querySelector('[data-testid=select-cur]') || {}).value || ''`); cur != "MXN" {
		t.Errorf("in the frame, the currency is %q, want MXN (cur=MXN from the link)", cur)
	}

	// Compact layout: no page chrome, a link to the full calculator.
	type chrome struct {
		Tagline   bool   `json:"tagline"`
		Share     bool   `json:"share"`
		CopyEmbed bool   `json:"copyEmbed"`
		Tools     bool   `json:"tools"`
		Embed     bool   `json:"embed"`
		OpenFull  string `json:"openFull"`
		Target    string `json:"target"`
	}
	c := eval[chrome](t, frame, `(() => {
		const a = document.querySelector('[data-testid=open-full]');
		return {
			tagline: !!document.querySelector('.tagline'),
			share: !!document.querySelector('.share, [data-testid=copy-link]'),
			copyEmbed: !!document.querySelector('[data-testid=copy-embed]'),
			tools: !!document.querySelector('.tools'),
			embed: !!document.querySelector('main.embed'),
			openFull: a ? a.href : '',
			target: a ? a.target : '',
		};
	})()`)
	if c.Tagline {
		t.Error("the embed shows the page's .tagline")
	}
	if c.Share || c.CopyEmbed {
		t.Error("the embed shows the share section (copy link / copy embed code)")
	}
	if c.Tools {
		t.Error("the embed shows the .tools section")
	}
	if !c.Embed {
		t.Error("the embed's <main> has no .embed class (compact layout)")
	}
	if c.OpenFull == "" {
		t.Error("the embed has no [data-testid=open-full] link")
	} else {
		full := mustParseURL(t, c.OpenFull)
		q := full.Query()
		if full.Host != mustParseURL(t, baseURL).Host {
			t.Errorf("[data-testid=open-full] points to %s, want the app's origin %s", c.OpenFull, baseURL)
		}
		if q.Get("embed") == "1" {
			t.Errorf("[data-testid=open-full] keeps embed=1: %s", c.OpenFull)
		}
		if q.Get("r1") != "25" || q.Get("lang") != "es" || q.Get("cur") != "MXN" {
			t.Errorf("[data-testid=open-full] does not carry the scenario (r1=25, lang=es, cur=MXN): %s", c.OpenFull)
		}
		if c.Target != "_blank" {
			t.Errorf("[data-testid=open-full] target: want _blank (leave the blog post open), got %q", c.Target)
		}
	}

	fit := waitFrameFits(t, host, frame)
	t.Logf("after load: %s", fit)

	// Informational: boxes that scroll sideways inside the narrow frame
	// (a wide table in an overflow container is fine; clipped text is not).
	if wide := eval[[]string](t, frame, `[...document.querySelectorAll('main *')].filter(el =>
			el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 &&
			['auto', 'scroll'].includes(getComputedStyle(el).overflowX)).map(el =>
			el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
			' ' + el.clientWidth + '/' + el.scrollWidth + ' px')`); len(wide) > 0 {
		t.Logf("boxes that scroll sideways in the frame (visible/full width): %q", wide)
	}

	shot := embedScreenshot(t, host, frame, 360, 740, "embudo-embed-360.png")
	t.Logf("screenshot of the blog post at 360 px: %s", shot)

	// The height follows the content: switch the embed to forecast mode.
	before := fit.Iframe
	if !eval[bool](t, frame, `(() => {
		const r = document.querySelector('[data-testid=mode-forecast]');
		if (!r) return false;
		r.click();
		return true;
	})()`) {
		t.Fatal("no [data-testid=mode-forecast] in the embed")
	}
	waitJS(t, frame, `!!document.querySelector('[data-testid=reachable-revenue]')`, waitTimeout, "forecast mode in the frame")
	fit = waitFrameFits(t, host, frame)
	t.Logf("after switching to forecast: %s", fit)
	if fit.Iframe == before {
		t.Logf("note: the forecast layout has the same height as the plan (%v px)", before)
	}

	msgs := eval[[]hostMessage](t, host, `window.__msgs`)
	for _, m := range msgs {
		if m.Origin != baseURL || !m.FromFrame || m.Data["type"] != "embudo:height" {
			t.Errorf("a message from %s (from the frame: %v) reached the host: %v", m.Origin, m.FromFrame, m.Data)
		}
	}
	t.Logf("%d height messages: %v", len(msgs), messageHeights(msgs))

	// Console of the frame (the host's is checked by the harness).
	if !frameProbe.sawProbe() {
		t.Error("the frame's console probe was not seen: its errors would go unnoticed")
	}
	assertNoConsoleErrors(t, frame)
}

// copyEmbedCode opens link in the full app, clicks "copy embed code" and
// returns the snippet from [data-testid=embed-code] and its iframe's src.
func copyEmbedCode(t *testing.T, link string) (snippet, src string) {
	t.Helper()
	snippet, src = copyEmbedCodeOf(t, link)
	u := mustParseURL(t, src)
	if u.Scheme+"://"+u.Host != baseURL {
		t.Errorf("the iframe src %s is not on the app's origin %s", src, baseURL)
	}
	q := u.Query()
	for k, v := range map[string]string{"embed": "1", "r1": "25", "lang": "es", "cur": "MXN"} {
		if q.Get(k) != v {
			t.Errorf("the iframe src does not carry %s=%s: %s", k, v, src)
		}
	}
	if !strings.Contains(snippet, `title="`) {
		t.Error("the <iframe> has no title (screen readers announce it)")
	}
	return snippet, src
}

// copyEmbedCodeOf opens link and copies its embed code; src is the
// iframe's address.
func copyEmbedCodeOf(t *testing.T, link string) (snippet, src string) {
	t.Helper()
	ctx := open(t, link)
	waitReady(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(byTestID("copy-embed")))); err != nil {
		t.Fatalf("clicking [data-testid=copy-embed]: %v", err)
	}
	waitJS(t, ctx, `(document.querySelector('[data-testid=embed-code]') || {}).value.includes('<iframe')`, waitTimeout,
		"the embed code in [data-testid=embed-code]")
	snippet = eval[string](t, ctx, `document.querySelector('[data-testid=embed-code]').value`)

	m := regexp.MustCompile(`<iframe[^>]*\ssrc="([^"]+)"`).FindStringSubmatch(snippet)
	if m == nil {
		t.Fatalf("the embed code has no <iframe src>: %s", snippet)
	}
	return snippet, html.UnescapeString(m[1])
}

// serveBlogPost serves a blog post with the snippet on http://host:PORT/
// (bound to 127.0.0.1; host is localhost or 127.0.0.1): another origin than
// the app's. The page records every message it receives.
func serveBlogPost(t *testing.T, host, snippet string) string {
	t.Helper()
	page := `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>¿Cuántos MQLs por semana necesita ventas?</title>
<script>
window.__msgs = [];
addEventListener("message", function (e) {
  var f = document.querySelector('iframe[id^="embudo-"]');
  window.__msgs.push({origin: e.origin, data: e.data, fromFrame: !!f && e.source === f.contentWindow});
});
</script>
<style>
body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #fffdf7; }
article { max-width: 700px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; line-height: 1.25; }
</style>
</head>
<body>
<article>
<h1>¿Cuántos MQLs por semana necesita ventas?</h1>
<p>Marketing y ventas acuerdan un SLA: cuántos MQLs entrega marketing cada
semana y cuántos vendedores los atienden. Mueve las tasas y mira el embudo.</p>
` + snippet + `
<p>Con una tasa de visitantes a leads del 25 %, necesitas 6,400 visitantes al año.</p>
</article>
</body>
</html>
`
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return fmt.Sprintf("http://%s:%d/", host, ln.Addr().(*net.TCPAddr).Port)
}

// frameLog is a tabLog for the frame's target, plus a check that its
// console reaches the test at all.
type frameLog struct {
	tabLog
	probe bool
}

const frameProbeText = "e2e-frame-console-probe"

func (f *frameLog) listen(ev any) {
	if e, ok := ev.(*runtime.EventConsoleAPICalled); ok && e.Type == runtime.ConsoleAPICalledTypeDebug &&
		remoteArgs(e.Args) == frameProbeText {
		f.mu.Lock()
		f.probe = true
		f.mu.Unlock()
		return
	}
	f.tabLog.listen(ev)
}

func (f *frameLog) sawProbe() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.probe
}

// attachFrame waits for the iframe target whose URL is src, in the tab's
// browser context, and attaches to it. Console errors, exceptions and log
// errors of the frame (including those before the attach: Chrome replays
// them on Runtime.enable / Log.enable) go to the returned context's log.
func attachFrame(t *testing.T, host context.Context, src string) (context.Context, *frameLog) {
	t.Helper()
	bctx := chromedp.FromContext(host).BrowserContextID
	var id target.ID
	deadline := time.Now().Add(readyTimeout)
	for id == "" {
		infos, err := chromedp.Targets(host)
		if err != nil {
			t.Fatalf("listing targets: %v", err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && info.BrowserContextID == bctx && strings.HasPrefix(info.URL, baseURL+"/") {
				id = info.TargetID
			}
		}
		if id != "" {
			break
		}
		if time.Now().After(deadline) {
			var seen []string
			for _, info := range infos {
				if info.BrowserContextID == bctx {
					seen = append(seen, info.Type+" "+info.URL)
				}
			}
			t.Fatalf("no iframe target for %s after %v (the iframe did not load, or it is not out of process); targets: %q",
				src, readyTimeout, seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
	l := &frameLog{}
	ctx, cancel := chromedp.NewContext(host, chromedp.WithTargetID(id), chromedp.WithDetachOnCancel(), chromedp.WithListener(l.listen))
	ctx = context.WithValue(ctx, tabLogKey{}, &l.tabLog)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("attaching to the iframe target: %v", err)
	}
	if got := eval[string](t, ctx, `location.href`); !strings.HasPrefix(got, baseURL+"/") {
		t.Fatalf("attached to %s, want a frame on %s", got, baseURL)
	}
	eval[bool](t, ctx, `(console.debug(`+jsString(frameProbeText)+`), true)`)
	return ctx, l
}

type hostMessage struct {
	Origin    string         `json:"origin"`
	FromFrame bool           `json:"fromFrame"`
	Data      map[string]any `json:"data"`
}

func messageHeights(msgs []hostMessage) []any {
	var h []any
	for _, m := range msgs {
		h = append(h, m.Data["height"])
	}
	return h
}

// frameFit is the iframe's size as the host sees it and the frame's
// document as the frame sees it.
type frameFit struct {
	Message     float64 `json:"message"`     // last embudo:height message
	Count       int     `json:"count"`       // messages so far
	Style       string  `json:"style"`       // iframe.style.height
	Iframe      float64 `json:"iframe"`      // iframe's CSS box height in the host
	ClientH     float64 `json:"clientH"`     // iframe.clientHeight
	Doc         float64 `json:"doc"`         // frame: ceil(<html> box height)
	Content     float64 `json:"content"`     // frame: bottom of <body> plus its bottom margin
	ScrollH     float64 `json:"scrollH"`     // frame: scrollingElement.scrollHeight
	ViewportH   float64 `json:"viewportH"`   // frame: scrollingElement.clientHeight
	ScrollW     float64 `json:"scrollW"`     // frame: scrollWidth
	ViewportW   float64 `json:"viewportW"`   // frame: clientWidth
	InnerHeight float64 `json:"innerHeight"` // frame: window.innerHeight
}

func (f frameFit) String() string {
	return fmt.Sprintf("message %v px (%d messages), iframe %v px (style %q, clientHeight %v); frame document %v px, content %v px, "+
		"scroll %vx%v in a %vx%v viewport (innerHeight %v)",
		f.Message, f.Count, f.Iframe, f.Style, f.ClientH, f.Doc, f.Content, f.ScrollW, f.ScrollH, f.ViewportW, f.ViewportH, f.InnerHeight)
}

// readFit reads the host side, then the frame side.
func readFit(t *testing.T, host, frame context.Context) frameFit {
	t.Helper()
	f := eval[frameFit](t, host, `(() => {
		const f = document.querySelector('iframe[id^="embudo-"]');
		const hs = window.__msgs.filter(m => m.data && m.data.type === 'embudo:height');
		return {
			message: hs.length ? hs[hs.length - 1].data.height : 0,
			count: hs.length,
			style: f ? f.style.height : '',
			iframe: f ? f.getBoundingClientRect().height : 0,
			clientH: f ? f.clientHeight : 0,
		};
	})()`)
	in := eval[frameFit](t, frame, `(() => {
		const de = document.documentElement, se = document.scrollingElement || de;
		const bs = getComputedStyle(document.body);
		return {
			doc: Math.ceil(de.getBoundingClientRect().height),
			content: Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY + parseFloat(bs.marginBottom)),
			scrollH: se.scrollHeight, viewportH: se.clientHeight,
			scrollW: se.scrollWidth, viewportW: se.clientWidth,
			innerHeight: window.innerHeight,
		};
	})()`)
	f.Doc, f.Content, f.ScrollH, f.ViewportH, f.ScrollW, f.ViewportW, f.InnerHeight =
		in.Doc, in.Content, in.ScrollH, in.ViewportH, in.ScrollW, in.ViewportW, in.InnerHeight
	return f
}

// fits tells whether the iframe is sized to its content.
func (f frameFit) fits() bool {
	return f.Count > 0 &&
		math.Abs(f.Iframe-f.Message) <= 1 &&
		math.Abs(f.Doc-f.Message) <= 2 &&
		math.Abs(f.Content-f.Message) <= 2 &&
		f.ScrollH <= f.ViewportH+1
}

// waitFrameFits waits until the iframe's height equals the last height
// message and the frame's content, stable for 300 ms, and reports what is
// wrong otherwise.
func waitFrameFits(t *testing.T, host, frame context.Context) frameFit {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	var f frameFit
	stableSince := time.Time{}
	var last frameFit
	for {
		f = readFit(t, host, frame)
		if f.fits() {
			if stableSince.IsZero() || f != last {
				stableSince = time.Now()
			} else if time.Since(stableSince) >= 300*time.Millisecond {
				break
			}
		} else {
			stableSince = time.Time{}
		}
		last = f
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if f.Count == 0 {
		t.Fatalf("no embudo:height message reached the host page within %v: %s", waitTimeout, f)
	}
	if math.Abs(f.Iframe-f.Message) > 1 {
		t.Errorf("the iframe is %v px high, the last height message said %v px: %s", f.Iframe, f.Message, f)
	}
	if f.Style != fmt.Sprintf("%vpx", f.Message) {
		t.Errorf("iframe.style.height is %q, want %vpx (set by the snippet's listener)", f.Style, f.Message)
	}
	if math.Abs(f.Doc-f.Message) > 2 {
		t.Errorf("the frame's document is %v px high, the last height message said %v px: %s", f.Doc, f.Message, f)
	}
	if math.Abs(f.Content-f.Message) > 2 {
		t.Errorf("the frame's content ends at %v px, the last height message said %v px (empty space or cut content): %s", f.Content, f.Message, f)
	}
	if f.ScrollH > f.ViewportH+1 {
		t.Errorf("the frame scrolls inside: scrollHeight %v > clientHeight %v: %s", f.ScrollH, f.ViewportH, f)
	}
	if f.ScrollW > f.ViewportW+1 {
		t.Errorf("the frame scrolls sideways in a %v px column: scrollWidth %v: %s", f.ViewportW, f.ScrollW, f)
	}
	return f
}

// embedScreenshot saves a PNG of the whole page of the tab, width px wide,
// as name in the temp folder (kept after the test, for a person to look at;
// the next run overwrites it) and returns its path. An out-of-process iframe paints only what is inside the
// viewport, so the viewport is made as high as the page for the capture
// (a plain full-page capture shows the frame cut at the first screen), then
// set back to width x height.
func embedScreenshot(t *testing.T, ctx, frame context.Context, width, height int64, name string) string {
	t.Helper()
	full := eval[int64](t, ctx, `Math.ceil(document.documentElement.scrollHeight)`)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, full)); err != nil {
		t.Fatal(err)
	}
	// Two frames in the iframe: it has painted at the new size.
	eval[bool](t, frame, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	time.Sleep(100 * time.Millisecond)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(os.TempDir(), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func mustParseURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatalf("parsing %q: %v", s, err)
	}
	return u
}

// TestEmbedCompact: a blog column wants the answer, not the workbench. In
// a host page the embed shows the key figures, both SLA statements and
// the funnel before any input, keeps goal and ticket in view and folds the
// rest under "All inputs", and its iframe is at most 1,100 px tall at
// 360 px and 800 px at 700 px, as it loads.
func TestEmbedCompact(t *testing.T) {
	needBrowser(t)
	for _, tc := range []struct {
		link         string
		width, limit int64
	}{
		{"/?lang=es", 360, 1100},
		{"/?lang=en", 360, 1100},
		{"/?lang=es", 700, 800},
		{"/?lang=en&mode=forecast", 700, 800},
		{"/?lang=pt&mode=forecast", 360, 1100},
	} {
		t.Run(fmt.Sprintf("%s at %d px", tc.link, tc.width), func(t *testing.T) {
			snippet, src := copyEmbedCodeOf(t, tc.link)
			hostURL := serveBlogPost(t, "localhost", snippet)
			host := newTab(t)
			if err := chromedp.Do(host, chromedp.EmulateViewport(tc.width, 900)); err != nil {
				t.Fatal(err)
			}
			navigate(t, host, hostURL)
			frame, _ := attachFrame(t, host, src)
			waitReady(t, frame)
			fit := waitFrameFits(t, host, frame)
			if fit.Iframe > float64(tc.limit) {
				t.Errorf("the embed is %.0f px tall at %d px, want at most %d", fit.Iframe, tc.width, tc.limit)
			}
			t.Logf("embed height at %d px: %.0f px (limit %d)", tc.width, fit.Iframe, tc.limit)
			type order struct {
				Headline, Answer, FirstInput, Goal float64
				Folded, Full                       bool
			}
			o := eval[order](t, frame, `(() => {
				const top = (sel) => { const el = document.querySelector(sel); return el ? el.getBoundingClientRect().top : -1; };
				const forecast = !!document.querySelector('[data-testid=reachable-revenue]');
				return {
					Headline: top('[data-testid=headline]'),
					Answer: top(forecast ? '[data-testid=reachable-revenue]' : '[data-testid=sla-sales]'),
					FirstInput: top('.inputs input'),
					Goal: top(forecast ? '[data-testid=field-visits]' : '[data-testid=field-goal]'),
					Folded: !!document.querySelector('details[data-testid=all-inputs]:not([open]) [data-testid=input-r1]'),
					Full: !!document.querySelector('[data-testid=open-full]'),
				};
			})()`)
			if o.Headline < 0 || o.Answer < 0 || o.FirstInput < 0 || o.Goal < 0 {
				t.Fatalf("missing parts of the embed: %+v", o)
			}
			if !(o.Headline < o.FirstInput && o.Answer < o.FirstInput) {
				t.Errorf("the answer is not first: headline at %.0f, SLA/forecast at %.0f, first input at %.0f", o.Headline, o.Answer, o.FirstInput)
			}
			if !o.Folded {
				t.Error("the rates are not folded under a closed [data-testid=all-inputs]")
			}
			if !o.Full {
				t.Error("no [data-testid=open-full] link")
			}
			if t.Failed() {
				t.Logf("screenshot: %s", embedScreenshot(t, host, frame, tc.width, 900, fmt.Sprintf("embed-%d.png", tc.width)))
			}
		})
	}
}
