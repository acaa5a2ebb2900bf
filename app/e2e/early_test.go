//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// earlyActions does, at a given time after the navigation (or as soon as
// the page has its controls, if later), one of each kind of interaction:
// keys into the ticket box ("2", then "25"), a drag of the r3 slider to 40,
// a click on the Forecast switch, and a toggle of the qualification guide.
const earlyActions = `(() => {
	const at = %d;
	const act = () => {
		const box = document.querySelector('[data-testid=field-ticket]');
		const r3 = document.querySelector('[data-testid=input-r3]');
		const mode = document.querySelector('[data-testid=mode-forecast]');
		const guide = document.querySelector('[data-testid=qualification] > summary');
		if (!box || !r3 || !mode || !guide) { setTimeout(act, 5); return; }
		box.focus();
		for (const v of ['2', '25']) { box.value = v; box.dispatchEvent(new InputEvent('input', {bubbles: true, data: v.slice(-1), inputType: 'insertText'})); }
		for (const v of ['45', '42', '40']) { r3.value = v; r3.dispatchEvent(new Event('input', {bubbles: true})); }
		r3.dispatchEvent(new Event('change', {bubbles: true}));
		mode.click();
		guide.click();
		window.embudoEarlyAt = performance.now();
	};
	const wait = () => performance.now() >= at ? act() : setTimeout(wait, Math.max(0, at - performance.now()));
	wait();
})()`

// TestNothingLostAtStart: every key, drag, click and toggle made before
// the wasm is live is applied once it is, made at 100 ms steps from 0 to
// 3 s after the navigation.
func TestNothingLostAtStart(t *testing.T) {
	needBrowser(t)
	var lost []string
	for at := 0; at <= 3000; at += 100 {
		if os.Getenv("EARLY") != "" && at%700 != 0 {
			continue
		}
		ctx := newTab(t)
		addProbe(t, ctx, fmt.Sprintf(earlyActions, at))
		navigate(t, ctx, "/?lang=en")
		waitReady(t, ctx)
		waitJS(t, ctx, `window.embudoEarlyAt !== undefined`, waitTimeout, "the early actions")
		check := map[string]string{
			"key":    `new URLSearchParams(location.search).get('ticket') === '25' && document.querySelector('[data-testid=field-ticket]').value.replace(/\D/g, '') === '25'`,
			"drag":   `new URLSearchParams(location.search).get('r3') === '40'`,
			"click":  `new URLSearchParams(location.search).get('mode') === 'forecast' && !!document.querySelector('[data-testid=reachable-revenue]')`,
			"toggle": `document.querySelector('[data-testid=qualification]').open && !!document.querySelector('[data-testid=speed-to-lead]')`,
		}
		var kinds []string
		for _, kind := range []string{"key", "drag", "click", "toggle"} {
			if pollJS(ctx, check[kind], waitTimeout/2) != nil {
				kinds = append(kinds, kind)
			}
		}
		done := eval[float64](t, ctx, `window.embudoEarlyAt`)
		ready := eval[bool](t, ctx, `document.querySelector('[data-wasm=ready]') !== null`)
		if len(kinds) > 0 {
			lost = append(lost, fmt.Sprintf("at %d ms (done at %.0f ms, ready %v): %s lost; the link is %s", at, done, ready, strings.Join(kinds, ", "), eval[string](t, ctx, `location.search`)))
		}
	}
	if len(lost) > 0 {
		t.Errorf("%d of 31 starts lost interactions:\n%s", len(lost), strings.Join(lost, "\n"))
	}
}
