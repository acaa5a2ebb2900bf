//go:build !wasm

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// typeInto selects the text of the box testid and types keys over it, key
// by key, as a user does (each key an input event).
func typeInto(t *testing.T, ctx context.Context, testid, keys string) {
	t.Helper()
	sel := byTestID(testid)
	eval[bool](t, ctx, `(() => { const el = document.querySelector(`+jsString(sel)+`); el.focus(); el.select(); return true; })()`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(sel, keys)); err != nil {
		t.Fatalf("typing %q into [data-testid=%s]: %v", keys, testid, err)
	}
}

// TestTypedInput: the boxes take what people type and paste, in the
// user's language: grouping, a currency sign, k/M (mil/M in Spanish), %,
// a decimal comma in Spanish; the results and the link follow.
func TestTypedInput(t *testing.T) {
	needBrowser(t)
	for _, tc := range []struct {
		lang, field, keys, param, want string
		testid                         string // a result that follows
		value                          float64
	}{
		{"en", "goal", "250k", "goal", "250000", "count-customers", 250},
		{"en", "goal", "$250,000", "goal", "250000", "count-customers", 250},
		{"en", "ticket", "2.5K", "ticket", "2500", "count-customers", 40},
		{"es", "goal", "1,5M", "goal", "1500000", "count-customers", 1500},
		{"es", "goal", "2 mil", "goal", "2000", "count-customers", 2},
		{"es", "r1", "2,5 %", "r1", "2.5", "count-visitors", 64000},
		{"pt", "goal", "R$ 1.234.000", "goal", "1234000", "count-customers", 1234},
	} {
		t.Run(tc.lang+" "+tc.field+" "+tc.keys, func(t *testing.T) {
			ctx := open(t, "/?lang="+tc.lang+"&cur=USD")
			waitReady(t, ctx)
			typeInto(t, ctx, "field-"+tc.field, tc.keys)
			if err := pollJS(ctx, `new URLSearchParams(location.search).get(`+jsString(tc.param)+`) === `+jsString(tc.want), waitTimeout); err != nil {
				t.Fatalf("typed %q: the box holds %q, the link %s=%q, notices %q", tc.keys,
					eval[string](t, ctx, `document.querySelector('[data-testid=field-`+tc.field+`]').value`), tc.param,
					eval[string](t, ctx, `new URLSearchParams(location.search).get(`+jsString(tc.param)+`)`), texts(t, ctx, "notice"))
			}
			waitNumber(t, ctx, tc.testid, tc.value)
			if n := eval[int](t, ctx, `document.querySelectorAll('[data-testid=stale]').length`); n != 0 {
				t.Errorf("the results are marked stale after a valid %q", tc.keys)
			}
			// Leaving the box shows the value in force, grouped.
			eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
			waitJS(t, ctx, `document.querySelector('[data-testid=field-`+tc.field+`]').value !== `+jsString(tc.keys), waitTimeout, "the box's canonical text")
			t.Logf("%s: %q → %s=%s, the box shows %q", tc.lang, tc.keys, tc.param, tc.want,
				eval[string](t, ctx, `document.querySelector('[data-testid=field-`+tc.field+`]').value`))
		})
	}
}

// TestInvalidInputIsStale: while a box holds an invalid value, the results
// and the link keep the last valid one and say so, naming the field; on
// leaving the box it shows that value again.
func TestInvalidInputIsStale(t *testing.T) {
	needBrowser(t)
	for _, tc := range []struct{ lang, field, text, param, kept string }{
		{"en", "r1", "150", "r1", "50"},
		{"en", "goal", "12abc", "goal", "100000"},
		{"es", "ticket", "0", "ticket", "1000"},
	} {
		t.Run(tc.lang+" "+tc.field+" "+tc.text, func(t *testing.T) {
			ctx := open(t, "/?lang="+tc.lang)
			waitReady(t, ctx)
			before := text(t, ctx, "count-visitors")
			setSlider(t, ctx, "field-"+tc.field, tc.text) // pasted whole: one input event
			waitJS(t, ctx, `!!document.querySelector('[data-testid=stale][data-fields~=`+tc.field+`]')`, waitTimeout,
				"the stale note naming "+tc.field)
			if got := text(t, ctx, "count-visitors"); got != before {
				t.Errorf("the results moved from %q to %q on an invalid %q", before, got, tc.text)
			}
			if got, _ := queryParam(t, ctx, tc.param); got != tc.kept {
				t.Errorf("the link's %s = %q, want the last valid %q", tc.param, got, tc.kept)
			}
			if !eval[bool](t, ctx, `document.querySelector('main .results').classList.contains('stale')`) {
				t.Error("the results are not marked stale")
			}
			eval[bool](t, ctx, `(document.querySelector('[data-testid=field-`+tc.field+`]').dispatchEvent(new Event('change', {bubbles: true})), document.activeElement.blur(), true)`)
			waitJS(t, ctx, `!document.querySelector('[data-testid=stale]')`, waitTimeout, "the stale note to go on leaving the box")
			box := eval[string](t, ctx, `document.querySelector('[data-testid=field-`+tc.field+`]').value`)
			if got, err := parseNum(box); err != nil || box == tc.text {
				t.Errorf("after leaving the box it shows %q, want the last valid value (%s)", box, tc.kept)
			} else {
				t.Logf("after leaving: %q (%v)", box, got)
			}
		})
	}
}
