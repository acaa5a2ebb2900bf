package server

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"embudo.app/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// newServer wraps go-app's handler with what it leaves to middleware:
// pre-compressed assets (web/ files compressed at build time, go-app's
// generated files at start), compression of the pre-rendered pages, cache
// and security headers, the browser's language for those pages and the
// manifest of their language.
func newServer(h *app.Handler, web string) (http.Handler, error) {
	generated, err := generatedFiles(h)
	if err != nil {
		return nil, err
	}
	_, styleHash, err := pageStyle(web)
	if err != nil {
		return nil, err
	}
	csp := policy(styleHash) + "; frame-ancestors *"
	version := h.Version
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Add("Vary", "Accept-Encoding")
		allowAnyOrigin(hd, r.URL.Path, generated)

		if strings.HasPrefix(r.URL.Path, "/web/") {
			serveStatic(w, r, web, version)
			return
		}
		if rootFiles[r.URL.Path] {
			// go-app would proxy these to /web/ by fetching its own
			// versioned URL, which fails (a 500): serve the file, or a 404.
			r2 := *r
			u := *r.URL
			u.Path, u.RawQuery = "/web"+r.URL.Path, ""
			r2.URL = &u
			serveStatic(w, &r2, web, version)
			return
		}
		if f, ok := generated[r.URL.Path]; ok {
			f.serve(w, r)
			return
		}
		enc := ""
		if acceptsEncoding(r, "gzip") {
			enc = "gzip"
		}
		var etag string
		if pagePaths[r.URL.Path] {
			var done bool
			if r, etag, done = pageRequest(w, r, version, enc); done {
				return
			}
		}
		out := w
		if enc == "gzip" {
			gw := &gzipWriter{ResponseWriter: w}
			defer gw.Close()
			out = gw
		}
		pw := &pageWriter{ResponseWriter: out, etag: etag}
		h.ServeHTTP(pw, withoutValidators(r))
		pw.flush()
	}), nil
}

// allowAnyOrigin lets any origin read the public files (app.wasm, the
// scripts, styles, icons and manifests; not the pages): an embed in a frame
// sandboxed without allow-same-origin has an opaque origin, and its fetch
// of app.wasm is cross-origin. They are the same for everyone and no
// request carries credentials.
func allowAnyOrigin(hd http.Header, p string, generated map[string]*encodedFile) {
	if _, ok := generated[p]; ok || strings.HasPrefix(p, "/web/") || rootFiles[p] {
		hd.Set("Access-Control-Allow-Origin", "*")
	}
}

// rootFiles are the files crawlers look for at the root; they live in web/.
var rootFiles = map[string]bool{"/robots.txt": true, "/sitemap.xml": true, "/ads.txt": true}

// serveStatic serves a file of web/, choosing its .br or .gz sibling when
// the browser accepts it. A URL stamped with the current version (see
// versionedResources) never changes: cached for a year. Others revalidate.
func serveStatic(w http.ResponseWriter, r *http.Request, web, version string) {
	name := path.Clean(strings.TrimPrefix(r.URL.Path, "/web/"))
	if name == "." || strings.HasPrefix(name, "..") {
		http.NotFound(w, r)
		return
	}
	file := filepath.Join(web, filepath.FromSlash(name))
	ctype := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".wasm" {
		ctype = "application/wasm"
	}
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	orig, err := os.Stat(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if version != "" && r.URL.Query().Get("v") == version {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(r, enc.name) {
			continue
		}
		// A sibling older than its file is stale: skip it (compressors copy
		// the file's time, some only to the second).
		if sib, err := os.Stat(file + enc.ext); err == nil && sib.ModTime().Unix() >= orig.ModTime().Unix() {
			w.Header().Set("Content-Encoding", enc.name)
			// ServeFile leaves the length out under a Content-Encoding.
			http.ServeFile(&lengthWriter{ResponseWriter: w, length: sib.Size()}, r, file+enc.ext)
			return
		}
	}
	http.ServeFile(w, r, file)
}

func acceptsEncoding(r *http.Request, enc string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), enc) {
			return qValue(params) > 0
		}
	}
	return false
}

// qValue reads the weight of a header's list item ("q=0.5"): 1 when
// absent, 0 when unreadable.
func qValue(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		if v, ok := strings.CutPrefix(strings.ReplaceAll(strings.TrimSpace(p), " ", ""), "q="); ok {
			q, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0
			}
			return q
		}
	}
	return 1
}

// etagMatch reports whether an If-None-Match header names etag (weakly,
// as RFC 9110 compares for GET: a CDN may have weakened it).
func etagMatch(header, etag string) bool {
	for _, v := range strings.Split(header, ",") {
		v = strings.TrimPrefix(strings.TrimSpace(v), "W/")
		if v == "*" || v == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}

// preferredLang is the registry's language that the Accept-Language
// header ranks first, or "" when it names none.
func preferredLang(header string) string {
	best, bestQ := "", -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		lang := text.Match(tag)
		if lang != "" && q > bestQ && q > 0 {
			best, bestQ = lang, q
		}
	}
	return best
}

// lengthWriter declares the length of a whole file sent with a 200.
type lengthWriter struct {
	http.ResponseWriter
	length int64
}

func (w *lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		w.Header().Set("Content-Length", strconv.FormatInt(w.length, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

// pageWriter holds a page go-app renders until it is complete, to finish
// it (finishPage); any other response passes through. go-app writes a page
// in one go from a buffer of its own, so holding it delays nothing.
type pageWriter struct {
	http.ResponseWriter
	code int
	page *bytes.Buffer // the page held; nil when passing through
	etag string        // the page's ETag (pageRequest); go-app's goes
}

func (p *pageWriter) WriteHeader(code int) {
	if p.code != 0 {
		return
	}
	p.code = code
	p.Header().Del("ETag")
	if code == http.StatusOK && strings.HasPrefix(p.Header().Get("Content-Type"), "text/html") {
		p.page = new(bytes.Buffer)
		return
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *pageWriter) Write(b []byte) (int, error) {
	if p.code == 0 {
		p.WriteHeader(http.StatusOK)
	}
	if p.page != nil {
		return p.page.Write(b)
	}
	return p.ResponseWriter.Write(b)
}

// flush sends the page held, its manifest linked.
func (p *pageWriter) flush() {
	if p.page == nil {
		return
	}
	body := finishPage(p.page.Bytes())
	if p.etag != "" {
		p.Header().Set("ETag", p.etag)
	}
	if p.Header().Get("Content-Length") != "" {
		p.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	p.ResponseWriter.WriteHeader(http.StatusOK)
	p.ResponseWriter.Write(body)
}

// gzipWriter compresses a response on the fly; go-app sets Content-Length
// for the uncompressed body, which no longer holds.
type gzipWriter struct {
	http.ResponseWriter
	gz      *gzip.Writer
	skip    bool
	started bool
}

func (g *gzipWriter) WriteHeader(code int) {
	if g.started {
		return
	}
	g.started = true
	hd := g.Header()
	if code != http.StatusOK || hd.Get("Content-Encoding") != "" {
		g.skip = true
	} else {
		hd.Del("Content-Length")
		hd.Set("Content-Encoding", "gzip")
		g.gz, _ = gzip.NewWriterLevel(g.ResponseWriter, gzip.BestCompression)
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.started {
		g.WriteHeader(http.StatusOK)
	}
	if g.skip {
		return g.ResponseWriter.Write(b)
	}
	return g.gz.Write(b)
}

func (g *gzipWriter) Close() {
	if g.gz != nil {
		g.gz.Close()
	}
}
