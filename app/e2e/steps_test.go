//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSliderSteps: a rate slider moves a tenth of a point and lands on
// round values (arrows 0.1 pp, PageUp/PageDown 1 pp); in a box ↑/↓ move
// one step and Shift+↑/↓ ten; a box still takes hundredths.
func TestSliderSteps(t *testing.T) {
	needBrowser(t)
	ctx := open(t, "/?lang=en")
	waitReady(t, ctx)
	if step := eval[string](t, ctx, `document.querySelector('[data-testid=input-r1]').step`); step != "0.1" {
		t.Errorf("the r1 slider's step is %q, want 0.1", step)
	}
	press := func(testid, key string, opts ...chromedp.KeyOption) {
		t.Helper()
		eval[bool](t, ctx, `(document.querySelector('[data-testid=`+testid+`]').focus(), true)`)
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key, opts...)); err != nil {
			t.Fatalf("pressing %q on %s: %v", key, testid, err)
		}
	}
	steps := []struct {
		testid, key string
		shift       bool
		want        string
	}{
		{"input-r1", kb.ArrowRight, false, "50.1"},
		{"input-r1", kb.PageUp, false, "51.1"},
		{"input-r1", kb.PageDown, false, "50.1"},
		{"input-r1", kb.ArrowLeft, false, "50"},
		{"field-r1", kb.ArrowUp, false, "50.1"},
		{"field-r1", kb.ArrowUp, true, "51.1"},
		{"field-r1", kb.ArrowDown, true, "50.1"},
		{"field-r1", kb.ArrowDown, false, "50"},
		{"field-weeks", kb.ArrowUp, false, "49"},
		{"field-weeks", kb.ArrowDown, true, "39"},
	}
	for _, s := range steps {
		var opts []chromedp.KeyOption
		if s.shift {
			opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
		}
		press(s.testid, s.key, opts...)
		param := s.testid[len("input-"):]
		if s.testid[:5] == "field" {
			param = s.testid[len("field-"):]
		}
		waitParamIs(t, ctx, param, s.want)
	}
	// The box still takes hundredths.
	typeInto(t, ctx, "field-r2", "2.75")
	waitParamIs(t, ctx, "r2", "2.75")
}
