package server

import (
	"compress/gzip"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"embudo.app/app/text"
	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mfWeb is the repo's web folder, seen from this package's directory.
const mfWeb = "../../web"

// mfServer is the app's real handler chain (go-app's handler inside
// newServer) over the repo's web folder. It skips without web/app.wasm.
func mfServer(t *testing.T) http.Handler {
	t.Helper()
	if _, err := os.Stat(filepath.Join(mfWeb, "app.wasm")); err != nil {
		skipOrFail(t, "web/app.wasm is missing: run make wasm")
	}
	h, err := newHandler(mfWeb, "")
	if err != nil {
		t.Fatalf("newHandler(%q, \"\"): %v", mfWeb, err)
	}
	srv, err := newServer(h, mfWeb)
	if err != nil {
		t.Fatalf("newServer: %v", err)
	}
	return srv
}

// mfGet serves one GET request with the given headers (name, value, …).
func mfGet(t *testing.T, srv http.Handler, target string, headers ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Result()
}

// mfBody reads a response body, undoing a gzip Content-Encoding.
func mfBody(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	switch resp.Header.Get("Content-Encoding") {
	case "gzip":
		gz, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		r = gz
	case "br":
		r = brotli.NewReader(resp.Body)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	return b
}

type mfIcon struct {
	Src     string `json:"src"`
	Type    string `json:"type"`
	Sizes   string `json:"sizes"`
	Purpose string `json:"purpose"`
}

type mfManifest struct {
	Name            string   `json:"name"`
	ShortName       string   `json:"short_name"`
	StartURL        string   `json:"start_url"`
	Scope           string   `json:"scope"`
	Display         string   `json:"display"`
	ThemeColor      string   `json:"theme_color"`
	BackgroundColor string   `json:"background_color"`
	Icons           []mfIcon `json:"icons"`
}

var mfColor = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// TestManifestInstallable checks what makes the PWA installable: the
// manifest's fields and icons (192, 512 and a maskable one), each icon a
// real PNG of exactly its stated size.
func TestManifestInstallable(t *testing.T) {
	srv := mfServer(t)
	resp := mfGet(t, srv, "/manifest.webmanifest", "Accept-Encoding", "gzip")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /manifest.webmanifest: %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "manifest+json") && !strings.Contains(ct, "application/json") {
		t.Errorf("manifest Content-Type: want application/manifest+json, got %q", ct)
	}
	raw := mfBody(t, resp)
	var m mfManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest is not JSON: %v\n%s", err, raw)
	}
	t.Logf("manifest: %s", raw)

	if m.Name == "" || !strings.Contains(m.Name, "Embudo") {
		t.Errorf("name: want a name with Embudo, got %q", m.Name)
	}
	if m.ShortName == "" || len(m.ShortName) > 12 {
		t.Errorf("short_name: want a short name (≤ 12 characters, shown under the home-screen icon), got %q", m.ShortName)
	}
	if m.StartURL == "" || !strings.HasPrefix(m.StartURL, "/") {
		t.Errorf("start_url: want a same-origin path, got %q", m.StartURL)
	}
	switch m.Display {
	case "standalone", "fullscreen", "minimal-ui":
	default:
		t.Errorf("display: want standalone (or fullscreen / minimal-ui) to be installable, got %q", m.Display)
	}
	if !mfColor.MatchString(m.ThemeColor) {
		t.Errorf("theme_color: want a #rrggbb colour, got %q", m.ThemeColor)
	} else if !strings.EqualFold(m.ThemeColor, themeColor) {
		t.Errorf("theme_color: want the app's %s, got %q", themeColor, m.ThemeColor)
	}
	if !mfColor.MatchString(m.BackgroundColor) {
		t.Errorf("background_color: want a #rrggbb colour, got %q", m.BackgroundColor)
	}

	var has192, has512, hasMaskable bool
	for _, ic := range m.Icons {
		if strings.Contains(ic.Src, "://") || !strings.HasPrefix(ic.Src, "/web/") {
			t.Errorf("icon %q: want a local /web/ file (no third-party host)", ic.Src)
			continue
		}
		path, version, _ := strings.Cut(ic.Src, "?v=")
		if version == "" {
			t.Errorf("icon %q: want a versioned URL (?v=), /web/ is cached for a year", ic.Src)
		}
		file := filepath.Join(mfWeb, filepath.FromSlash(strings.TrimPrefix(path, "/web/")))
		if _, err := os.Stat(file); err != nil {
			t.Errorf("icon %q: no file %s", ic.Src, file)
			continue
		}
		// Served too, by the real server.
		if r := mfGet(t, srv, ic.Src); r.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", ic.Src, r.Status)
		} else {
			r.Body.Close()
		}
		if ic.Type == "image/svg+xml" {
			if ic.Sizes != "any" {
				t.Errorf("SVG icon %q: sizes want \"any\", got %q", ic.Src, ic.Sizes)
			}
			continue
		}
		if ic.Type != "image/png" {
			t.Errorf("icon %q: type want image/png or image/svg+xml, got %q", ic.Src, ic.Type)
			continue
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Errorf("icon %q (%s): not a PNG: %v", ic.Src, file, err)
			continue
		}
		got := strconv.Itoa(cfg.Width) + "x" + strconv.Itoa(cfg.Height)
		if got != ic.Sizes {
			t.Errorf("icon %q: the manifest says %s, the PNG is %s", ic.Src, ic.Sizes, got)
			continue
		}
		switch {
		case strings.Contains(ic.Purpose, "maskable"):
			hasMaskable = true
		case got == "192x192":
			has192 = true
		case got == "512x512":
			has512 = true
		}
	}
	if !has192 {
		t.Error("no 192x192 PNG icon (purpose any) in the manifest")
	}
	if !has512 {
		t.Error("no 512x512 PNG icon (purpose any) in the manifest")
	}
	if !hasMaskable {
		t.Error("no maskable PNG icon in the manifest")
	}

	// The page links the manifest.
	page := string(mfBody(t, mfGet(t, srv, "/", "Accept-Encoding", "gzip")))
	// go-app writes attributes in map order: accept either.
	if !regexp.MustCompile(`<link[^>]*(rel="manifest"[^>]*href="/manifest.webmanifest"|href="/manifest.webmanifest"[^>]*rel="manifest")`).MatchString(page) {
		t.Error(`the page has no <link rel="manifest" href="/manifest.webmanifest">`)
	}
}

