//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// boxValue is the value of the control with testid.
func boxValue(t testing.TB, ctx context.Context, testid string) string {
	t.Helper()
	return eval[string](t, ctx, `document.querySelector(`+jsString(byTestID(testid))+`).value`)
}

// waitNotice waits for a notice holding want and checks that no notice
// ends with nothing said.
func waitNotice(t testing.TB, ctx context.Context, want string) {
	t.Helper()
	waitJS(t, ctx, `[...document.querySelectorAll('[data-testid=notice]')].some(n => n.textContent.includes(`+jsString(want)+`))`,
		waitTimeout, "a notice with "+want)
	for _, n := range texts(t, ctx, "notice") {
		if s := strings.TrimSpace(n); strings.HasSuffix(s, ": .") || strings.HasSuffix(s, ":") || strings.Contains(s, "%!") {
			t.Errorf("a notice with nothing said: %q", s)
		}
	}
}

// TestHostileLinks: every link value not applied is named by a notice
// (malformed encoding and ";" included), and the valid ones apply.
func TestHostileLinks(t *testing.T) {
	ctx := newTab(t)
	tests := []struct {
		name, link string
		notices    []string
		boxes      map[string]string // testid: value applied
	}{
		{"malformed value", "goal=%zz&r1=25", []string{"“goal”"}, map[string]string{"field-r1": "25"}},
		{"half an escape", "r2=5%&r1=25", []string{"“r2”", "percent-encoding"}, map[string]string{"field-r1": "25"}},
		{"malformed key", "go%zzal=5&r1=25", []string{"“go%zzal”"}, map[string]string{"field-r1": "25"}},
		{"semicolon", "r1=25;weeks=40&r2=30", []string{"“r1”", "“weeks”", "“&”"}, map[string]string{"field-r2": "30"}},
		{"script", "weeks=%3Cscript%3E&r1=25", []string{"“weeks”"}, map[string]string{"field-r1": "25"}},
		{"revenue past the limit", "mode=forecast&ticket=1000000000000&visits=1000000000000&r1=25", []string{"revenue would pass"},
			map[string]string{"field-r1": "25"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			navigate(t, ctx, "/?lang=en&"+tt.link)
			waitReady(t, ctx)
			for _, n := range tt.notices {
				waitNotice(t, ctx, n)
			}
			for id, want := range tt.boxes {
				if got := boxValue(t, ctx, id); got != want {
					t.Errorf("%s = %q, want %q (valid parameters apply)", id, got, want)
				}
			}
		})
	}
}

// TestHostileStorage: every stored value the app cannot read gets its
// notice, and the scenario list's status tells what was left out.
func TestHostileStorage(t *testing.T) {
	var sixty []map[string]string
	for i := range 60 {
		sixty = append(sixty, map[string]string{"name": fmt.Sprintf("S%d", i), "query": "r1=25"})
	}
	list, _ := json.Marshal(sixty)
	tests := []struct {
		name, key, value string // value: a JavaScript expression
		path             string
		notice, status   string
		items            int
	}{
		{"2 MB last scenario", "embudo.last", `'a'.repeat(2 * 1024 * 1024)`, "/", "could not be read", "", -1},
		{"lone surrogate in the last scenario", "embudo.last", `'r1=25&\uD800=1'`, "/", "could not be read", "", -1},
		{"lone surrogate in a value", "embudo.last", `'r1=25&cur=\uDC00'`, "/", "could not be read", "", -1},
		{"sixty saved scenarios", "embudo.scenarios", jsString(string(list)), "/?lang=en", "", "10 more", 50},
		{"a name with a lone surrogate", "embudo.scenarios",
			`'[{"name":"A\uD800","query":"r1=25"},{"name":"B","query":"r1=25"}]'`, "/?lang=en", "", "1 saved", 1},
		{"2 MB of garbage for a list", "embudo.scenarios", `'x'.repeat(2 * 1024 * 1024)`, "/?lang=en", "", "starts empty", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := newTab(t)
			addProbe(t, ctx, `try { localStorage.setItem(`+jsString(tt.key)+`, `+tt.value+`); } catch (e) {}`)
			navigate(t, ctx, tt.path)
			waitReady(t, ctx)
			if tt.notice != "" {
				waitNotice(t, ctx, tt.notice)
				if got := boxValue(t, ctx, "field-r1"); got == "25" {
					t.Errorf("an unreadable stored scenario applied r1=25")
				}
			}
			if tt.status != "" {
				waitJS(t, ctx, `document.querySelector('[data-testid=scenario-status]').textContent.includes(`+jsString(tt.status)+`)`,
					waitTimeout, "the list's status: "+tt.status)
				if tt.items > 0 && strings.Contains(text(t, ctx, "scenario-status"), "starts empty") {
					t.Errorf("the list shows %d but says it starts empty", tt.items)
				}
			}
			if tt.items >= 0 {
				if got := eval[int](t, ctx, `document.querySelectorAll('[data-testid=scenario-item]').length`); got != tt.items {
					t.Errorf("%d saved scenarios listed, want %d", got, tt.items)
				}
			}
		})
	}
}

