//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// seed is what the bare URL shows (the seed article's example), by
// data-testid, as English text and as a number.
var seed = []struct {
	id   string
	en   string
	want float64
}{
	{"count-visitors", "3,200", 3200},
	{"count-leads", "1,600", 1600},
	{"count-mqls", "800", 800},
	{"count-sqls", "400", 400},
	{"count-opportunities", "200", 200},
	{"count-customers", "100", 100},
	{"week-mqls", "16.7", 16.7},
	{"fte", "2.08", 2.08},
	{"reps", "3", 3},
}

// resultIDs are the data-testid hooks of the plan-mode results.
var resultIDs = []string{
	"count-visitors", "count-leads", "count-mqls", "count-sqls",
	"count-opportunities", "count-customers", "week-mqls", "fte", "reps",
}

// snapshot reads the text of every plan-mode result.
func snapshot(t testing.TB, ctx context.Context) map[string]string {
	t.Helper()
	m := make(map[string]string, len(resultIDs))
	for _, id := range resultIDs {
		m[id] = text(t, ctx, id)
	}
	return m
}

func TestSeedDefaults(t *testing.T) {
	ctx := open(t, "/")
	waitReady(t, ctx)
	lang := eval[string](t, ctx, `document.documentElement.lang`)
	for _, s := range seed {
		assertNumber(t, ctx, s.id, s.want)
		if lang == "en" {
			if got := text(t, ctx, s.id); got != s.en {
				t.Errorf("[data-testid=%s] in English: want %q, got %q", s.id, s.en, got)
			}
		}
	}
}

// TestPrerenderedHTML checks that the numbers are in the server's HTML,
// before any JavaScript or wasm runs.
func TestPrerenderedHTML(t *testing.T) {
	needBrowser(t)
	body := fetch(t, "/")
	for _, s := range seed {
		got, ok := htmlText(body, s.id)
		if !ok {
			t.Errorf("server HTML of /: no element with data-testid=%q", s.id)
			continue
		}
		n, err := parseNum(got)
		if err != nil || !nearlyEqual(n, s.want) {
			t.Errorf("server HTML of /: data-testid=%q: want %v, got %q", s.id, s.want, got)
		}
	}

	// A scenario in the query is rendered by the server too.
	body = fetch(t, "/?r1=25")
	if got, _ := htmlText(body, "count-visitors"); !numberIs(got, 6400) {
		t.Errorf("server HTML of /?r1=25: data-testid=count-visitors: want 6400, got %q", got)
	}
}

// blockWasm keeps the tab from loading any .wasm, to see the page as it is
// before the wasm runs (the blocked request is logged as an error).
func blockWasm(t *testing.T, ctx context.Context) {
	t.Helper()
	allowConsoleErrors(ctx)
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{
			{URLPattern: "*://*:*/*.wasm", Block: true},
			{URLPattern: "*://*:*/*.wasm?*", Block: true},
		},
	}); err != nil {
		t.Fatalf("blocking *.wasm: %v", err)
	}
}

// TestPrerenderedVisibleWithoutWasm blocks app.wasm and checks that the
// server-rendered numbers are on screen and not covered by a loader.
func TestPrerenderedVisibleWithoutWasm(t *testing.T) {
	ctx := newTab(t)
	blockWasm(t, ctx)
	navigate(t, ctx, "/")
	// Give app.js time to run, fail on the wasm and show whatever it shows.
	time.Sleep(700 * time.Millisecond)
	if eval[bool](t, ctx, `!!document.querySelector('[data-wasm=ready]')`) {
		t.Fatal("[data-wasm=ready] is there although *.wasm is blocked: the block did not work")
	}
	for _, s := range seed {
		res := eval[string](t, ctx, `(() => {
			const el = document.querySelector(`+jsString(byTestID(s.id))+`);
			if (!el) return 'missing';
			el.scrollIntoView({block: 'center', inline: 'center'});
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) return 'zero-size box';
			const st = getComputedStyle(el);
			if (st.visibility !== 'visible') return 'visibility: ' + st.visibility;
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			const hit = document.elementFromPoint(x, y);
			if (!hit) return 'nothing at its centre';
			if (hit !== el && !el.contains(hit)) {
				return 'covered by <' + hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '') +
					(hit.className && typeof hit.className === 'string' ? '.' + hit.className.trim().split(/\s+/).join('.') : '') + '>';
			}
			for (let n = el; n; n = n.parentElement) {
				if (parseFloat(getComputedStyle(n).opacity) < 0.1) return 'transparent (opacity of <' + n.tagName.toLowerCase() + '>)';
			}
			return 'ok:' + el.textContent.trim();
		})()`)
		if !strings.HasPrefix(res, "ok:") {
			t.Errorf("with the wasm blocked, [data-testid=%s] is not visible: %s", s.id, res)
			continue
		}
		if got := strings.TrimPrefix(res, "ok:"); !numberIs(got, s.want) {
			t.Errorf("with the wasm blocked, [data-testid=%s]: want %v, got %q", s.id, s.want, got)
		}
	}
}

