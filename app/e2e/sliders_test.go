//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSlidersShowTheLink checks every slider sits where the link puts it,
// also sliders created later (switching to forecast adds two), whatever
// order the wasm sets their attributes in.
func TestSlidersShowTheLink(t *testing.T) {
	ctx := open(t, "/?goal=123456789&ticket=250&r1=2.75&weeks=40&cap=30")
	waitReady(t, ctx)
	check := func(when string) {
		t.Helper()
		bad := eval[[]string](t, ctx, `[...document.querySelectorAll('input[type=range]')]
			// A rate slider moves in tenths: 2.75 sits at its nearest, 2.8.
			.filter(el => Math.abs(Number(el.value) - Number(el.dataset.pos)) > Number(el.step) / 2 + 1e-9)
			.map(el => el.dataset.testid + ": value " + el.value + ", position " + el.dataset.pos)`)
		for _, b := range bad {
			t.Errorf("%s: %s", when, b)
		}
	}
	check("on load")
	if got := eval[string](t, ctx, `document.querySelector('[data-testid=input-r1]').value`); got != "2.8" {
		t.Errorf("input-r1 value %q, want 2.8 (2.75 on a slider of tenths)", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(byTestID("mode-forecast")))); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `!!document.querySelector('[data-testid=input-visits]')`, readyTimeout, "the forecast sliders")
	setSlider(t, ctx, "input-visits", "790")
	waitJS(t, ctx, `new URL(location.href).searchParams.get('visits') === '891000'`, readyTimeout, "visits=891000 in the link (position 790 on the log scale)")
	check("after switching to forecast")
}
