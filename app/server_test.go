//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAssetCaching checks the versioned asset URLs the page links are
// cached for a year, and any other asset URL is revalidated.
func TestAssetCaching(t *testing.T) {
	srv := httptest.NewServer(mfServer(t))
	defer srv.Close()
	h, err := newHandler(mfWeb, "")
	require.NoError(t, err)

	get := func(path string) *http.Response {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		require.NoError(t, err)
		res.Body.Close()
		return res
	}
	page := get("/")
	require.Equal(t, http.StatusOK, page.StatusCode)

	versioned := "/web/embudo.css?v=" + h.Version
	assert.Equal(t, "public, max-age=31536000, immutable", get(versioned).Header.Get("Cache-Control"))
	assert.Equal(t, "no-cache", get("/web/embudo.css").Header.Get("Cache-Control"))
	assert.Equal(t, "no-cache", get("/web/embudo.css?v=old").Header.Get("Cache-Control"))
	assert.Equal(t, "no-cache", page.Header.Get("Cache-Control"), "pages revalidate")
	missing := get("/web/missing.js?v=" + h.Version)
	assert.Equal(t, http.StatusNotFound, missing.StatusCode)
	assert.NotContains(t, missing.Header.Get("Cache-Control"), "immutable", "a 404 must not stick")

	res, err := http.Get(srv.URL + "/")
	require.NoError(t, err)
	defer res.Body.Close()
	body := new(strings.Builder)
	_, _ = io.Copy(body, res.Body)
	assert.Contains(t, body.String(), versioned, "the page links the versioned asset")
}
