//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// offlineProbePath is a URL of the app's origin that nothing caches: a fetch
// of it succeeds online (404) and must fail offline.
const offlineProbePath = "/e2e-offline-probe"

// TestOfflinePWA opens a scenario link, lets the service worker install,
// goes offline (the page AND the service worker), and checks that the
// reload, another link and a bare / all open with the right numbers, and
// that the sliders still work.
func TestOfflinePWA(t *testing.T) {
	ctx := newTab(t)
	// Offline, some requests fail by design: the console is checked at the
	// end with those filtered out (see expectedOfflineError).
	allowConsoleErrors(ctx)

	// r1 = 25 %: visitors 6,400; 40 work weeks: 800 MQLs / 40 = 20.0 a week,
	// FTE 20 / 8 = 2.50, 3 reps.
	navigate(t, ctx, "/?r1=25&weeks=40")
	waitReady(t, ctx)
	waitNumber(t, ctx, "count-visitors", 6400)
	assertNumber(t, ctx, "week-mqls", 20)
	assertNumber(t, ctx, "fte", 2.5)

	waitController(t, ctx)
	cache := waitPrecached(t, ctx)
	t.Logf("service worker controls the page; cache %s holds the wasm and the page", cache)

	sw := attachServiceWorker(t, ctx)
	online := fetchStatus(t, ctx, offlineProbePath+"?online")
	if !strings.HasPrefix(online, "status ") {
		t.Fatalf("online, a fetch of %s from the page failed (%s): the probe cannot tell offline from online", offlineProbePath, online)
	}
	setOffline(t, ctx, "page")
	setOffline(t, sw, "service worker")

	// The offline state is real: the page and the worker cannot reach the
	// server, and the page knows it.
	if got := fetchStatus(t, ctx, offlineProbePath+"?page"); !strings.HasPrefix(got, "failed") {
		t.Fatalf("offline, a fetch from the page reached the server (%s): the emulation does not work", got)
	}
	if got := fetchStatus(t, sw, offlineProbePath+"?worker"); !strings.HasPrefix(got, "failed") {
		t.Fatalf("offline, a fetch from the service worker reached the server (%s): the worker is not offline", got)
	}
	if eval[bool](t, ctx, `navigator.onLine`) {
		t.Error("offline, navigator.onLine is still true")
	}

	t.Run("reload", func(t *testing.T) {
		reloadTab(t, ctx)
		assertServedByWorker(t, ctx)
		waitReady(t, ctx)
		waitNumber(t, ctx, "count-visitors", 6400)
		assertNumber(t, ctx, "week-mqls", 20)
		assertNumber(t, ctx, "fte", 2.5)
		assertNumber(t, ctx, "reps", 3)
		if v, _ := queryParam(t, ctx, "weeks"); v != "40" {
			t.Errorf("after the offline reload, weeks in the URL is %q, want 40", v)
		}

		// r2 = 25 %: MQLs 800 → leads 3,200 → visitors 12,800.
		setSlider(t, ctx, "input-r2", "25")
		waitNumber(t, ctx, "count-visitors", 12800)
		assertNumber(t, ctx, "count-leads", 3200)
		waitJS(t, ctx, `new URLSearchParams(location.search).get('r2') === '25'`, waitTimeout, "r2=25 in the URL")
		waitJS(t, ctx, `(localStorage.getItem('embudo.last') || '').includes('r2=25')`, waitTimeout,
			"the moved scenario (r2=25) in localStorage embudo.last")
	})

	t.Run("bare root reopens the last scenario", func(t *testing.T) {
		navigate(t, ctx, "/")
		assertServedByWorker(t, ctx)
		waitReady(t, ctx)
		// r1 = 25, r2 = 25, weeks = 40 from localStorage.
		waitNumber(t, ctx, "count-visitors", 12800)
		assertNumber(t, ctx, "count-leads", 3200)
		assertNumber(t, ctx, "week-mqls", 20)
		// The address bar is written after the frame (persist.go).
		waitJS(t, ctx, `(() => { const q = new URLSearchParams(location.search);
			return q.get('r1') === '25' && q.get('r2') === '25' && q.get('weeks') === '40'; })()`, waitTimeout,
			"bare / offline: the last scenario (r1=25, r2=25, weeks=40) in the URL")
	})

	t.Run("another link", func(t *testing.T) {
		navigate(t, ctx, "/?r1=10")
		assertServedByWorker(t, ctx)
		waitReady(t, ctx)
		// r1 = 10 %, the rest the seed's: leads 1,600 → visitors 16,000.
		waitNumber(t, ctx, "count-visitors", 16000)
		assertNumber(t, ctx, "count-leads", 1600)
		assertNumber(t, ctx, "week-mqls", 16.7)
		// r1 = 20 %: visitors 8,000.
		setSlider(t, ctx, "input-r1", "20")
		waitNumber(t, ctx, "count-visitors", 8000)
	})

	// Still offline at the end: nothing above went to the network.
	if got := fetchStatus(t, sw, offlineProbePath+"?end"); !strings.HasPrefix(got, "failed") {
		t.Errorf("at the end, a fetch from the service worker reached the server (%s)", got)
	}

	reportConsole(t, "", consoleErrors(ctx), expectedOfflineError)
	for _, d := range dialogs(ctx) {
		t.Errorf("JavaScript dialog opened: %s", d)
	}
	reportConsole(t, "service worker ", consoleErrors(sw), expectedWorkerError)
}

