//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	apptext "embudo.app/app/text"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// appManifest is what a manifest says about the app.
type appManifest struct {
	Name        string `json:"name"`
	ShortName   string `json:"short_name"`
	Description string `json:"description"`
	Lang        string `json:"lang"`
}

// browserManifest is the manifest the browser itself loaded for the page
// (what it shows when it offers to install the app), and its URL.
func browserManifest(t testing.TB, ctx context.Context) (string, appManifest) {
	t.Helper()
	res, err := chromedp.Call(ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatalf("Page.getAppManifest: %v", err)
	}
	for _, e := range res.Errors {
		t.Errorf("the browser reports a manifest error: %s (line %d)", e.Message, e.Line)
	}
	var m appManifest
	if err := json.Unmarshal([]byte(res.Data), &m); err != nil {
		t.Fatalf("the browser's manifest for the page (url %q) is no JSON: %v\n%s", res.URL, err, res.Data)
	}
	if res.Manifest == nil || res.Manifest.Name != m.Name {
		t.Errorf("the browser did not take the manifest's name %q", m.Name)
	}
	return res.URL, m
}

// checkManifestLang checks the manifest the browser loaded is lang's, at
// the URL the page links.
func checkManifestLang(t *testing.T, ctx context.Context, lang, wantPath string) {
	t.Helper()
	href := eval[string](t, ctx, `document.querySelector('link[rel="manifest"]').href`)
	if !strings.HasSuffix(href, wantPath) {
		t.Errorf("the page links the manifest %s, want …%s", href, wantPath)
	}
	// The browser follows a link that the page changes: wait for it.
	var url string
	var m appManifest
	for range 40 {
		url, m = browserManifest(t, ctx)
		if url == href {
			break
		}
		eval[bool](t, ctx, `new Promise((r) => setTimeout(() => r(true), 50))`)
	}
	if url != href {
		t.Errorf("the browser loaded the manifest %s, the page links %s", url, href)
	}
	words := apptext.For(lang)
	for _, f := range []struct{ what, got, want string }{
		{"name", m.Name, words.PageTitle},
		{"short_name", m.ShortName, words.AppShortName},
		{"description", m.Description, words.AppDescription},
		{"lang", m.Lang, lang},
	} {
		if f.got != f.want {
			t.Errorf("manifest %s: %q, want %q (%s)", f.what, f.got, f.want, lang)
		}
	}
	ctype := eval[string](t, ctx, `fetch(document.querySelector('link[rel="manifest"]').href).then((r) => r.headers.get('content-type') || '')`)
	t.Logf("%s: %q, %s", url, m.Name, ctype)
}

// TestManifestSpanish opens the page in Spanish: the manifest it links,
// before and after the wasm takes the page over, is the Spanish one, as
// the browser loads it; switching the language switches the manifest.
func TestManifestSpanish(t *testing.T) {
	ctx := newTab(t)
	blockWasm(t, ctx) // the server's page alone
	navigate(t, ctx, "/?lang=es")
	checkManifestLang(t, ctx, "es", "/manifest-es.webmanifest")
	allowConsoleErrors(ctx) // the blocked wasm

	ctx = open(t, "/?lang=es")
	waitReady(t, ctx)
	checkManifestLang(t, ctx, "es", "/manifest-es.webmanifest")

	// The reader switches to Portuguese, then to English.
	for _, l := range []struct{ lang, path string }{
		{"pt", "/manifest-pt.webmanifest"},
		{"en", "/manifest.webmanifest"},
	} {
		eval[bool](t, ctx, `(() => { const sel = document.querySelector('[data-testid=select-lang]');
			sel.value = `+jsString(l.lang)+`;
			return sel.dispatchEvent(new Event('change', {bubbles: true})); })()`)
		waitJS(t, ctx, `document.documentElement.lang === `+jsString(l.lang), waitTimeout, "the page in "+l.lang)
		checkManifestLang(t, ctx, l.lang, l.path)
	}
}

