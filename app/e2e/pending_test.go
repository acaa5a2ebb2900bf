//go:build !wasm

package e2e

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStaticLinkBeforeWasm opens links of a static site with the wasm
// blocked: the one pre-rendered page shows the example, so for a link that
// asks for other values its numbers are dimmed and marked busy until the
// wasm renders the link; a bare link's are not.
func TestStaticLinkBeforeWasm(t *testing.T) {
	needBrowser(t)
	site := filepath.Join(t.TempDir(), "site")
	generateStaticSite(t, site, staticPrefix)
	base := serveStaticSite(t, site, staticPrefix)

	ctx := newTab(t)
	blockWasm(t, ctx)
	for _, tc := range []struct {
		link    string
		pending bool
	}{
		{"/?r1=25", true},
		{"/?r1=50&lang=en", false}, // what the page shows anyway
		{"/", false},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+staticPrefix+tc.link)); err != nil {
			t.Fatal(err)
		}
		got := eval[bool](t, ctx, `(() => { const m = document.getElementById('embudo');
			return m.classList.contains('pending') && m.getAttribute('aria-busy') === 'true'; })()`)
		if got != tc.pending {
			t.Errorf("%s before the wasm: pending %v, want %v", tc.link, got, tc.pending)
		}
	}
}
