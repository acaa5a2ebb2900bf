package server

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

// pagePaths are the pages go-app pre-renders (ui.Routes).
var pagePaths = map[string]bool{"/": true, "/embed": true}

// pageRequest readies a request for a pre-rendered page. A link without
// lang is rendered in the language Accept-Language ranks first (the
// fallback when it names none), so its response varies by that header
// whatever it holds. The page's validator is an ETag of its own
// representation: the build, the path and query as requested, the
// language rendered and the encoding sent (enc, "" for none); weak, as a
// page's embed snippet gets a fresh id on every render. A revalidation of
// that ETag is answered here with a 304 (done); the request returned
// renders the page, and etag goes on it (pageWriter).
func pageRequest(w http.ResponseWriter, r *http.Request, version, enc string) (_ *http.Request, etag string, done bool) {
	lang := ""
	if !r.URL.Query().Has("lang") {
		w.Header().Add("Vary", "Accept-Language")
		lang = preferredLang(r.Header.Get("Accept-Language"))
	}
	sum := sha256.New()
	for _, s := range []string{version, r.URL.Path, r.URL.RawQuery, lang, enc} {
		sum.Write([]byte(s))
		sum.Write([]byte{0})
	}
	etag = `W/"` + version + "-" + hex.EncodeToString(sum.Sum(nil)[:8])
	if enc != "" {
		etag += "-" + enc
	}
	etag += `"`
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", etag)
		w.WriteHeader(http.StatusNotModified)
		return r, etag, true
	}
	if lang != "" {
		r2 := *r
		u := *r.URL
		// Appended to the raw query, not re-encoded: pairs url.Values
		// cannot read stay for the page to name.
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += "lang=" + lang // a registry code: nothing to escape
		r2.URL = &u
		r = &r2
	}
	return r, etag, false
}

// withoutValidators is r without the conditional headers go-app would
// answer itself: it gives every response one ETag, the build's, and a 304
// to it on any URL. pageRequest validates pages.
func withoutValidators(r *http.Request) *http.Request {
	if r.Header.Get("If-None-Match") == "" {
		return r
	}
	r2 := *r
	r2.Header = r.Header.Clone()
	r2.Header.Del("If-None-Match")
	return &r2
}