// TestSliderUpdatesCountsAndURL moves a slider and checks that counts and
// the address bar follow, without a reload or a new history entry.
func TestSliderUpdatesCountsAndURL(t *testing.T) {
	ctx := open(t, "/")
	waitReady(t, ctx)
	eval[bool](t, ctx, `(window.__e2eMarker = 'still here', true)`)
	histLen := eval[int](t, ctx, `history.length`)

	setSlider(t, ctx, "input-r1", "25")
	waitNumber(t, ctx, "count-visitors", 6400)
	// The counts below visitors do not depend on r1.
	assertNumber(t, ctx, "count-leads", 1600)
	assertNumber(t, ctx, "count-customers", 100)

	waitJS(t, ctx, `parseFloat(new URLSearchParams(location.search).get('r1')) === 25`, waitTimeout,
		fmt.Sprintf("r1=25 in location.search (it is %q)", eval[string](t, ctx, `location.search`)))
	if got := eval[string](t, ctx, `String(window.__e2eMarker)`); got != "still here" {
		t.Errorf("window marker lost (%q): the page reloaded", got)
	}
	if got := eval[int](t, ctx, `history.length`); got != histLen {
		t.Errorf("history.length went from %d to %d: the URL update must use replaceState", histLen, got)
	}
	if got := eval[string](t, ctx, `location.pathname`); got != "/" {
		t.Errorf("location.pathname: want /, got %q", got)
	}
	// The chart and the SLA follow as elements the browser draws: SVG in
	// its namespace with a real size, the figures in <strong>.
	chart := eval[string](t, ctx, `(() => {
		const svg = document.querySelector('figure.chart svg'), band = svg && svg.querySelector('path.band-0');
		if (!band) return 'no band';
		if (band.namespaceURI !== 'http://www.w3.org/2000/svg') return 'band namespace ' + band.namespaceURI;
		const visitors = svg.querySelector('text.band-value');
		if (!/6,400/.test(visitors.textContent)) return 'chart shows ' + visitors.textContent;
		return band.getBBox().width > 0 ? 'ok' : 'band has no width';
	})()`)
	if chart != "ok" {
		t.Errorf("the funnel chart after the slider: %s", chart)
	}
	assertNoConsoleErrors(t, ctx)
}

// TestLinkReproducesScenario changes several inputs, then opens the address
// bar's URL in a fresh browser context (no shared storage) and compares.
func TestLinkReproducesScenario(t *testing.T) {
	ctx := open(t, "/")
	waitReady(t, ctx)
	setSlider(t, ctx, "input-r1", "25")
	setSlider(t, ctx, "input-r3", "40")
	setSlider(t, ctx, "input-cap", "10")
	waitNumber(t, ctx, "count-visitors", 8000) // 100/0.5/0.5/0.4/0.5/0.25
	waitJS(t, ctx, `(() => {
		const q = new URLSearchParams(location.search);
		return parseFloat(q.get('r1')) === 25 && parseFloat(q.get('r3')) === 40 && parseFloat(q.get('cap')) === 10;
	})()`, waitTimeout, "r1=25, r3=40 and cap=10 in the URL")
	// Let the last render settle before reading.
	time.Sleep(100 * time.Millisecond)
	want := snapshot(t, ctx)
	link := currentURL(t, ctx)
	t.Logf("link: %s", link)
	assertNoConsoleErrors(t, ctx)

	fresh := open(t, link)
	waitReady(t, fresh)
	waitNumber(t, fresh, "count-visitors", 8000)
	got := snapshot(t, fresh)
	for _, id := range resultIDs {
		if got[id] != want[id] {
			t.Errorf("[data-testid=%s]: the link shows %q, the original page showed %q", id, got[id], want[id])
		}
	}
	for _, p := range []string{"r1", "r3", "cap"} {
		a, _ := url.Parse(link)
		b, _ := url.Parse(currentURL(t, fresh))
		if a.Query().Get(p) != b.Query().Get(p) {
			t.Errorf("parameter %s: the link had %q, the reopened page's URL has %q", p, a.Query().Get(p), b.Query().Get(p))
		}
	}
}