// TestManifestPageCSP checks that the page is served with a
// Content-Security-Policy header (and meta tag) that names no third-party
// origin: no CDN, no fonts, no analytics.
func TestManifestPageCSP(t *testing.T) {
	srv := mfServer(t)
	for _, target := range []string{"/", "/?r1=25&lang=es&cur=MXN&embed=1"} {
		resp := mfGet(t, srv, target, "Accept-Encoding", "gzip", "Accept", "text/html")
		page := string(mfBody(t, resp))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", target, resp.Status)
		}
		header := resp.Header.Get("Content-Security-Policy")
		if header == "" {
			t.Errorf("GET %s: no Content-Security-Policy header", target)
			continue
		}
		mfCheckCSP(t, "header of "+target, header)
		for _, want := range []string{"default-src", "script-src", "object-src 'none'"} {
			if !strings.Contains(header, want) {
				t.Errorf("CSP header of %s: no %q: %s", target, want, header)
			}
		}
		meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
		if meta == nil {
			t.Errorf("GET %s: no CSP <meta> (the static site has no headers: it relies on it)", target)
		} else {
			mfCheckCSP(t, "meta of "+target, meta[1])
		}
	}
}

// mfCheckCSP fails on any source that is not the page's own origin, a
// keyword or data:. frame-ancestors may be * (any blog may embed the
// calculator): it says who may frame the app, not what the app loads.
func mfCheckCSP(t *testing.T, where, policy string) {
	t.Helper()
	for _, dir := range strings.Split(policy, ";") {
		fields := strings.Fields(dir)
		if len(fields) == 0 {
			continue
		}
		name := fields[0]
		for _, src := range fields[1:] {
			switch {
			case strings.HasPrefix(src, "'"): // 'self', 'none', 'wasm-unsafe-eval', …
				if src == "'unsafe-inline'" || src == "'unsafe-eval'" {
					t.Errorf("CSP %s: %s allows %s", where, name, src)
				}
			case src == "data:" && (name == "img-src" || name == "font-src"):
			case src == "*" && name == "frame-ancestors":
			default:
				t.Errorf("CSP %s: %s allows %q (a third-party origin or a scheme)", where, name, src)
			}
		}
	}
}

