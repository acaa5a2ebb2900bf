//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAssetCaching checks the versioned asset URLs the page links are
// cached for a year, and any other asset URL is revalidated.
func TestAssetCaching(t *testing.T) {
	if _, err := os.Stat("../web/app.wasm"); err != nil {
		t.Skip("run make wasm first")
	}
	h, err := newHandler("../web", "")
	require.NoError(t, err)
	srv := httptest.NewServer(newServer(h, "../web"))
	defer srv.Close()

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

	res, err := http.Get(srv.URL + "/")
	require.NoError(t, err)
	defer res.Body.Close()
	body := new(strings.Builder)
	_, _ = io.Copy(body, res.Body)
	assert.Contains(t, body.String(), versioned, "the page links the versioned asset")
}