func TestSpanishPesos(t *testing.T) {
	ctx := open(t, "/?lang=es&cur=MXN")
	waitReady(t, ctx)
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "es" {
		t.Errorf(`<html lang>: want "es", got %q`, got)
	}
	sla := strings.ToLower(text(t, ctx, "sla-marketing"))
	if !strings.Contains(sla, "mql") || !strings.Contains(sla, "semana") {
		t.Errorf(`[data-testid=sla-marketing]: want Spanish with "MQL" and "semana", got %q`, sla)
	}
	assertNumber(t, ctx, "count-visitors", 3200)
	assertNumber(t, ctx, "week-mqls", 16.7)
	// Money on screen is formatted in pesos: "$" (es-MX), never "US$" or "€".
	body := eval[string](t, ctx, `document.body.innerText`)
	if !strings.Contains(body, "$") {
		where := eval[[]string](t, ctx, `[...document.querySelectorAll('*')].flatMap(el =>
			[...el.attributes].filter(a => a.value.includes('$')).map(a =>
				'<' + el.tagName.toLowerCase() + (el.dataset.testid ? ' data-testid=' + el.dataset.testid : '') + '> ' + a.name + '=' + JSON.stringify(a.value)))`)
		t.Errorf(`the visible page text has no money amount with "$" (pesos); "$" appears only in attributes: %q`, where)
	}
	for _, bad := range []string{"US$", "€"} {
		if strings.Contains(body, bad) {
			t.Errorf("page text shows %q although cur=MXN", bad)
		}
	}
	if vt := eval[string](t, ctx, `(document.querySelector('[data-testid=input-goal]') || {getAttribute: () => ''}).getAttribute('aria-valuetext') || ''`); !strings.Contains(vt, "$") {
		t.Errorf(`[data-testid=input-goal] aria-valuetext: want the goal in pesos ("$…"), got %q`, vt)
	}
	showsMXN := eval[bool](t, ctx, `document.body.innerText.includes('MXN') ||
		[...document.querySelectorAll('select')].some(s => s.value === 'MXN')`)
	if !showsMXN {
		t.Errorf(`the page shows no "MXN" (text or selected currency): %s`, abbrev(body, 400))
	}
	if cur, ok := queryParam(t, ctx, "cur"); ok && cur != "MXN" {
		t.Errorf("cur in the URL: want MXN, got %q", cur)
	}
	if l, ok := queryParam(t, ctx, "lang"); ok && l != "es" {
		t.Errorf("lang in the URL: want es, got %q", l)
	}
}

// hostileQuery has five bad parameters and one good one (r1=25).
func hostileQuery() string {
	return "goal=-5&r2=abc&r3=1e400&ticket=" + strings.Repeat("9", 10240) +
		"&weeks=%3Cscript%3Ealert(1)%3C/script%3E&r1=25"
}

var hostileParams = []string{"goal", "r2", "r3", "ticket", "weeks"}

