package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

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

	versioned := "/web/embudo.js?v=" + h.Version
	assert.Equal(t, "public, max-age=31536000, immutable", get(versioned).Header.Get("Cache-Control"))
	assert.Equal(t, "no-cache", get("/web/embudo.js").Header.Get("Cache-Control"))
	assert.Equal(t, "no-cache", get("/web/embudo.js?v=old").Header.Get("Cache-Control"))
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

func TestAcceptsEncoding(t *testing.T) {
	for _, tt := range []struct {
		header string
		br, gz bool
	}{
		{"gzip, deflate, br, zstd", true, true},
		{"gzip;q=0.5, br;q=0.8", true, true},
		{"br;q=0, gzip", false, true},
		{"gzip; q=0.0", false, false},
		{"GZIP", false, true},
		{"identity", false, false},
		{"", false, false},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Accept-Encoding", tt.header)
		assert.Equal(t, tt.br, acceptsEncoding(r, "br"), "br in %q", tt.header)
		assert.Equal(t, tt.gz, acceptsEncoding(r, "gzip"), "gzip in %q", tt.header)
	}
}

func TestEtagMatch(t *testing.T) {
	assert.True(t, etagMatch(`"abc-br"`, `"abc-br"`))
	assert.True(t, etagMatch(`W/"abc-br"`, `"abc-br"`), "weakened by a proxy")
	assert.True(t, etagMatch(`"x", "abc-br"`, `"abc-br"`), "a list")
	assert.True(t, etagMatch(`*`, `"abc"`))
	assert.False(t, etagMatch(`"abc"`, `"abc-br"`), "another encoding")
	assert.False(t, etagMatch(``, `"abc"`))
}

// TestLimitsDocumented checks README.md states make run's limits.
func TestLimitsDocumented(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	readme := regexp.MustCompile(`\s+`).ReplaceAllString(string(b), " ")
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": DefaultLimits.ReadHeader,
		"ReadTimeout":       DefaultLimits.Read,
		"WriteTimeout":      DefaultLimits.Write,
		"IdleTimeout":       DefaultLimits.Idle,
	} {
		human := fmt.Sprintf("%d s", d/time.Second)
		if d%time.Minute == 0 {
			human = fmt.Sprintf("%d min", d/time.Minute)
		}
		assert.Contains(t, readme, fmt.Sprintf("| `%s` | %s |", name, human), "README's limits")
	}
	assert.Contains(t, readme, fmt.Sprintf("| `MaxHeaderBytes` | %d KB |", DefaultLimits.HeaderSize>>10), "README's limits")
}
