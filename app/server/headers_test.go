package server

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// servedAsset is a URL the app loads, and what it must be served as.
type servedAsset struct {
	path      string
	ctype     string // a part of the Content-Type
	immutable bool   // versioned: cached for a year; else revalidated
}

func appAssets(version string) []servedAsset {
	v := "?v=" + version
	return []servedAsset{
		{"/", "text/html", false},
		{"/embed", "text/html", false},
		{"/app.js", "javascript", false},
		{"/wasm_exec.js", "javascript", false},
		{"/app-worker.js", "javascript", false},
		{"/app.css", "text/css", false},
		{"/manifest.webmanifest", "application/manifest+json", false},
		{"/manifest-es.webmanifest", "application/manifest+json", false},
		{"/manifest-pt.webmanifest", "application/manifest+json", false},
		{"/web/app.wasm" + v, "application/wasm", true},
		{"/web/embudo.css" + v, "text/css", true},
		{"/web/whatif.css" + v, "text/css", true},
		{"/web/embudo.js" + v, "javascript", true},
		{"/web/icon.svg" + v, "image/svg+xml", true},
	}
}

// checkServedHeaders fetches every asset with each Accept-Encoding a
// browser may send and checks the encoding, type, caching and Vary, that
// every encoding decodes to the same bytes, and that a revalidation of an
// unchanged file is a 304. pagesBrotli: whether pages come in brotli too
// (pre-rendered per request, the server gzips them; a static host has
// their .br).
func checkServedHeaders(t *testing.T, base string, assets []servedAsset, pagesBrotli bool) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path, acceptEncoding string, header ...string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, base+path, nil)
		require.NoError(t, err)
		req.Header.Set("Accept-Encoding", acceptEncoding)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := client.Do(req)
		require.NoError(t, err)
		return res
	}
	for _, a := range assets {
		name := strings.TrimPrefix(strings.SplitN(a.path, "?", 2)[0], "/")
		if name == "" {
			name = "index"
		}
		t.Run(name, func(t *testing.T) {
			page := a.ctype == "text/html"
			var plain []byte
			for _, accept := range []string{"identity", "gzip, deflate", "gzip, deflate, br, zstd"} {
				res := get(a.path, accept)
				require.Equal(t, http.StatusOK, res.StatusCode, "GET %s (Accept-Encoding: %s)", a.path, accept)
				want := ""
				switch {
				case strings.Contains(accept, "br") && (pagesBrotli || !page):
					want = "br"
				case strings.Contains(accept, "gzip"):
					want = "gzip"
				}
				h := res.Header
				what := fmt.Sprintf("%s, Accept-Encoding: %s", a.path, accept)
				assert.Equal(t, want, h.Get("Content-Encoding"), "Content-Encoding of %s", what)
				assert.Contains(t, h.Get("Content-Type"), a.ctype, "Content-Type of %s", what)
				if want != "" {
					assert.Contains(t, h.Values("Vary"), "Accept-Encoding", "Vary of %s", what)
				}
				if !page {
					assert.NotEmpty(t, h.Get("Content-Length"), "Content-Length of %s", what)
				}
				cc := h.Get("Cache-Control")
				if a.immutable {
					assert.Equal(t, "public, max-age=31536000, immutable", cc, "Cache-Control of %s", what)
				} else {
					assert.Equal(t, "no-cache", cc, "Cache-Control of %s", what)
				}
				body := mfBody(t, res)
				if plain == nil {
					plain = body
				} else if !page { // pages differ: each embed snippet gets a new id

					assert.True(t, bytes.Equal(plain, body), "%s decodes to other bytes than the plain file", what)
				}

				// Any status declares the length it sends (a failed
				// precondition too).
				if !page {
					pre := get(a.path, accept, "If-Match", `"nothing"`)
					body, err := io.ReadAll(pre.Body)
					pre.Body.Close()
					require.NoError(t, err, "%s with a failing If-Match", what)
					if cl := pre.Header.Get("Content-Length"); cl != "" {
						assert.Equal(t, cl, strconv.Itoa(len(body)), "Content-Length of a %d for %s", pre.StatusCode, what)
					}
				}

				// The second visit: a revalidation of what is cached.
				if !a.immutable {
					var cond []string
					if etag := h.Get("ETag"); etag != "" {
						cond = []string{"If-None-Match", etag}
					} else if lm := h.Get("Last-Modified"); lm != "" {
						cond = []string{"If-Modified-Since", lm}
					}
					require.NotEmpty(t, cond, "%s has neither ETag nor Last-Modified to revalidate with", what)
					again := get(a.path, accept, cond...)
					again.Body.Close()
					assert.Equal(t, http.StatusNotModified, again.StatusCode, "revalidating %s", what)
				}
			}
			assert.NotEmpty(t, plain)
		})
	}
}