func TestHostileLink(t *testing.T) {
	needBrowser(t)
	path := "/?" + hostileQuery()

	// The server's HTML must escape the script and must not panic.
	html := fetch(t, path)
	if strings.Contains(strings.ToLower(html), "<script>alert(1)") {
		t.Error("the server HTML contains the unescaped <script>alert(1) from the link")
	}

	ctx := open(t, path)
	waitReady(t, ctx)
	waitNumber(t, ctx, "count-visitors", 6400) // r1=25 still applies
	for _, s := range seed[1:] {               // the rest keeps its defaults
		assertNumber(t, ctx, s.id, s.want)
	}

	notices := texts(t, ctx, "notice")
	t.Logf("notices: %q", shorten(notices, 120))
	for _, p := range hostileParams {
		re := regexp.MustCompile(`(?i)(^|[^a-z0-9])` + p + `($|[^a-z0-9])`)
		n := 0
		for _, s := range notices {
			if re.MatchString(s) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("parameter %s: want exactly one [data-testid=notice] naming it, got %d (notices: %q)", p, n, shorten(notices, 120))
		}
	}
	for _, s := range notices {
		named := false
		for _, p := range hostileParams {
			if regexp.MustCompile(`(?i)(^|[^a-z0-9])` + p + `($|[^a-z0-9])`).MatchString(s) {
				named = true
			}
		}
		if !named {
			t.Errorf("a [data-testid=notice] names none of the bad parameters: %q", abbrev(s, 200))
		}
	}

	assertNoNaN(t, ctx)
	if d := dialogs(ctx); len(d) > 0 {
		t.Errorf("the link opened a JavaScript dialog: %q", d)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('script').length`); n > 0 {
		// Not an error by itself (go-app adds scripts); make sure none came
		// from the link.
		if eval[bool](t, ctx, `[...document.querySelectorAll('script')].some(s => s.textContent.includes('alert(1)'))`) {
			t.Error("a <script> element with alert(1) from the link is in the DOM")
		}
	}
	assertNoConsoleErrors(t, ctx)
}

// assertNoNaN checks the page text, input values and title for NaN and
// Infinity.
func assertNoNaN(t testing.TB, ctx context.Context) {
	t.Helper()
	all := eval[string](t, ctx, `[document.title, document.body.innerText,
		...[...document.querySelectorAll('input, textarea, output')].map(e => e.value)].join('\n')`)
	for _, bad := range []string{"NaN", "Infinity", "∞"} {
		if i := strings.Index(all, bad); i >= 0 {
			lo, hi := max(0, i-60), min(len(all), i+60)
			t.Errorf("the page shows %q: …%s…", bad, all[lo:hi])
		}
	}
}

// TestInvalidFieldKeepsResult types 0 into the ticket field.
func TestInvalidFieldKeepsResult(t *testing.T) {
	ctx := open(t, "/")
	waitReady(t, ctx)
	before := snapshot(t, ctx)

	// Select the field's text and type "0" over it with the keyboard.
	if !eval[bool](t, ctx, `(() => {
		const el = document.querySelector(`+jsString(byTestID("field-ticket"))+`);
		if (!el) return false;
		el.focus();
		try { el.select(); } catch (e) {}
		return document.activeElement === el;
	})()`) {
		t.Fatal("no focusable [data-testid=field-ticket]")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("0")); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.querySelector('[data-testid=field-ticket]').value`); got != "0" {
		t.Fatalf("[data-testid=field-ticket] holds %q after typing 0 over it", got)
	}

	// An error must appear: an invalid field and a message tied to it or a
	// notice.
	const findError = `(() => {
		const el = document.querySelector('[data-testid=field-ticket]');
		const msgs = [];
		for (const attr of ['aria-errormessage', 'aria-describedby']) {
			for (const id of (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean)) {
				const m = document.getElementById(id);
				if (m && m.textContent.trim() && m.getClientRects().length) msgs.push(attr + ': ' + m.textContent.trim());
			}
		}
		for (const n of document.querySelectorAll('[data-testid=notice]')) {
			if (n.textContent.trim() && n.getClientRects().length) msgs.push('notice: ' + n.textContent.trim());
		}
		return {invalid: el.getAttribute('aria-invalid') === 'true' || el.matches(':invalid'), msgs};
	})()`
	type errState struct {
		Invalid bool     `json:"invalid"`
		Msgs    []string `json:"msgs"`
	}
	if err := pollJS(ctx, findError+`.msgs.length > 0`, waitTimeout); err != nil {
		st := eval[errState](t, ctx, findError)
		t.Fatalf("no error message shown after typing 0 into [data-testid=field-ticket] "+
			"(looked for visible [data-testid=notice] and aria-errormessage/aria-describedby targets; aria-invalid or :invalid=%v): %v",
			st.Invalid, err)
	}
	st := eval[errState](t, ctx, findError)
	t.Logf("error shown: %q (invalid=%v)", st.Msgs, st.Invalid)
	if !st.Invalid {
		t.Errorf("[data-testid=field-ticket] is not marked invalid (aria-invalid=\"true\")")
	}
	// Next to it: the message is in the same label/field group as the field.
	near := eval[bool](t, ctx, `(() => {
		const el = document.querySelector('[data-testid=field-ticket]');
		const ids = ((el.getAttribute('aria-errormessage') || '') + ' ' + (el.getAttribute('aria-describedby') || '')).split(/\s+/).filter(Boolean);
		if (ids.some(id => { const m = document.getElementById(id); return m && m.textContent.trim(); })) return true;
		// Otherwise a notice inside the field's group (up to 3 ancestors).
		let g = el;
		for (let i = 0; i < 3 && g.parentElement; i++) g = g.parentElement;
		return [...g.querySelectorAll('[data-testid=notice]')].some(n => n.textContent.trim());
	})()`)
	if !near {
		t.Errorf("the error is not next to [data-testid=field-ticket] (no aria-errormessage/aria-describedby target, no notice in its group)")
	}

	time.Sleep(150 * time.Millisecond) // a few frames for any (wrong) re-render
	after := snapshot(t, ctx)
	for _, id := range resultIDs {
		if after[id] != before[id] {
			t.Errorf("[data-testid=%s] changed from %q to %q after an invalid ticket: the last valid result must stay", id, before[id], after[id])
		}
	}
	assertNoNaN(t, ctx)
	if v, ok := queryParam(t, ctx, "ticket"); ok && v == "0" {
		t.Error("the invalid ticket=0 went into the URL")
	}
}