// TestManifestWorkerPrecachesPage checks that the service worker precaches
// every file of the app that the page links (icons, styles, scripts, the
// manifest): offline, anything missing fails to load (an error in the
// console on every start) or breaks the page.
func TestManifestWorkerPrecachesPage(t *testing.T) {
	srv := mfServer(t)
	worker := string(mfBody(t, mfGet(t, srv, "/app-worker.js", "Accept-Encoding", "gzip")))

	m := regexp.MustCompile(`(?s)const resourcesToCache = (\[.*?\])`).FindStringSubmatch(worker)
	if m == nil {
		t.Fatalf("app-worker.js has no resourcesToCache list:\n%s", worker)
	}
	var cached []string
	if err := json.Unmarshal([]byte(m[1]), &cached); err != nil {
		t.Fatalf("resourcesToCache is not a JSON list: %v: %s", err, m[1])
	}
	inCache := map[string]bool{}
	for _, c := range cached {
		inCache[c] = true
		path, _, _ := strings.Cut(c, "?") // assets are versioned: /web/x?v=…
		inCache[path] = true
	}
	if !inCache["/"] || !inCache["/web/app.wasm"] {
		t.Errorf("the worker does not precache / and /web/app.wasm: %q", cached)
	}

	// Each language's page links its own manifest.
	for _, target := range []string{"/", "/?lang=es", "/?lang=pt", "/embed?lang=es"} {
		page := string(mfBody(t, mfGet(t, srv, target, "Accept-Encoding", "gzip")))
		tags := regexp.MustCompile(`<(?:link|script)\b[^>]*>`).FindAllString(page, -1)
		attr := regexp.MustCompile(`\s(?:href|src)="(/[^"]*)"`)
		for _, tag := range tags {
			ref := attr.FindStringSubmatch(tag)
			if ref == nil || strings.HasPrefix(ref[1], "//") {
				continue
			}
			if !inCache[ref[1]] {
				t.Errorf("%s links %s but the service worker does not precache it (offline it fails to load): %s", target, ref[1], tag)
			}
		}
	}
}

// mfLangManifest is what a manifest says in its language.
type mfLangManifest struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	ShortName   string   `json:"short_name"`
	Description string   `json:"description"`
	Lang        string   `json:"lang"`
	StartURL    string   `json:"start_url"`
	Scope       string   `json:"scope"`
	Icons       []mfIcon `json:"icons"`
}

// TestManifestPerLanguage fetches each language's manifest: its name,
// short name, description and lang are the language's, and every manifest
// describes the same app (id, start URL, scope, icons), served as a
// manifest that revalidates (no-cache, an ETag, a 304) in every encoding.
func TestManifestPerLanguage(t *testing.T) {
	srv := mfServer(t)
	var first *mfLangManifest
	for _, tt := range []struct {
		lang, path string
	}{
		{"en", "/manifest.webmanifest"},
		{"en", "/manifest.json"}, // go-app's other name for it
		{"es", "/manifest-es.webmanifest"},
		{"pt", "/manifest-pt.webmanifest"},
	} {
		t.Run(tt.lang+tt.path, func(t *testing.T) {
			words := text.For(tt.lang)
			var plain []byte
			for _, enc := range []string{"identity", "gzip", "gzip, deflate, br"} {
				res := mfGet(t, srv, tt.path, "Accept-Encoding", enc)
				require.Equal(t, http.StatusOK, res.StatusCode, "GET %s (%s)", tt.path, enc)
				assert.Equal(t, "application/manifest+json", res.Header.Get("Content-Type"), enc)
				assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), enc)
				etag := res.Header.Get("ETag")
				require.NotEmpty(t, etag, enc)
				body := mfBody(t, res)
				if plain == nil {
					plain = body
				} else {
					assert.Equal(t, string(plain), string(body), "%s decodes to other bytes", enc)
				}
				again := mfGet(t, srv, tt.path, "Accept-Encoding", enc, "If-None-Match", etag)
				again.Body.Close()
				assert.Equal(t, http.StatusNotModified, again.StatusCode, "revalidating %s (%s)", tt.path, enc)
			}
			var m mfLangManifest
			require.NoError(t, json.Unmarshal(plain, &m), "%s", plain)
			assert.Equal(t, words.PageTitle, m.Name)
			assert.Equal(t, words.AppShortName, m.ShortName)
			assert.LessOrEqual(t, len([]rune(m.ShortName)), 12, "short_name fits under the icon")
			assert.Equal(t, words.AppDescription, m.Description)
			assert.Equal(t, tt.lang, m.Lang)
			if first == nil {
				first = &m
				return
			}
			assert.Equal(t, first.ID, m.ID, "one app in every language")
			assert.Equal(t, first.StartURL, m.StartURL)
			assert.Equal(t, first.Scope, m.Scope)
			assert.Equal(t, first.Icons, m.Icons)
		})
	}
	// Each language's words are its own (a catalog copied from another
	// language would pass the checks above).
	names := map[string]string{}
	for _, code := range text.Codes() {
		d := text.For(code).AppDescription
		assert.NotContains(t, names, d, "%s has the description of %s", code, names[d])
		names[d] = code
	}
}