// TestManifestStaticSite: a static host serves one page for every link,
// pre-rendered in the fallback language; the wasm links the manifest of
// the link's language, which the export wrote as a file of its own.
func TestManifestStaticSite(t *testing.T) {
	needBrowser(t)
	site := filepath.Join(t.TempDir(), "site")
	generateStaticSite(t, site, staticPrefix)
	base := serveStaticSite(t, site, staticPrefix)

	ctx := newTab(t)
	bad := recordHTTPErrors(t, ctx)
	navigate(t, ctx, base+staticPrefix+"/?lang=pt")
	waitReady(t, ctx)
	checkManifestLang(t, ctx, "pt", staticPrefix+"/manifest-pt.webmanifest")
	navigate(t, ctx, base+staticPrefix+"/")
	waitReady(t, ctx)
	// A bare link reopens the last scenario, in Portuguese.
	checkManifestLang(t, ctx, "pt", staticPrefix+"/manifest-pt.webmanifest")
	assertNoHTTPErrors(t, bad)
}

// offerInstall dispatches what a browser dispatches when it offers to
// install the app: a beforeinstallprompt event, whose prompt() counts the
// prompts shown (window.installPrompts).
const offerInstall = `(() => {
	window.installPrompts = window.installPrompts || 0;
	const e = new Event('beforeinstallprompt', {cancelable: true});
	e.prompt = () => { window.installPrompts++; return Promise.resolve(); };
	e.userChoice = Promise.resolve({outcome: 'dismissed', platform: ''});
	window.dispatchEvent(e);
	return e.defaultPrevented;
})()`

// pageParts remembers the nodes of the page's parts and of the toolbar,
// to check later that none was replaced or moved.
const pageParts = `(() => {
	window.partsBefore = [...document.querySelectorAll('#embudo > *, #embudo .toolbar > *')];
	return window.partsBefore.length;
})()`

const partsKept = `(() => {
	const now = [...document.querySelectorAll('#embudo > *, #embudo .toolbar > *')];
	return now.length === window.partsBefore.length && now.every((n, i) => n === window.partsBefore[i]);
})()`

// TestInstallButton: the header's toolbar offers to install the app only
// while the browser does (go-app's app.js keeps its beforeinstallprompt
// event), in the page's language; the button shows the browser's prompt
// once and goes; it goes too once the app is installed; the page's parts
// stay the same nodes all along.
func TestInstallButton(t *testing.T) {
	ctx := open(t, "/?lang=es")
	waitReady(t, ctx)
	install := byTestID("install")
	if eval[bool](t, ctx, `!!document.querySelector(`+jsString(install)+`)`) {
		t.Fatal("an install button while the browser offers no install")
	}
	if !eval[bool](t, ctx, `(() => { const s = document.querySelector('.toolbar > .install-slot');
		return !!s && s === s.parentNode.lastElementChild && s.childNodes.length === 0 && getComputedStyle(s).display === 'none'; })()`) {
		t.Error("the toolbar does not end with an empty, hidden install slot")
	}
	n := eval[int](t, ctx, pageParts)
	keybarTop := eval[float64](t, ctx, `document.querySelector('.keybar').getBoundingClientRect().top`)

	if !eval[bool](t, ctx, offerInstall) {
		t.Error("go-app's app.js did not keep the beforeinstallprompt event (preventDefault)")
	}
	waitJS(t, ctx, `!!document.querySelector(`+jsString(install)+`)`, waitTimeout, "the install button")
	words := apptext.For("es")
	if got := text(t, ctx, "install"); got != words.Install {
		t.Errorf("install button %q, want %q", got, words.Install)
	}
	if got := eval[string](t, ctx, `document.querySelector(`+jsString(install)+`).title`); got != words.InstallHint {
		t.Errorf("install button title %q, want %q", got, words.InstallHint)
	}
	if !eval[bool](t, ctx, partsKept) {
		t.Errorf("the install button replaced or moved the page's parts (%d before)", n)
	}
	if d := eval[float64](t, ctx, `document.querySelector('.keybar').getBoundingClientRect().top`) - keybarTop; d != 0 {
		t.Errorf("the key figures moved by %.0f px when the button came", d)
	}
	checkInstallLayout(t, ctx)

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(install))); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, `!document.querySelector(`+jsString(install)+`)`, waitTimeout, "the button to go after the prompt")
	if got := eval[int](t, ctx, `window.installPrompts`); got != 1 {
		t.Errorf("the browser's prompt shown %d times, want once", got)
	}

	// The browser offers again; then the reader installs the app.
	eval[bool](t, ctx, offerInstall)
	waitJS(t, ctx, `!!document.querySelector(`+jsString(install)+`)`, waitTimeout, "the button for the second offer")
	eval[bool](t, ctx, `window.dispatchEvent(new Event('appinstalled'))`)
	waitJS(t, ctx, `!document.querySelector(`+jsString(install)+`)`, waitTimeout, "the button to go once installed")
	if !eval[bool](t, ctx, partsKept) {
		t.Error("the install button replaced or moved the page's parts")
	}
	if got := eval[int](t, ctx, `window.installPrompts`); got != 1 {
		t.Errorf("the browser's prompt shown %d times, want once", got)
	}
}

