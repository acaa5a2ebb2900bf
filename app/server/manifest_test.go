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

	"github.com/andybalholm/brotli"
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
	page := string(mfBody(t, mfGet(t, srv, "/", "Accept-Encoding", "gzip")))
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

	tags := regexp.MustCompile(`<(?:link|script)\b[^>]*>`).FindAllString(page, -1)
	attr := regexp.MustCompile(`\s(?:href|src)="(/[^"]*)"`)
	for _, tag := range tags {
		ref := attr.FindStringSubmatch(tag)
		if ref == nil || strings.HasPrefix(ref[1], "//") {
			continue
		}
		if !inCache[ref[1]] {
			t.Errorf("the page links %s but the service worker does not precache it (offline it fails to load): %s", ref[1], tag)
		}
	}
}