// TestManifestLinkedPerLanguage checks that every page links the manifest
// of the language it is rendered in (the link's lang, else the browser's
// Accept-Language, else the fallback), with the page's length right for
// what is sent.
func TestManifestLinkedPerLanguage(t *testing.T) {
	srv := mfServer(t)
	link := regexp.MustCompile(`<link\b[^>]*\brel="manifest"[^>]*>`)
	href := regexp.MustCompile(`\bhref="([^"]*)"`)
	for _, tt := range []struct {
		name, target, acceptLang string
		lang, manifest           string
	}{
		{"bare", "/", "", "en", "/manifest.webmanifest"},
		{"link en", "/?lang=en", "es", "en", "/manifest.webmanifest"},
		{"link es", "/?lang=es", "", "es", "/manifest-es.webmanifest"},
		{"link pt", "/?lang=pt&cur=BRL", "en-US", "pt", "/manifest-pt.webmanifest"},
		{"link in capitals", "/?lang=ES", "", "es", "/manifest-es.webmanifest"},
		{"browser es", "/", "es-MX,es;q=0.9,en;q=0.8", "es", "/manifest-es.webmanifest"},
		{"browser pt", "/?r1=25", "pt-BR", "pt", "/manifest-pt.webmanifest"},
		{"browser unknown", "/", "fr-FR,de;q=0.5", "en", "/manifest.webmanifest"},
		{"unknown link lang", "/?lang=xx", "es", "en", "/manifest.webmanifest"},
		{"embed path", "/embed?lang=pt", "", "pt", "/manifest-pt.webmanifest"},
		{"embed param", "/?embed=1", "es", "es", "/manifest-es.webmanifest"},
	} {
		for _, enc := range []string{"identity", "gzip"} {
			t.Run(tt.name+"/"+enc, func(t *testing.T) {
				headers := []string{"Accept-Encoding", enc}
				if tt.acceptLang != "" {
					headers = append(headers, "Accept-Language", tt.acceptLang)
				}
				res := mfGet(t, srv, tt.target, headers...)
				require.Equal(t, http.StatusOK, res.StatusCode)
				cl := res.Header.Get("Content-Length")
				page := mfBody(t, res)
				if enc == "identity" {
					assert.Equal(t, strconv.Itoa(len(page)), cl, "Content-Length of the page sent")
				}
				assert.Regexp(t, `<html\b[^>]*\blang="`+tt.lang+`"`, string(page))
				links := link.FindAllString(string(page), -1)
				require.Len(t, links, 1, "one manifest link")
				m := href.FindStringSubmatch(links[0])
				require.NotNil(t, m, links[0])
				assert.Equal(t, tt.manifest, m[1])
				desc := regexp.MustCompile(`<meta\b[^>]*\bname="description"[^>]*>`).FindString(string(page))
				assert.Contains(t, desc, `content="`+text.For(tt.lang).AppDescription+`"`,
					"the page's description in its language")

				// The manifest it links is served, in that language.
				res = mfGet(t, srv, m[1])
				require.Equal(t, http.StatusOK, res.StatusCode, "GET %s", m[1])
				var mf mfLangManifest
				require.NoError(t, json.Unmarshal(mfBody(t, res), &mf))
				assert.Equal(t, tt.lang, mf.Lang)
				assert.Equal(t, text.For(tt.lang).PageTitle, mf.Name)
			})
		}
	}
}