// TestInstallOfferedBeforeWasm: the browser offers to install before the
// wasm runs (go-app's app.js keeps the event and tells the wasm when it
// starts): the button shows once the page is live, in the taken-over
// header.
func TestInstallOfferedBeforeWasm(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		button     bool
	}{
		{"page", "/?lang=pt", true},
		{"embed", "/?lang=pt&embed=1", false}, // an embed offers no install
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := newTab(t)
			addProbe(t, ctx, `addEventListener('DOMContentLoaded', () => { window.offeredBeforeWasm = `+offerInstall+`; });`)
			navigate(t, ctx, tt.path)
			waitReady(t, ctx)
			if !eval[bool](t, ctx, `window.offeredBeforeWasm === true && window.goappAppInstallChangedBeforeWasmLoaded === true`) {
				t.Fatal("the offer did not come before the wasm started")
			}
			has := fmt.Sprintf(`!!document.querySelector(%s)`, jsString(byTestID("install")))
			if tt.button {
				waitJS(t, ctx, has, waitTimeout, "the install button")
				if got := text(t, ctx, "install"); got != apptext.For("pt").Install {
					t.Errorf("install button %q, want %q", got, apptext.For("pt").Install)
				}
				return
			}
			if eval[bool](t, ctx, has) || eval[bool](t, ctx, `!!document.querySelector('.install-slot')`) {
				t.Error("an install slot in the embed")
			}
		})
	}
}

// installLayout reports, at the page's width, what the install button
// covers (text of the header, a control of the toolbar) and how far the
// key figures move when it goes.
const installLayout = `(() => {
	const slot = document.querySelector('.install-slot');
	const b = slot.querySelector('button').getBoundingClientRect();
	const rects = [];
	for (const el of document.querySelectorAll('.top h1, .top .tagline')) {
		const r = document.createRange();
		r.selectNodeContents(el);
		for (const line of r.getClientRects()) rects.push([el.className || el.tagName, line]);
	}
	for (const el of document.querySelectorAll('.toolbar > :not(.install-slot)')) {
		rects.push([el.className, el.getBoundingClientRect()]);
	}
	const covered = rects.filter(([, r]) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom)
		.map(([what]) => what);
	if (b.left < 0 || b.right > document.documentElement.clientWidth) covered.push('outside the page');
	const keybar = () => document.querySelector('.keybar').getBoundingClientRect().top;
	const withButton = keybar();
	slot.style.display = 'none';
	const without = keybar();
	slot.style.display = '';
	return JSON.stringify({covered, moved: withButton - without});
})()`

// checkInstallLayout checks at every width the page is made for that the
// install button covers nothing and moves nothing.
func checkInstallLayout(t *testing.T, ctx context.Context) {
	t.Helper()
	defer chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
	for _, w := range []int64{320, 360, 400, 560, 700, 900, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
			t.Fatal(err)
		}
		var got struct {
			Covered []string
			Moved   float64
		}
		if err := json.Unmarshal([]byte(eval[string](t, ctx, installLayout)), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Covered) > 0 {
			t.Errorf("%d px wide: the install button covers %q", w, got.Covered)
		}
		if got.Moved != 0 {
			t.Errorf("%d px wide: the install button moves the key figures by %.0f px", w, got.Moved)
		}
	}
}
