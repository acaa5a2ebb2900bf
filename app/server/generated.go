package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"

	"embudo.app/app/internal/precompress"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generatedPaths are the files go-app writes from the Handler's settings
// rather than reading them from web/. Their URLs carry no version, so
// browsers revalidate them (a 304 when unchanged).
var generatedPaths = []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/app.css"}

// encodedFile is one generated file in every encoding, compressed once
// when the server starts.
type encodedFile struct {
	contentType string
	etag        string
	bodies      map[string][]byte // by Content-Encoding; "" is identity
}

func newEncodedFile(body []byte, contentType string) *encodedFile {
	sum := sha256.Sum256(body)
	f := &encodedFile{
		contentType: contentType,
		etag:        hex.EncodeToString(sum[:8]),
		bodies:      map[string][]byte{"": body},
	}
	for _, enc := range precompress.Encodings {
		if c := precompress.Encode(enc, body); len(c) < len(body) {
			f.bodies[enc.Name] = c
		}
	}
	return f
}

// generatedFiles renders go-app's generated files (app.js streaming the
// wasm, see loader.go) and the manifests (one per language) once.
func generatedFiles(h *app.Handler) (map[string]*encodedFile, error) {
	files := map[string]*encodedFile{}
	for _, p := range generatedPaths {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("go-app's %s: %d %s", p, rec.Code, rec.Body.String())
		}
		body := rec.Body.Bytes()
		if p == "/app.js" {
			var err error
			if body, err = streamingAppJS(body); err != nil {
				return nil, err
			}
		}
		files[p] = newEncodedFile(body, rec.Header().Get("Content-Type"))
	}
	for name, body := range manifests(h, "") {
		files["/"+name] = newEncodedFile(body, "application/manifest+json")
	}
	files["/manifest.json"] = files["/manifest.webmanifest"]
	return files, nil
}

// serve sends the best encoding the request accepts, or a 304 when the
// browser's copy is current. Each encoding has its own ETag, as a strong
// validator must.
func (f *encodedFile) serve(w http.ResponseWriter, r *http.Request) {
	enc, body := "", f.bodies[""]
	for _, e := range precompress.Encodings {
		if b, ok := f.bodies[e.Name]; ok && acceptsEncoding(r, e.Name) {
			enc, body = e.Name, b
			break
		}
	}
	etag := `"` + f.etag + `"`
	if enc != "" {
		etag = `"` + f.etag + "-" + enc + `"`
	}
	hd := w.Header()
	hd.Set("Content-Type", f.contentType)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("ETag", etag)
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if enc != "" {
		hd.Set("Content-Encoding", enc)
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