// TestKeyboardSlider focuses a rate slider and presses ArrowRight.
func TestKeyboardSlider(t *testing.T) {
	// At r1 = 1 % every step of the slider changes visitors (1,600 / r1).
	ctx := open(t, "/?r1=1")
	waitReady(t, ctx)
	waitNumber(t, ctx, "count-visitors", 160000)
	before := eval[string](t, ctx, `document.querySelector('[data-testid=input-r1]').value`)
	visitorsBefore := text(t, ctx, "count-visitors")

	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(byTestID("input-r1"))),
		chromedp.KeyEvent(kb.ArrowRight),
	); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `document.querySelector('[data-testid=input-r1]').value !== `+jsString(before), waitTimeout,
		"input-r1 to change value after ArrowRight")
	after := eval[string](t, ctx, `document.querySelector('[data-testid=input-r1]').value`)
	if err := pollJS(ctx, `document.querySelector('[data-testid=count-visitors]').textContent.trim() !== `+jsString(visitorsBefore), waitTimeout); err != nil {
		t.Fatalf("ArrowRight moved input-r1 from %s to %s but [data-testid=count-visitors] stayed %q", before, after, visitorsBefore)
	}
	visitorsAfter := text(t, ctx, "count-visitors")
	t.Logf("ArrowRight: r1 %s → %s, visitors %s → %s", before, after, visitorsBefore, visitorsAfter)
	if n, err := parseNum(visitorsAfter); err != nil || n >= 160000 {
		t.Errorf("a higher r1 must need fewer visitors: got %q", visitorsAfter)
	}
	if v, _ := queryParam(t, ctx, "r1"); v == "1" {
		if err := pollJS(ctx, `new URLSearchParams(location.search).get('r1') !== '1'`, waitTimeout); err != nil {
			t.Errorf("the URL still has r1=1 after ArrowRight")
		}
	}
}

// ---------------------------------------------------------------------------

// fetch GETs path from the app server with net/http (no browser).
func fetch(t testing.TB, path string) string {
	t.Helper()
	needBrowser(t) // the server runs only when the browser tests do
	req, err := http.NewRequest("GET", appURL(path), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/html")
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %s", abbrev(path, 80), abbrev(err.Error(), 300))
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", abbrev(path, 80), err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %s", abbrev(path, 80), resp.Status)
	}
	return string(b)
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlText returns the text of the first element whose start tag has
// data-testid="id" (up to its first closing tag, inner tags dropped).
func htmlText(body, id string) (string, bool) {
	re := regexp.MustCompile(`<[a-zA-Z][^>]*\sdata-testid\s*=\s*["']?` + regexp.QuoteMeta(id) + `["'\s>/][^>]*>`)
	loc := re.FindStringIndex(body)
	if loc == nil {
		// the attribute may be the last one, right before '>'
		re = regexp.MustCompile(`<[a-zA-Z][^>]*\sdata-testid\s*=\s*["']?` + regexp.QuoteMeta(id) + `>`)
		if loc = re.FindStringIndex(body); loc == nil {
			return "", false
		}
	}
	// The element's content, up to its own closing tag (it may hold
	// elements of its own: the figures in <strong>).
	name := regexp.MustCompile(`^<([a-zA-Z0-9]+)`).FindStringSubmatch(body[loc[0]:])[1]
	tags := regexp.MustCompile(`(?i)<(/?)` + name + `\b[^>]*>`)
	rest, depth := body[loc[1]:], 1
	for _, m := range tags.FindAllStringSubmatchIndex(rest, -1) {
		if rest[m[2]:m[3]] == "/" {
			depth--
		} else {
			depth++
		}
		if depth == 0 {
			rest = rest[:m[0]]
			break
		}
	}
	s := tagRE.ReplaceAllString(rest, "")
	s = strings.NewReplacer("&nbsp;", " ", "&#160;", " ", "&amp;", "&").Replace(s)
	return strings.Join(strings.Fields(s), " "), true
}

func numberIs(s string, want float64) bool {
	n, err := parseNum(s)
	return err == nil && nearlyEqual(n, want)
}

func shorten(ss []string, n int) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = abbrev(s, n)
	}
	return out
}
