//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// staticPrefix is the sub-path the static site is served under, as on a
// GitHub Pages project site.
const staticPrefix = "/embudo"

// TestStaticSubPath pre-renders the site with -static DIR -prefix /embudo,
// serves the folder with a plain file server under /embudo/ (as any static
// host would: no compression, no app code) and drives it in the browser.
func TestStaticSubPath(t *testing.T) {
	needBrowser(t)
	site := filepath.Join(t.TempDir(), "site")
	generateStaticSite(t, site, staticPrefix)
	checkStaticFolder(t, site, staticPrefix)

	base := serveStaticSite(t, site, staticPrefix)

	t.Run("root", func(t *testing.T) {
		ctx := newTab(t)
		bad := recordHTTPErrors(t, ctx)
		navigate(t, ctx, base+staticPrefix+"/")
		waitReady(t, ctx)
		for _, s := range seed {
			assertNumber(t, ctx, s.id, s.want)
		}
		setSlider(t, ctx, "input-r1", "25")
		waitNumber(t, ctx, "count-visitors", 6400)
		assertUnderPrefix(t, ctx, staticPrefix)
		waitJS(t, ctx, `new URLSearchParams(location.search).get('r1') === '25'`, waitTimeout,
			fmt.Sprintf("r1=25 in the URL (it is %q)", currentURL(t, ctx)))
		waitWorkerActive(t, ctx)
		assertNoHTTPErrors(t, bad)
	})

	t.Run("link", func(t *testing.T) {
		ctx := newTab(t)
		bad := recordHTTPErrors(t, ctx)
		navigate(t, ctx, base+staticPrefix+"/?r1=25")
		waitReady(t, ctx)
		waitNumber(t, ctx, "count-visitors", 6400)
		if eval[bool](t, ctx, `document.getElementById('embudo').classList.contains('pending')`) {
			t.Error("the numbers stay dimmed after the wasm rendered the link")
		}
		for _, s := range seed[1:] { // r1 changes the visitors only
			assertNumber(t, ctx, s.id, s.want)
		}
		// r3 = 40 %: SQLs 400 → MQLs 1,000 → leads 2,000 → visitors 8,000.
		setSlider(t, ctx, "input-r3", "40")
		waitNumber(t, ctx, "count-visitors", 8000)
		assertNumber(t, ctx, "count-mqls", 1000)
		assertUnderPrefix(t, ctx, staticPrefix)
		waitJS(t, ctx, `(() => { const q = new URLSearchParams(location.search);
			return q.get('r1') === '25' && q.get('r3') === '40'; })()`, waitTimeout,
			fmt.Sprintf("r1=25 and r3=40 in the URL (it is %q)", currentURL(t, ctx)))
		waitWorkerActive(t, ctx)
		assertNoHTTPErrors(t, bad)
	})
}

// generateStaticSite runs the server binary with -static dir -prefix.
func generateStaticSite(t *testing.T, dir, prefix string) {
	t.Helper()
	bin := serverBinary(t)
	cmd := exec.Command(bin, "-static", dir, "-prefix", prefix, "-web", filepath.Join(repoRoot, "web"))
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s -static %s -prefix %s: %v\n%s", filepath.Base(bin), dir, prefix, err, out)
	}
}

// serverBinary builds the server into a folder that is removed when the
// test ends (the harness's own binary is not exposed; the build cache makes
// this quick).
func serverBinary(t *testing.T) string {
	t.Helper()
	if repoRoot == "" {
		t.Fatal("the repository root is unknown")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "embudo")
	build := exec.Command(goTool(), "build", "-o", bin, "./app")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the server (go build ./app): %v\n%s", err, out)
	}
	return bin
}

// checkStaticFolder checks that the folder holds everything a static host
// must serve, and that index.html points at the prefixed paths.
func checkStaticFolder(t *testing.T, dir, prefix string) {
	t.Helper()
	files := []string{
		"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "app.css",
		"web/app.wasm", "web/app.wasm.gz",
		"web/embudo.js", "web/embudo.css",
		"web/icon-192.png", "web/icon-512.png", "web/icon-maskable-512.png", "web/icon.svg",
	}
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm.br")); err == nil {
		files = append(files, "web/app.wasm.br")
	} else {
		t.Log("web/app.wasm.br is not built (brotli missing): not expected in the site either")
	}
	for _, f := range files {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Errorf("static site: %s is missing", f)
		} else if fi.Size() == 0 {
			t.Errorf("static site: %s is empty", f)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	index := string(b)
	for _, ref := range []string{
		`href="` + prefix + `/manifest.webmanifest"`,
		prefix + `/app.js"`,
		prefix + `/wasm_exec.js"`,
		prefix + `/web/embudo.js?v=`, // versioned: see versionedResources
		`<style>`,                    // the page's style is in its head
	} {
		if !strings.Contains(index, ref) {
			t.Errorf("index.html does not reference %s", ref)
		}
	}
	if strings.Contains(index, `rel="stylesheet"`) {
		t.Error("index.html links a stylesheet: its first paint would wait for it")
	}
	// No root-relative path that escapes the prefix.
	for _, m := range regexp.MustCompile(`(?:src|href)="(/[^"]*)"`).FindAllStringSubmatch(index, -1) {
		if !strings.HasPrefix(m[1], prefix+"/") && m[1] != prefix {
			t.Errorf("index.html references %q, outside %s/", m[1], prefix)
		}
	}
	for _, f := range []string{"app.js", "app-worker.js"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			continue
		}
		if !strings.Contains(string(b), prefix+"/") {
			t.Errorf("%s has no %s/ path (the worker and the wasm must be fetched under the prefix)", f, prefix)
		}
	}
}