// reportConsole logs the console errors that expected explains (it says
// why) and fails on the others.
func reportConsole(t *testing.T, who string, errs []string, expected func(string) string) {
	t.Helper()
	var known, unknown []string
	for _, e := range errs {
		if why := expected(e); why != "" {
			known = append(known, why+": "+abbrev(e, 160))
		} else {
			unknown = append(unknown, e)
		}
	}
	for _, e := range tallyMessages(known) {
		t.Logf("%sexpected offline error: %s", who, e)
	}
	for _, e := range tallyMessages(unknown) {
		t.Errorf("%sconsole: %s", who, e)
	}
}

// tallyMessages folds repeated messages into one line with a count, in order of
// first appearance.
func tallyMessages(msgs []string) []string {
	n := map[string]int{}
	var order []string
	for _, m := range msgs {
		if n[m] == 0 {
			order = append(order, m)
		}
		n[m]++
	}
	out := make([]string, len(order))
	for i, m := range order {
		out[i] = m
		if n[m] > 1 {
			out[i] = fmt.Sprintf("%s (×%d)", m, n[m])
		}
	}
	return out
}

// expectedOfflineError tells why a console error is expected while offline,
// or "" when it is not:
//   - the probe fetches of offlineProbePath, made on purpose to prove that
//     the network is down (and, online, to prove that the probe reaches the
//     server: a 404);
//   - the service worker update check (go-app's app.js calls
//     registration.update() from app.TryUpdate() in OnMount once the worker
//     is registered), which must fail offline: the worker script cannot be
//     fetched. app.js does not catch the rejection, so Chrome logs it as
//     uncaught. Whether it shows depends on timing.
//
// Anything else, e.g. a file of the app that the worker did not precache
// and that the page requests, is an error.
func expectedOfflineError(e string) string {
	switch {
	case strings.Contains(e, offlineProbePath):
		return "probe fetch"
	case strings.Contains(e, "Failed to update a ServiceWorker") && strings.Contains(e, "app-worker.js"):
		return "worker update check"
	}
	return ""
}

// expectedWorkerError is expectedOfflineError for the service worker's own
// console. Its cache-first handler (app-worker.js) passes a cache miss to
// fetch() and does not catch the rejection: each page request that fails
// offline also shows there as "Uncaught (in promise) TypeError: Failed to
// fetch", without its URL. Those are echoes of the page-side failures,
// which name the URL and are judged above.
func expectedWorkerError(e string) string {
	if strings.HasPrefix(e, "uncaught exception: Uncaught (in promise) TypeError: Failed to fetch") &&
		strings.Contains(e, "/app-worker.js:") {
		return "echo of a failed page request (handler does not catch fetch)"
	}
	return expectedOfflineError(e)
}

