//go:build !wasm

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, installed by `make axe` (npm) into build/axe.
func axeSource(t *testing.T) string {
	t.Helper()
	root, err := findRepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "build", "axe", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("E2E") == "required" {
			t.Fatalf("axe-core missing (%v): run make axe", err)
		}
		t.Skipf("skipping accessibility audit: axe-core not installed (make axe)")
	}
	return string(b)
}

// TestAccessibility audits the page with axe-core (WCAG 2.1 A and AA, best
// practices, contrast included) in light and dark mode, both languages,
// both modes, the embed, and a 320 px wide phone; and checks nothing
// scrolls sideways.
func TestAccessibility(t *testing.T) {
	needBrowser(t)
	axe := axeSource(t)
	cases := []struct {
		name, path string
		width      int64
		dark       bool
	}{
		{"plan light 1280", "/", 1280, false},
		{"plan dark 1280", "/?lang=es&cur=MXN", 1280, true},
		{"forecast 360", "/?mode=forecast&lang=es", 360, false},
		{"forecast dark 360", "/?mode=forecast", 360, true},
		{"embed 320", "/?embed=1&r1=2.75", 320, false},
		{"embed dark 320", "/?embed=1&lang=es&cur=EUR", 320, true},
		{"notices 320", "/?goal=-5&r2=abc", 320, false},
		{"portuguese 320", "/?lang=pt&cur=BRL", 320, false},
		{"portuguese forecast dark 1280", "/?mode=forecast&lang=pt&cur=BRL", 1280, true},
		{"plan en dark 320", "/?lang=en", 320, true},
		{"plan es light 1280", "/?lang=es&cur=EUR", 1280, false},
		{"embed en 1280", "/?embed=1&lang=en", 1280, false},
		{"embed es dark 1280", "/?embed=1&lang=es&mode=forecast", 1280, true},
		{"embed en dark 320", "/?embed=1&lang=en&mode=forecast", 320, true},
		{"stale 320", "/?lang=es", 320, false},
		{"solve and counts 320", "/?lang=en&mode=forecast&solve=r1&goal=200000&past=52000,1480,610,240,95,31&months=6", 320, false},
		{"solve and counts es dark 1280", "/?lang=es&mode=forecast&solve=ticket&past=100,120,0,0,3,1", 1280, true},
		{"solve met dark 320", "/?lang=en&mode=forecast&solve=reps&past=52000,1480,610,240,95,31", 320, true},
		{"solve feasible 1280", "/?lang=pt&mode=forecast&solve=cap&goal=200000&reps=30&cap=1", 1280, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newTab(t)
			scheme := "light"
			if tc.dark {
				scheme = "dark"
			}
			if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: tc.width, Height: 900, DeviceScaleFactor: 1, Mobile: tc.width < 500,
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			navigate(t, ctx, tc.path)
			waitReady(t, ctx)
			// What is folded is audited too (an embed's inputs and results).
			eval[bool](t, ctx, `(document.querySelectorAll('main details').forEach(d => d.open = true), true)`)
			if strings.HasPrefix(tc.name, "stale") {
				setSlider(t, ctx, "field-r1", "150")
				waitJS(t, ctx, `!!document.querySelector('[data-testid=stale]')`, waitTimeout, "the stale note")
			}

			if wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > document.documentElement.clientWidth`); wide {
				t.Errorf("%s scrolls sideways at %d px", tc.path, tc.width)
			}

			script := axe + `;axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
				.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + " " + (n.failureSummary || "")).slice(0, 5)}))))`
			raw := eval[string](t, ctx, script)
			var violations []struct {
				ID, Help string
				Nodes    []string
			}
			if err := json.Unmarshal([]byte(raw), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("%s: %s (%s):\n  %s", tc.path, v.ID, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		})
	}
}
