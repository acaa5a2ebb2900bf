//go:build !wasm

package e2e

import (
	"strings"
	"testing"
)

// TestPrerenderMatchesBrowser checks that the server's pre-rendered text
// (Go's locale table) is what the browser shows once the wasm formats with
// Intl.NumberFormat, for every locale the app picks: no number changes
// under the reader's eyes when the wasm starts.
func TestPrerenderMatchesBrowser(t *testing.T) {
	needBrowser(t)
	ids := []string{"count-visitors", "count-leads", "week-mqls", "fte", "reps", "goal-line", "sla-marketing", "sla-sales", "sla-rounding"}
	forecastIDs := []string{"forecast-customers", "forecast-revenue", "capacity-revenue"}
	links := []string{
		"/?lang=en&cur=USD&goal=1234567.5&r1=2.75",
		"/?lang=en&cur=COP",
		"/?lang=es&cur=MXN&goal=250000",
		"/?lang=es&cur=COP&r1=3",
		"/?lang=es&cur=ARS&ticket=1234.5",
		"/?lang=es&cur=CLP&r1=1.5",
		"/?lang=es&cur=PEN",
		"/?lang=es&cur=EUR&r1=2&goal=1000000",
		"/?lang=es&cur=USD",
		"/?lang=es&cur=BRL",
		"/?lang=en&cur=COP&goal=123456.78&ticket=987.65",
		"/?lang=es&cur=CLP&ticket=987.65",
		"/?lang=pt&cur=BRL&goal=1234567.5&r1=2.75",
		"/?lang=pt&cur=USD&ticket=987.65",
		"/?lang=pt&cur=EUR",
		// Money past 2^53 cents: a float64 would round the cents.
		"/?mode=forecast&visits=3456789013&ticket=17000.01&reps=100000&cap=1000&weeks=53&r1=99.99&r2=100&r3=100&r4=100&r5=100&goal=10000000000000&lang=en",
	}
	ctx := newTab(t)
	for _, link := range links {
		body := fetch(t, link)
		navigate(t, ctx, link)
		waitReady(t, ctx)
		shown := ids
		if strings.Contains(link, "mode=forecast") {
			shown = forecastIDs
		}
		for _, id := range shown {
			server, ok := htmlText(body, id)
			if !ok {
				t.Errorf("%s: no %s in the server HTML", link, id)
				continue
			}
			if browser := text(t, ctx, id); browser != server {
				t.Errorf("%s: %s differs:\n server  %q\n browser %q", link, id, server, browser)
			}
		}
	}
	assertNoConsoleErrors(t, ctx)
}