// waitController waits until the service worker controls the page
// (go-app's worker claims its clients when it activates); if it does not
// within 10 s, it reloads once, as a user would.
func waitController(t *testing.T, ctx context.Context) {
	t.Helper()
	const controlled = `!!(navigator.serviceWorker && navigator.serviceWorker.controller)`
	if err := pollJS(ctx, controlled, 10*time.Second); err == nil {
		return
	}
	t.Log("the service worker did not claim the page within 10 s: reloading once")
	reloadTab(t, ctx)
	waitReady(t, ctx)
	waitJS(t, ctx, controlled, 10*time.Second, "navigator.serviceWorker.controller after a reload")
}

// waitPrecached waits until a cache app-* holds the wasm and the page, and
// returns its name.
func waitPrecached(t *testing.T, ctx context.Context) string {
	t.Helper()
	const probe = `(async () => {
		const name = (await caches.keys()).find(k => k.startsWith('app-'));
		if (!name) return '';
		const c = await caches.open(name);
		// assets are cached under versioned URLs (/web/app.wasm?v=…)
		const wasm = await c.match(new URL('/web/app.wasm', location).href, {ignoreSearch: true});
		const page = await c.match(new URL('/', location).href);
		return wasm && page ? name : '';
	})()`
	deadline := time.Now().Add(readyTimeout)
	for {
		if name := eval[string](t, ctx, probe); name != "" {
			return name
		}
		if time.Now().After(deadline) {
			keys := eval[[]string](t, ctx, `caches.keys()`)
			t.Fatalf("no cache app-* with /web/app.wasm and / after %v (caches: %q)", readyTimeout, keys)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// attachServiceWorker attaches to the app's service worker target (in the
// tab's browser context). Its console errors go to the returned context's
// log.
func attachServiceWorker(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	bctx := chromedp.FromContext(ctx).BrowserContextID
	script := baseURL + "/app-worker.js"
	var id target.ID
	deadline := time.Now().Add(waitTimeout)
	for id == "" {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			t.Fatalf("listing targets: %v", err)
		}
		for _, info := range infos {
			if info.Type == "service_worker" && info.BrowserContextID == bctx && info.URL == script {
				id = info.TargetID
			}
		}
		if id == "" {
			if time.Now().After(deadline) {
				t.Fatalf("no service_worker target for %s", script)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	l := &tabLog{}
	sw, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id), chromedp.WithDetachOnCancel(), chromedp.WithListener(l.listen))
	sw = context.WithValue(sw, tabLogKey{}, l)
	t.Cleanup(cancel)
	if err := chromedp.Do(sw); err != nil {
		t.Fatalf("attaching to the service worker: %v", err)
	}
	if got := eval[string](t, sw, `self.constructor.name + ' ' + self.location.href`); got != "ServiceWorkerGlobalScope "+script {
		t.Fatalf("attached to %q, want the service worker %s", got, script)
	}
	return sw
}

// setOffline puts a target (a page or a worker) offline: every request of
// it fails as with no network, and navigator.onLine is false.
func setOffline(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	yes := true
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &yes,
		MatchedNetworkConditions: []*network.Conditions{{
			URLPattern: "", Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
		}},
	}); err != nil {
		t.Fatalf("%s: Network.emulateNetworkConditionsByRule offline: %v", what, err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		t.Fatalf("%s: Network.overrideNetworkState offline: %v", what, err)
	}
}

// fetchStatus fetches path from the page or the worker: "status N" when a
// response came back, "failed: …" when the fetch rejected.
func fetchStatus(t *testing.T, ctx context.Context, path string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`fetch(new URL(%s, self.location).href, {cache: 'no-store'}).then(
		r => 'status ' + r.status, e => 'failed: ' + e)`, jsString(path)))
}

// reloadTab reloads the tab and waits for the load event.
func reloadTab(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reloading: %v", err)
	}
}

// assertServedByWorker checks that the service worker answered the page's
// navigation (offline, nothing else can), and that it is not the browser's
// error page.
func assertServedByWorker(t *testing.T, ctx context.Context) {
	t.Helper()
	if u := currentURL(t, ctx); !strings.HasPrefix(u, baseURL+"/") {
		t.Fatalf("the tab shows %s, not the app (the browser's offline error page?)", u)
	}
	if !eval[bool](t, ctx, `(() => { const n = performance.getEntriesByType('navigation')[0]; return !!n && n.workerStart > 0; })()`) {
		t.Errorf("the page was not served by the service worker (navigation workerStart is 0)")
	}
}
