package precompress_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"embudo.app/app/internal/precompress"
	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		gz, err := gzip.NewReader(bytes.NewReader(b))
		require.NoError(t, err)
		r = gz
	}
	out, err := io.ReadAll(r)
	require.NoError(t, err)
	return out
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	text := []byte(strings.Repeat("the numbers follow the thumb; ", 200))
	files := map[string][]byte{
		"app.js":       text,
		"sub/site.css": text,
		"tiny.svg":     []byte("<svg/>"),   // compressed would not be smaller
		"icon.png":     []byte("not text"), // not compressible
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
	require.NoError(t, precompress.Dir(dir))

	for _, name := range []string{"app.js", "sub/site.css"} {
		for _, enc := range precompress.Encodings {
			p := filepath.Join(dir, name+enc.Ext)
			b, err := os.ReadFile(p)
			require.NoError(t, err, "%s%s", name, enc.Ext)
			assert.Less(t, len(b), len(text))
			assert.Equal(t, text, decode(t, enc.Name, b), "%s%s decodes to the file", name, enc.Ext)
			orig, _ := os.Stat(filepath.Join(dir, name))
			sib, _ := os.Stat(p)
			assert.True(t, sib.ModTime().Equal(orig.ModTime()), "%s%s carries its file's time", name, enc.Ext)
		}
	}
	for _, name := range []string{"tiny.svg.br", "tiny.svg.gz", "icon.png.br", "icon.png.gz"} {
		assert.NoFileExists(t, filepath.Join(dir, name))
	}

	// A changed file gets new siblings; unchanged ones are left alone.
	js := filepath.Join(dir, "app.js")
	changed := append(bytes.Clone(text), "more"...)
	require.NoError(t, os.WriteFile(js, changed, 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(js, later, later))
	before, _ := os.Stat(filepath.Join(dir, "sub/site.css.br"))
	require.NoError(t, precompress.Dir(dir))
	b, err := os.ReadFile(js + ".br")
	require.NoError(t, err)
	assert.Equal(t, changed, decode(t, "br", b))
	after, _ := os.Stat(filepath.Join(dir, "sub/site.css.br"))
	assert.Equal(t, before.ModTime(), after.ModTime())
}

func TestCompressible(t *testing.T) {
	for name, want := range map[string]bool{
		"app.wasm": true, "a.JS": true, "x.css": true, "index.html": true, "i.svg": true,
		"manifest.webmanifest": true, "robots.txt": true, "icon.png": false, "app.wasm.br": false,
	} {
		assert.Equal(t, want, precompress.Compressible(name), name)
	}
}

// TestEncodeWindow checks brotli's window, sized to each input, at and
// around its boundaries: every size decodes to its input, a repeat as far
// back as the input allows is still found (the output no larger than with
// the largest window), and a small input costs little memory.
func TestEncodeWindow(t *testing.T) {
	br := precompress.Encodings[0]
	require.Equal(t, "br", br.Name)
	rnd := func(n int, seed uint32) []byte {
		b := make([]byte, n)
		for i := range b {
			seed = seed*1664525 + 1013904223
			b[i] = byte(seed >> 24)
		}
		return b
	}
	for _, n := range []int{0, 1, 1<<10 - 16, 1<<10 - 15, 1<<16 - 16, 1<<16 - 15, 1<<16 + 1000} {
		// Random bytes, then the same again: only a window reaching the
		// first half finds the second.
		half := rnd(n/2, uint32(n))
		b := append(bytes.Clone(half), half...)
		c := precompress.Encode(br, b)
		assert.Equal(t, b, decode(t, "br", c), "%d bytes", len(b))
		var ref bytes.Buffer
		w := brotli.NewWriterOptions(&ref, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
		w.Write(b)
		w.Close()
		assert.LessOrEqual(t, len(c), ref.Len()+8, "%d bytes: output against a 16 MB window", len(b))
	}

	text := []byte(strings.Repeat("the numbers follow the thumb; ", 700)) // 21 KB, like app.js
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	precompress.Encode(br, text)
	runtime.ReadMemStats(&after)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(8<<20), "bytes allocated to compress 21 KB (128 MB with a 16 MB window)")
}
