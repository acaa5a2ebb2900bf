// Package precompress makes the brotli and gzip forms of the app's files
// once, when the site is built or the server starts, so that no request
// ever waits for a compressor.
package precompress

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Encoding is a Content-Encoding and the suffix of its sibling file.
type Encoding struct{ Name, Ext string }

// Encodings, best first.
var Encodings = []Encoding{{"br", ".br"}, {"gzip", ".gz"}}

// compressible are the extensions worth compressing: text and wasm, not
// images that are compressed already.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true, ".svg": true,
	".json": true, ".webmanifest": true, ".txt": true, ".xml": true,
}

// Compressible reports whether a file of this name is worth compressing.
func Compressible(name string) bool {
	return compressible[strings.ToLower(filepath.Ext(name))]
}

// Encode returns b compressed with the encoding.
func Encode(enc Encoding, b []byte) []byte {
	var out bytes.Buffer
	switch enc.Name {
	case "br":
		w := brotli.NewWriterOptions(&out, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: brotliWindow(len(b))})
		w.Write(b)
		w.Close()
	case "gzip":
		w, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
		w.Write(b)
		w.Close()
	default:
		panic("precompress: unknown encoding " + enc.Name)
	}
	return out.Bytes()
}

// brotliWindow is the log2 of the smallest brotli window that holds n
// bytes (a window is 16 bytes short of its power of two), from 10 to 24.
// A larger window finds nothing more in a smaller input, but quality 11's
// match finder allocates for the whole window: 128 MB at 24, 512 KB at
// 16. The server compresses its generated files at start; with a 16 MB
// window for each, that was 900 MB allocated and 280 MB of RSS kept.
func brotliWindow(n int) int {
	w := 10
	for w < 24 && 1<<w-16 < n {
		w++
	}
	return w
}

// Dir writes a .br and a .gz sibling beside every compressible file under
// dir, unless the sibling is already newer than its file. A sibling that
// would not be smaller than its file is not written (and a stale one is
// removed), so servers fall back to the file itself.
func Dir(dir string) error {
	var files []string
	size := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !Compressible(p) {
			return err
		}
		info, err := d.Info()
		if err == nil {
			files = append(files, p)
			size[p] = info.Size()
		}
		return err
	})
	if err != nil {
		return err
	}
	type job struct {
		file string
		enc  Encoding
	}
	jobs := make(chan job)
	errs := make(chan error, len(files)*len(Encodings))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				errs <- sibling(j.file, j.enc)
			}
		}()
	}
	// The largest files first, so that the wasm's brotli starts at once.
	slices.SortFunc(files, func(a, b string) int { return cmp.Compare(size[b], size[a]) })
	for _, f := range files {
		for _, enc := range Encodings {
			jobs <- job{f, enc}
		}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

func sibling(file string, enc Encoding) error {
	orig, err := os.Stat(file)
	if err != nil {
		return err
	}
	out := file + enc.Ext
	if s, err := os.Stat(out); err == nil && !s.ModTime().Before(orig.ModTime()) {
		return nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	c := Encode(enc, b)
	if len(c) >= len(b) {
		if err := os.Remove(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.WriteFile(out, c, 0o644); err != nil {
		return err
	}
	// The sibling carries its file's time: servers that compare the two
	// (and Dir itself, next time) see it is current.
	return os.Chtimes(out, orig.ModTime(), orig.ModTime())
}
