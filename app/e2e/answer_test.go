//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestForecastReachable: a forecast leads with what the binding constraint
// allows, and labels the traffic's own figures as the traffic's.
func TestForecastReachable(t *testing.T) {
	needBrowser(t)
	for _, tc := range []struct {
		link                string
		customers, revenue  float64
		traffic, bottleneck string
	}{
		// 3 reps x 8 x 48 = 1,152 MQLs -> 144 customers; the traffic's 7,500.
		{"/?lang=en&mode=forecast", 144, 144000, "traffic", "sales"},
		{"/?lang=es&mode=forecast", 144, 144000, "tráfico", "sales"},
		// 200 visits a month: 75 customers, under the team's 144.
		{"/?lang=en&mode=forecast&visits=200", 75, 75000, "traffic", "traffic"},
	} {
		ctx := open(t, tc.link)
		waitReady(t, ctx)
		assertNumber(t, ctx, "reachable-customers", tc.customers)
		assertNumber(t, ctx, "reachable-revenue", tc.revenue)
		if got := eval[string](t, ctx, `document.querySelector('[data-testid=bottleneck]').dataset.value`); got != tc.bottleneck {
			t.Errorf("%s: bottleneck %q, want %q", tc.link, got, tc.bottleneck)
		}
		label := eval[string](t, ctx, `document.querySelector('[data-testid=forecast-customers]').closest('.figure').querySelector('dt').textContent`)
		if !strings.Contains(strings.ToLower(label), tc.traffic) {
			t.Errorf("%s: the traffic's customers are labelled %q, not as the traffic's", tc.link, label)
		}
		// What is reachable comes first.
		if !eval[bool](t, ctx, `(document.querySelector('[data-testid=reachable-customers]').compareDocumentPosition(
				document.querySelector('[data-testid=forecast-customers]')) & Node.DOCUMENT_POSITION_FOLLOWING) > 0`) {
			t.Errorf("%s: the traffic's figure comes before what is reachable", tc.link)
		}
	}
}

// TestHeadline: the key figures (MQLs a week, reps needed, visitors a
// month) head the page on every width, in view at first.
func TestHeadline(t *testing.T) {
	needBrowser(t)
	for _, width := range []int64{1280, 360} {
		for _, lang := range []string{"en", "es"} {
			ctx := newTab(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
				t.Fatal(err)
			}
			navigate(t, ctx, "/?lang="+lang)
			waitReady(t, ctx)
			assertNumber(t, ctx, "headline-mqls", 16.7)
			assertNumber(t, ctx, "headline-reps", 3)
			assertNumber(t, ctx, "headline-visitors", 266.7)
			box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('[data-testid=headline]').getBoundingClientRect(); return [r.top, r.bottom, r.width]; })()`)
			if box[2] == 0 || box[1] > 800 {
				t.Errorf("%s at %d px: the headline is not in view at first (top %.0f, bottom %.0f, width %.0f)", lang, width, box[0], box[1], box[2])
			}
			// The SLA's figures are bold.
			if n := eval[int](t, ctx, `document.querySelectorAll('[data-testid=sla-marketing] strong, [data-testid=sla-sales] strong').length`); n < 4 {
				t.Errorf("%s at %d px: %d bold figures in the SLA, want its figures bold", lang, width, n)
			}
			if why := text(t, ctx, "reps-why"); !strings.Contains(why, "3") || !strings.Contains(why, "2") {
				t.Errorf("%s: the reps' reason does not say 3 and 2: %q", lang, why)
			}
		}
	}
}