// TestStaticManifests exports the site under a sub-path: every language's
// manifest is a file of its own (static hosts type it by its extension
// and ignore queries), with its .br and .gz siblings and its no-cache
// rule, and each page links its own language's.
func TestStaticManifests(t *testing.T) {
	if _, err := os.Stat(filepath.Join(mfWeb, "app.wasm")); err != nil {
		skipOrFail(t, "web/app.wasm is missing: run make wasm")
	}
	const prefix = "/embudo"
	dir := t.TempDir()
	require.NoError(t, GenerateStatic(dir, mfWeb, prefix))
	headers, err := os.ReadFile(filepath.Join(dir, "_headers"))
	require.NoError(t, err)
	for _, code := range text.Codes() {
		name := map[string]string{"en": "manifest.webmanifest", "es": "manifest-es.webmanifest", "pt": "manifest-pt.webmanifest"}[code]
		require.NotEmpty(t, name, "a language the test does not know: %s", code)
		t.Run(code, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, name))
			require.NoError(t, err)
			var m mfLangManifest
			require.NoError(t, json.Unmarshal(b, &m))
			words := text.For(code)
			assert.Equal(t, words.PageTitle, m.Name)
			assert.Equal(t, words.AppShortName, m.ShortName)
			assert.Equal(t, words.AppDescription, m.Description)
			assert.Equal(t, code, m.Lang)
			assert.Equal(t, prefix+"/", m.StartURL)
			assert.Equal(t, prefix+"/", m.Scope)
			for _, ic := range m.Icons {
				assert.True(t, strings.HasPrefix(ic.Src, prefix+"/web/"), "icon %s under the prefix", ic.Src)
			}
			for _, sib := range []string{".gz", ".br"} {
				_, err := os.Stat(filepath.Join(dir, name+sib))
				assert.NoError(t, err, "%s%s", name, sib)
			}
			assert.Contains(t, string(headers), prefix+"/"+name+"\n  Cache-Control: no-cache\n")
		})
	}
	for _, page := range []string{"index.html", "embed.html"} {
		b, err := os.ReadFile(filepath.Join(dir, page))
		require.NoError(t, err)
		// The static pages are pre-rendered in the fallback language; the
		// wasm links the reader's own (ui.showLang).
		assert.Regexp(t, `<html\b[^>]*\blang="`+text.Fallback+`"`, string(b), page)
		assert.Regexp(t, `<link\b[^>]*href="`+prefix+`/manifest.webmanifest"`, string(b), page)
	}
	worker, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	require.NoError(t, err)
	for _, name := range []string{"manifest.webmanifest", "manifest-es.webmanifest", "manifest-pt.webmanifest"} {
		assert.Contains(t, string(worker), `"`+prefix+"/"+name+`"`, "the worker precaches %s", name)
	}
}

// TestLinkPageManifest rewrites go-app's manifest link whatever the order
// of its attributes, and nothing else.
func TestLinkPageManifest(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"rel first",
			`<html lang="es"><head><link rel="manifest" href="/manifest.webmanifest"><link rel="icon" href="/manifest.webmanifest"></head><body><a href="/manifest.webmanifest"></a></body>`,
			`<html lang="es"><head><link rel="manifest" href="/manifest-es.webmanifest"><link rel="icon" href="/manifest.webmanifest"></head><body><a href="/manifest.webmanifest"></a></body>`},
		{"href first, sub-path",
			`<html lang="pt"><head><link href="/embudo/manifest.webmanifest" rel="manifest"></head>`,
			`<html lang="pt"><head><link href="/embudo/manifest-pt.webmanifest" rel="manifest"></head>`},
		{"fallback", `<html lang="en"><head><link rel="manifest" href="/manifest.webmanifest"></head>`,
			`<html lang="en"><head><link rel="manifest" href="/manifest.webmanifest"></head>`},
		{"unknown language", `<html lang="xx"><head><link rel="manifest" href="/manifest.webmanifest"></head>`,
			`<html lang="xx"><head><link rel="manifest" href="/manifest.webmanifest"></head>`},
		{"no lang", `<html><head><link rel="manifest" href="/manifest.webmanifest"></head>`,
			`<html><head><link rel="manifest" href="/manifest.webmanifest"></head>`},
	} {
		assert.Equal(t, tt.want, string(linkPageManifest([]byte(tt.in))), tt.name)
	}
}