// TestServedHeaders checks what make run's server sends for every asset.
func TestServedHeaders(t *testing.T) {
	srv := httptest.NewServer(mfServer(t))
	defer srv.Close()
	h, err := newHandler(mfWeb, "")
	require.NoError(t, err)
	checkServedHeaders(t, srv.URL, appAssets(h.Version), false)
}

// TestCrossOriginAssets: an embed in a frame sandboxed without
// allow-same-origin has an opaque origin, so it fetches app.wasm (and
// everything else) cross-origin. Every public file lets any origin read
// it, revalidations too; pages do not say so.
func TestCrossOriginAssets(t *testing.T) {
	srv := httptest.NewServer(mfServer(t))
	defer srv.Close()
	h, err := newHandler(mfWeb, "")
	require.NoError(t, err)
	for _, a := range append(appAssets(h.Version), servedAsset{path: "/web/embudo-compile.js"}, servedAsset{path: "/web/app.wasm"}) {
		req, err := http.NewRequest(http.MethodGet, srv.URL+a.path, nil)
		require.NoError(t, err)
		req.Header.Set("Origin", "null")
		req.Header.Set("Accept-Encoding", "br")
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode, a.path)
		want := "*"
		if a.ctype == "text/html" {
			want = ""
		}
		assert.Equal(t, want, res.Header.Get("Access-Control-Allow-Origin"), "Access-Control-Allow-Origin of %s", a.path)
		if etag := res.Header.Get("ETag"); etag != "" && want != "" {
			req.Header.Set("If-None-Match", etag)
			again, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			again.Body.Close()
			assert.Equal(t, want, again.Header.Get("Access-Control-Allow-Origin"), "Access-Control-Allow-Origin of a %d for %s", again.StatusCode, a.path)
		}
	}
}

// TestStaticSiteHeaders serves make static's output with nginx, configured
// by the server block that README.md shows, and checks the same headers.
// Without nginx and its brotli_static module it skips, unless
// E2E=required.
func TestStaticSiteHeaders(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		if _, err = os.Stat("/usr/sbin/nginx"); err == nil {
			nginx = "/usr/sbin/nginx"
		}
	}
	if nginx == "" {
		skipOrFail(t, "nginx is not installed (apt-get install nginx-light libnginx-mod-http-brotli-static)")
	}
	if _, err := os.Stat(filepath.Join(mfWeb, "app.wasm")); err != nil {
		skipOrFail(t, "web/app.wasm is missing: run make wasm")
	}
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	require.NoError(t, GenerateStatic(site, mfWeb, ""))
	h, err := newHandler(mfWeb, "")
	require.NoError(t, err)

	block := readmeNginxBlock(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	conf := fmt.Sprintf(`%s
worker_processes 1;
daemon off;
error_log stderr warn;
pid %s/nginx.pid;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path %[2]s/body;
	server {
		listen %s;
		%s
	}
}
`, nginxMain(), tmp, addr, strings.ReplaceAll(block, "root /srv/embudo;", "root "+site+";"))
	confFile := filepath.Join(tmp, "nginx.conf")
	// The block includes mime.types, found beside the configuration.
	types, err := os.ReadFile("/etc/nginx/mime.types")
	if err != nil {
		skipOrFail(t, "nginx has no /etc/nginx/mime.types: "+err.Error())
	}
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "mime.types"), types, 0o644))
	require.NoError(t, os.WriteFile(confFile, []byte(conf), 0o644))
	if out, err := exec.Command(nginx, "-t", "-p", tmp, "-c", confFile).CombinedOutput(); err != nil {
		skipOrFail(t, fmt.Sprintf("nginx cannot load README's server block (is libnginx-mod-http-brotli-static installed?): %v\n%s", err, out))
	}
	cmd := exec.Command(nginx, "-p", tmp, "-c", confFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		// TERM: the master stops its workers (a KILL would orphan them).
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if t.Failed() {
			t.Logf("nginx:\n%s", stderr.String())
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := http.Get(base + "/app.css")
		if err == nil {
			res.Body.Close()
			break
		}
		require.True(t, time.Now().Before(deadline), "nginx did not answer: %v\n%s", err, stderr.String())
		time.Sleep(50 * time.Millisecond)
	}
	checkServedHeaders(t, base, appAssets(h.Version), true)
}

