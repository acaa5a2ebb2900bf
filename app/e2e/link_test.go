//go:build !wasm

package e2e

import (
	"context"
	"testing"
)

// screenState is every test hook's text and every control's value on the
// page: what a link must reproduce.
func screenState(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	return eval[map[string]string](t, ctx, `(() => {
		const out = {};
		document.querySelectorAll('main [data-testid]').forEach((el, i) => {
			const id = el.dataset.testid;
			if (id === 'share-status' || id === 'update-notice') return;
			const key = id + '#' + [...document.querySelectorAll('[data-testid="' + id + '"]')].indexOf(el);
			out[key] = ('value' in el && el.tagName !== 'LI' && el.tagName !== 'BUTTON') ? 'value=' + el.value : el.textContent.replace(/\s+/g, ' ').trim();
		});
		return out;
	})()`)
}

// TestLinkIsExact: everything the user set is in the link (the inputs,
// the sensitivity step, traffic ↔ leads' visitors and leads wanted), and
// the link opened in a fresh browser profile shows the same screen.
func TestLinkIsExact(t *testing.T) {
	needBrowser(t)
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	setSlider(t, ctx, "field-r1", "3")
	eval[bool](t, ctx, `(() => { const s = document.querySelector('[data-testid=sensitivity-step]'); s.value = '200'; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	typeInto(t, ctx, "leads-visitors", "5000")
	typeInto(t, ctx, "leads-wanted", "250")
	for name, want := range map[string]string{"r1": "3", "step": "2", "lvisits": "5000", "leads": "250"} {
		waitParamIs(t, ctx, name, want)
	}
	eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
	before := screenState(t, ctx)
	link := currentURL(t, ctx)

	fresh := newTab(t)
	navigate(t, fresh, link[len(baseURL):])
	waitReady(t, fresh)
	after := screenState(t, fresh)
	if len(before) < 50 {
		t.Fatalf("only %d test hooks on the page", len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %q on the first screen, %q from its link", k, v, after[k])
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s: only on the screen the link opens", k)
		}
	}
	t.Logf("%d hooks match; link %s", len(before), link)
}