// serveStaticSite serves dir under prefix/ with a plain http.FileServer on a free
// loopback port (inside wraps, if any), and returns the server's base URL.
func serveStaticSite(t *testing.T, dir, prefix string, wraps ...func(http.Handler) http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var files http.Handler = http.FileServer(http.Dir(dir))
	for _, wrap := range wraps {
		files = wrap(files)
	}
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, files))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// httpErrors collects the responses with status >= 400 and the failed
// requests of a tab. Chrome sends no responseReceived for a response it
// refuses (e.g. a 404 page served as text/plain for a stylesheet: the load
// is cancelled), so the raw status of responseReceivedExtraInfo counts too.
type httpErrors struct {
	mu   sync.Mutex
	urls map[network.RequestID]string
	seen map[network.RequestID]bool
	list []string
}

func (h *httpErrors) add(id network.RequestID, what string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.seen[id] {
		return
	}
	h.seen[id] = true
	url := h.urls[id]
	if url == "" {
		url = "request " + string(id)
	}
	h.list = append(h.list, what+" "+abbrev(url, 200))
}

func (h *httpErrors) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.list...)
}

// recordHTTPErrors listens to the tab's network events.
func recordHTTPErrors(t testing.TB, ctx context.Context) *httpErrors {
	t.Helper()
	h := &httpErrors{urls: map[network.RequestID]string{}, seen: map[network.RequestID]bool{}}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if e.Request != nil {
				h.mu.Lock()
				h.urls[e.RequestID] = e.Request.URL
				h.mu.Unlock()
			}
		case *network.EventResponseReceived:
			if e.Response != nil && e.Response.Status >= 400 {
				h.mu.Lock()
				if h.urls[e.RequestID] == "" {
					h.urls[e.RequestID] = e.Response.URL
				}
				h.mu.Unlock()
				h.add(e.RequestID, fmt.Sprintf("status %d", e.Response.Status))
			}
		case *network.EventResponseReceivedExtraInfo:
			if e.StatusCode >= 400 {
				h.add(e.RequestID, fmt.Sprintf("status %d", e.StatusCode))
			}
		case *network.EventLoadingFailed:
			if !e.Canceled {
				h.add(e.RequestID, "failed ("+e.ErrorText+")")
			}
		}
	})
	if err != nil {
		t.Fatalf("listening to network events: %v", err)
	}
	return h
}

func assertNoHTTPErrors(t testing.TB, h *httpErrors) {
	t.Helper()
	for _, e := range h.all() {
		t.Errorf("network: %s", e)
	}
}

// assertUnderPrefix checks that the address bar is still under prefix/.
func assertUnderPrefix(t testing.TB, ctx context.Context, prefix string) {
	t.Helper()
	// Give a (wrong) URL rewrite after the input a moment to happen.
	time.Sleep(50 * time.Millisecond)
	if p := eval[string](t, ctx, `location.pathname`); !strings.HasPrefix(p, prefix+"/") {
		t.Errorf("location.pathname is %q: the app left %s/ (a reload would not find the site)", p, prefix)
	}
}

// waitWorkerActive waits until the service worker is active (its install precaches
// every file under the prefix, and fails on any missing one) and lets the
// late requests of the page (icons, manifest) finish.
func waitWorkerActive(t testing.TB, ctx context.Context) {
	t.Helper()
	state := eval[string](t, ctx, `(async () => {
		if (!('serviceWorker' in navigator)) return 'no service worker support';
		const timeout = new Promise(r => setTimeout(() => r(null), 5000));
		const reg = await Promise.race([navigator.serviceWorker.ready, timeout]);
		if (!reg) {
			const r = await navigator.serviceWorker.getRegistration();
			return 'not active after 5 s: ' + (r ? 'installing=' + !!r.installing + ' waiting=' + !!r.waiting : 'no registration');
		}
		return 'active ' + reg.scope + ' ' + reg.active.scriptURL;
	})()`)
	t.Logf("service worker: %s", state)
	if !strings.HasPrefix(state, "active ") {
		t.Errorf("service worker: %s (its precache failed or it never registered)", state)
	}
	time.Sleep(200 * time.Millisecond)
}
