//go:build !wasm

package e2e

import (
	"testing"
)

// TestPrerenderMatchesBrowser checks that the server's pre-rendered text
// (Go's locale table) is what the browser shows once the wasm formats with
// Intl.NumberFormat, for every locale the app picks: no number changes
// under the reader's eyes when the wasm starts.
func TestPrerenderMatchesBrowser(t *testing.T) {
	needBrowser(t)
	ids := []string{"count-visitors", "count-leads", "week-mqls", "fte", "reps", "goal-line", "sla-marketing", "sla-sales", "sla-rounding"}
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
	}
	ctx := newTab(t)
	for _, link := range links {
		body := fetch(t, link)
		navigate(t, ctx, link)
		waitReady(t, ctx)
		for _, id := range ids {
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
