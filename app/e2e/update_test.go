//go:build !wasm

package e2e

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestUpdateNotice deploys a new version of a static site under an open,
// installed app and checks the user is told, never left on a stale app:
// the first visit shows no notice; after the deploy the page offers
// "reload", and the reloaded page runs the new version without a notice.
func TestUpdateNotice(t *testing.T) {
	needBrowser(t)
	bin := serverBinary(t)
	web, site := t.TempDir(), t.TempDir()
	copyTree(t, filepath.Join(repoRoot, "web"), web)
	deploy := func() {
		t.Helper()
		cmd := exec.Command(bin, "-static", site, "-prefix", "/embudo", "-web", web)
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("static export: %v\n%s", err, out)
		}
	}
	deploy()
	// The browser checks for a new worker as the reloaded page loads; if
	// the new one took over before the page fetched its scripts, the page
	// would simply be the new version (no notice is due then). Holding the
	// worker's script until the page runs puts the update after it, the
	// case the notice is for.
	held := &heldWorker{}
	base := serveStaticSite(t, site, "/embudo", held.wrap)

	ctx := open(t, base+"/embudo/?r1=25")
	waitReady(t, ctx)
	waitController(t, ctx)
	waitWorkerActive(t, ctx)
	reloadTab(t, ctx) // now served by the worker, as an installed app is
	waitReady(t, ctx)
	if eval[bool](t, ctx, `!!document.querySelector('[data-testid=update-notice]')`) {
		t.Fatal("an update notice on a version that is current")
	}

	// A new version: any change to the assets changes the version.
	if err := os.WriteFile(filepath.Join(web, "release.txt"), []byte("next release\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	release := held.hold()
	deploy()
	reloadTab(t, ctx)
	waitReady(t, ctx)
	release()
	waitJS(t, ctx, `!!document.querySelector('[data-testid=update-notice]')`, readyTimeout, "the update notice")
	notice := text(t, ctx, "update-notice")
	t.Logf("update notice: %q", notice)
	shot := filepath.Join(os.TempDir(), "embudo-update-notice.png")
	if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		os.WriteFile(shot, png, 0o644)
		t.Logf("screenshot: %s", shot)
	}
	if got := text(t, ctx, "count-visitors"); !numberIs(got, 6400) {
		t.Errorf("count-visitors %q while the notice shows, want 6,400", got)
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(byTestID("update-notice")+" button"))); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `!!document.querySelector('[data-wasm=ready]') && !document.querySelector('[data-testid=update-notice]')`,
		readyTimeout, "the reloaded page without a notice")
	if got := text(t, ctx, "count-visitors"); !numberIs(got, 6400) {
		t.Errorf("count-visitors %q after the reload, want 6,400", got)
	}
}

// copyTree copies the files of from into to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// heldWorker holds the requests for the service worker's script while
// hold is in force, until its release.
type heldWorker struct {
	mu   sync.Mutex
	gate chan struct{}
}

func (h *heldWorker) hold() (release func()) {
	gate := make(chan struct{})
	h.mu.Lock()
	h.gate = gate
	h.mu.Unlock()
	return func() {
		h.mu.Lock()
		h.gate = nil
		h.mu.Unlock()
		close(gate)
	}
}

func (h *heldWorker) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		gate := h.gate
		h.mu.Unlock()
		if gate != nil && strings.HasSuffix(r.URL.Path, "/app-worker.js") {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