// TestHostileClipboard: with the clipboard refusing (a rejected promise,
// a throw, permission denied), each copy button says so and shows the
// text selected in a box; a throw takes nothing down.
func TestHostileClipboard(t *testing.T) {
	tests := []struct {
		name, probe string
		deny        bool
	}{
		{"rejects", `navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));`, false},
		{"throws", `navigator.clipboard.writeText = () => { throw new Error('clipboard exploded'); };`, false},
		{"permission denied", ``, true},
	}
	selected := func(id string) string {
		return `(() => { const el = document.getElementById(` + jsString(id) + `);
			return !!el && document.activeElement === el && el.value.length > 0 &&
				el.selectionStart === 0 && el.selectionEnd === el.value.length; })()`
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := newTab(t)
			allowConsoleErrors(ctx) // the refusals are logged
			if tt.probe != "" {
				addProbe(t, ctx, tt.probe)
			}
			if tt.deny {
				if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
					Permission:       &browser.PermissionDescriptor{Name: "clipboard-write"},
					Setting:          browser.PermissionSettingDenied,
					Origin:           baseURL,
					BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
				}); err != nil {
					t.Fatalf("denying clipboard-write: %v", err)
				}
			}
			navigate(t, ctx, "/?lang=en&r1=25")
			waitReady(t, ctx)

			click(t, ctx, "copy-link", "")
			waitJS(t, ctx, selected("share-manual"), waitTimeout, "the link selected in a box")
			if s := text(t, ctx, "share-status"); !strings.Contains(s, "blocked") {
				t.Errorf("share status %q does not say the clipboard refused", s)
			}
			if v := boxValue(t, ctx, "share-manual"); !strings.Contains(v, "r1=25") {
				t.Errorf("the box holds %q, not the link", v)
			}
			click(t, ctx, "copy-embed", "")
			waitJS(t, ctx, selected("embed-code"), waitTimeout, "the embed code selected")

			click(t, ctx, "export-copy", "")
			waitJS(t, ctx, selected("export-text"), waitTimeout, "the SLA selected in a box")

			typeInto(t, ctx, "scenario-name", "Mine")
			click(t, ctx, "scenario-save", "")
			waitJS(t, ctx, `!!document.querySelector('[data-testid=scenario-copy][data-name=Mine]')`, waitTimeout, "the saved scenario")
			click(t, ctx, "scenario-copy", "Mine")
			waitJS(t, ctx, selected("scenario-manual"), waitTimeout, "the scenario's link selected in a box")

			for _, e := range consoleErrors(ctx) {
				if strings.Contains(e, "panic") {
					t.Errorf("a panic: %s", abbrev(e, 300))
				}
			}
			// Still alive: a slider moves the numbers and the link.
			setSlider(t, ctx, "field-r1", "50")
			waitParamIs(t, ctx, "r1", "50")
			if n := eval[int](t, ctx, `document.querySelectorAll('[data-testid=notice]').length`); n != 0 {
				t.Errorf("%d notices after refusals that were handled: %v", n, texts(t, ctx, "notice"))
			}
		})
	}
}