// nginxMain loads Debian's brotli_static module (its modules-enabled
// file names it relative to the default prefix, which the test changes)
// and, as root, keeps the workers root so they can read the test's folder.
func nginxMain() string {
	var s string
	mods, _ := filepath.Glob("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
	for _, m := range mods {
		s += "load_module " + m + ";\n"
	}
	if os.Geteuid() == 0 {
		s += "user root;\n"
	}
	return s
}

// readmeNginxBlock is the server block README.md documents for nginx.
func readmeNginxBlock(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	m := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindSubmatch(b)
	require.NotNil(t, m, "README.md has no ```nginx block")
	return string(m[1])
}

func skipOrFail(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("E2E") == "required" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// varyOf is the set of header names a response's Vary lists.
func varyOf(h http.Header) map[string]bool {
	vary := map[string]bool{}
	for _, v := range h.Values("Vary") {
		for _, name := range strings.Split(v, ",") {
			vary[http.CanonicalHeaderKey(strings.TrimSpace(name))] = true
		}
	}
	return vary
}

// TestPageValidators checks that each representation of a page (path,
// query, language, encoding, build) has an ETag of its own, that only its
// own ETag earns a 304 (another link's or language's gets the page), and
// that Vary names every request header the page depends on.
func TestPageValidators(t *testing.T) {
	srv := mfServer(t)
	h, err := newHandler(mfWeb, "")
	require.NoError(t, err)

	type repr struct {
		target, acceptLanguage, acceptEncoding string
		lang                                   string // the page's language
		fromHeader                             bool   // lang comes from Accept-Language
	}
	// One representation: a page with no language from Accept-Language
	// (none sent, or none the app speaks) is the link's own.
	key := func(r repr) string {
		if !r.fromHeader {
			return r.target + "|" + r.acceptEncoding
		}
		return r.target + "|" + r.acceptEncoding + "|" + r.lang
	}
	var reprs []repr
	for _, enc := range []string{"identity", "gzip, deflate, br"} {
		for _, r := range []repr{
			{target: "/", lang: "en"},                                   // no Accept-Language
			{target: "/", acceptLanguage: "de-DE,de;q=0.9", lang: "en"}, // none the app speaks
			{target: "/", acceptLanguage: "es-MX,es;q=0.9", lang: "es", fromHeader: true},
			{target: "/", acceptLanguage: "pt-BR", lang: "pt", fromHeader: true},
			{target: "/", acceptLanguage: "en-US,en;q=0.9", lang: "en", fromHeader: true},
			{target: "/?lang=es", acceptLanguage: "pt-BR", lang: "es"},
			{target: "/?lang=pt", lang: "pt"},
			{target: "/?goal=200000", acceptLanguage: "es", lang: "es", fromHeader: true},
			{target: "/?goal=300000", acceptLanguage: "es", lang: "es", fromHeader: true},
			{target: "/?goal=300000&lang=en", lang: "en"},
			{target: "/?embed=1", lang: "en"},
			{target: "/?embed=1&goal=200000", lang: "en"},
			{target: "/embed", lang: "en"},
			{target: "/embed", acceptLanguage: "es", lang: "es", fromHeader: true},
			{target: "/embed?goal=200000", acceptLanguage: "es", lang: "es", fromHeader: true},
		} {
			r.acceptEncoding = enc
			reprs = append(reprs, r)
		}
	}
	get := func(r repr, ifNoneMatch string) *http.Response {
		t.Helper()
		headers := []string{"Accept-Encoding", r.acceptEncoding}
		if r.acceptLanguage != "" {
			headers = append(headers, "Accept-Language", r.acceptLanguage)
		}
		if ifNoneMatch != "" {
			headers = append(headers, "If-None-Match", ifNoneMatch)
		}
		return mfGet(t, srv, r.target, headers...)
	}
	name := func(r repr) string {
		return fmt.Sprintf("%s (Accept-Language %q, Accept-Encoding %q)", r.target, r.acceptLanguage, r.acceptEncoding)
	}

	etags := make([]string, len(reprs))
	owner := map[string]string{}
	for i, r := range reprs {
		res := get(r, "")
		body := string(mfBody(t, res))
		require.Equal(t, http.StatusOK, res.StatusCode, name(r))
		assert.Contains(t, body, `<html lang="`+r.lang+`"`, "language of %s", name(r))
		etag := res.Header.Get("ETag")
		require.NotEmpty(t, etag, "ETag of %s", name(r))
		assert.NotEqual(t, `"`+h.Version+`"`, etag, "%s carries go-app's one ETag for every URL", name(r))
		if other, ok := owner[etag]; ok && other != key(r) {
			t.Errorf("%s shares the ETag %s with another representation, %s", name(r), etag, other)
		}
		owner[etag] = key(r)
		etags[i] = etag

		vary := varyOf(res.Header)
		assert.True(t, vary["Accept-Encoding"], "Vary of %s: %v", name(r), res.Header.Values("Vary"))
		_, hasLang := url.Values(mustQuery(t, r.target))["lang"]
		assert.Equal(t, !hasLang, vary["Accept-Language"],
			"Vary of %s: Accept-Language exactly when the link sets no lang: %v", name(r), res.Header.Values("Vary"))

		// The same representation again: the same ETag.
		again := get(r, "")
		again.Body.Close()
		assert.Equal(t, etag, again.Header.Get("ETag"), "ETag of %s, asked twice", name(r))
	}

	for i, r := range reprs {
		// Its own ETag (also weakened or strengthened by a proxy, or in
		// a list): a 304 that says what a 200 would.
		own := etags[i]
		for _, inm := range []string{own, strings.TrimPrefix(own, "W/"), `"other", ` + own} {
			res := get(r, inm)
			res.Body.Close()
			assert.Equal(t, http.StatusNotModified, res.StatusCode, "%s with If-None-Match %s", name(r), inm)
			assert.Equal(t, own, res.Header.Get("ETag"), "ETag of the 304 for %s", name(r))
			assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), "Cache-Control of the 304 for %s", name(r))
			_, hasLang := url.Values(mustQuery(t, r.target))["lang"]
			vary := varyOf(res.Header)
			assert.True(t, vary["Accept-Encoding"] && vary["Accept-Language"] == !hasLang,
				"Vary of the 304 for %s: %v", name(r), res.Header.Values("Vary"))
		}
		// Every other link's, language's and encoding's ETag, and the one
		// go-app gives every URL: the page itself.
		var others []string
		for j, e := range etags {
			if key(reprs[j]) != key(r) {
				others = append(others, e)
			}
		}
		others = append(others, `"`+h.Version+`"`)
		for _, inm := range []string{strings.Join(others, ", "), `"` + h.Version + `"`} {
			res := get(r, inm)
			body := mfBody(t, res)
			assert.Equal(t, http.StatusOK, res.StatusCode, "%s revalidated with another representation's ETag", name(r))
			assert.Contains(t, string(body), `<html lang="`+r.lang+`"`, "language of %s", name(r))
		}
	}

	// A new build: new ETags for the same links.
	for _, enc := range []string{"", "gzip"} {
		req := httptest.NewRequest(http.MethodGet, "/?goal=200000", nil)
		_, a, _ := pageRequest(httptest.NewRecorder(), req, "build1", enc)
		_, b, _ := pageRequest(httptest.NewRecorder(), req, "build2", enc)
		assert.NotEqual(t, a, b, "ETag across builds (encoding %q)", enc)
	}

	// What is not a page is never a 304 to a page's or go-app's ETag, nor
	// carries go-app's.
	for _, inm := range []string{etags[0], `"` + h.Version + `"`, "*"} {
		res := mfGet(t, srv, "/nothing-here", "If-None-Match", inm)
		res.Body.Close()
		assert.Equal(t, http.StatusNotFound, res.StatusCode, "an unknown path with If-None-Match %s", inm)
		assert.Empty(t, res.Header.Get("ETag"), "ETag of a 404")
	}
}

func mustQuery(t *testing.T, target string) url.Values {
	t.Helper()
	u, err := url.Parse(target)
	require.NoError(t, err)
	return u.Query()
}
