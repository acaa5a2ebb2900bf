//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// startProbe records, from the first byte of the page, the loading label's
// percentages and the visitors count each time the DOM changes.
const startProbe = `(() => {
	const s = window.__start = {progress: [], visitors: []};
	new MutationObserver(() => {
		const l = document.getElementById('app-wasm-loader-label');
		const p = l && parseInt(l.textContent, 10);
		if (l && !isNaN(p) && s.progress[s.progress.length - 1] !== p) s.progress.push(p);
		const v = document.querySelector('[data-testid=count-visitors]');
		const t = v && v.textContent;
		if (t && s.visitors[s.visitors.length - 1] !== t) s.visitors.push(t);
	}).observe(document, {subtree: true, childList: true, characterData: true});
})();`

// TestStartProgressAndTakeover loads the app cold: the loading badge
// counts up to 100 % (decoded bytes against the raw size of app.wasm,
// served brotli-compressed), and the wasm takes over the pre-rendered
// numbers without ever showing other ones.
func TestStartProgressAndTakeover(t *testing.T) {
	ctx := newTab(t)
	addProbe(t, ctx, startProbe)
	navigate(t, ctx, "/?r1=25")
	waitReady(t, ctx)

	raw, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `String(goappWasmContentLength)`); got != strconv.FormatInt(raw.Size(), 10) {
		t.Errorf("the progress counts against %s bytes, app.wasm is %d", got, raw.Size())
	}
	type seen struct {
		Progress []int    `json:"progress"`
		Visitors []string `json:"visitors"`
	}
	s := eval[seen](t, ctx, `window.__start`)
	if len(s.Progress) == 0 || s.Progress[len(s.Progress)-1] != 100 {
		t.Errorf("loading progress %v: want it to end at 100", s.Progress)
	}
	for i := 1; i < len(s.Progress); i++ {
		if s.Progress[i] < s.Progress[i-1] || s.Progress[i] > 100 {
			t.Errorf("loading progress %v: want it to rise to 100", s.Progress)
			break
		}
	}
	if len(s.Visitors) != 1 || s.Visitors[0] != "6,400" {
		t.Errorf("visitors shown during the start: %q, want only the link's 6,400", s.Visitors)
	}
	// Every part is live: the inputs answer.
	setSlider(t, ctx, "input-r1", "50")
	waitNumber(t, ctx, "count-visitors", 3200)
}

// TestInputDuringTakeover changes the language on the pre-rendered header
// the moment the wasm has rendered, before that part is alive: the change
// is not lost.
func TestInputDuringTakeover(t *testing.T) {
	ctx := newTab(t)
	addProbe(t, ctx, `(() => {
		const mo = new MutationObserver(() => {
			const sel = document.querySelector('[data-prerendered] [data-testid=select-lang]');
			if (!sel) return;
			mo.disconnect();
			window.__early = true;
			sel.value = 'es';
			sel.dispatchEvent(new Event('change', {bubbles: true}));
		});
		mo.observe(document, {subtree: true, childList: true});
	})();`)
	navigate(t, ctx, "/?lang=en")
	waitReady(t, ctx)
	if !eval[bool](t, ctx, `window.__early === true`) {
		t.Fatal("the probe never saw a part shown as pre-rendered HTML")
	}
	waitJS(t, ctx, `document.documentElement.lang === 'es' && document.querySelector('[data-testid=select-lang]').value === 'es'`,
		waitTimeout, "the page in Spanish after choosing it during the takeover")
	if eval[int](t, ctx, `document.querySelectorAll('[data-prerendered]').length`) != 0 {
		t.Error("parts still shown as pre-rendered HTML after the takeover")
	}
}
