package server

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"embudo.app/app/internal/precompress"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// GenerateStatic writes the pre-rendered site into dir, served at prefix
// ("" for a domain's root, "/embudo" for GitHub Pages' project sites):
// go-app's pages and scripts, our manifests (one per language), web/ and
// robots.txt, the _headers cache policy, and a .br and .gz sibling of
// every compressible file.
func GenerateStatic(dir, web, prefix string) error {
	h, err := newHandler(web, prefix)
	if err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return err
	}
	appJS := filepath.Join(dir, "app.js")
	b, err := os.ReadFile(appJS)
	if err != nil {
		return err
	}
	if b, err = streamingAppJS(b); err != nil {
		return err
	}
	if err := os.WriteFile(appJS, b, 0o644); err != nil {
		return err
	}
	for name, body := range manifests(h, prefix) {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			return err
		}
	}
	// Each page links the manifest of its language, and sends the parts
	// under its first screen later (finishPage).
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, finishPage(b), 0o644); err != nil {
			return err
		}
	}
	if err := copyDir(web, filepath.Join(dir, "web")); err != nil {
		return err
	}
	for name := range rootFiles {
		if b, err := os.ReadFile(filepath.Join(web, name)); err == nil {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				return err
			}
		}
	}
	headers, err := staticHeaders(dir, prefix)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "_headers"), []byte(headers), 0o644); err != nil {
		return err
	}
	return precompress.Dir(dir)
}

// staticHeaders is the site's cache policy (README, Caching) in the
// _headers format of Netlify and Cloudflare Pages: /web/ files are linked
// by versioned URLs, cached for a year; the files at the root (pages,
// go-app's scripts, the worker, the manifest) keep their URLs across
// versions and are revalidated. Rules that match one path are merged by
// those hosts, so the root files are listed one by one.
func staticHeaders(dir, prefix string) (string, error) {
	root := strings.TrimRight(prefix, "/")
	var b strings.Builder
	b.WriteString(root + "/web/*\n  Cache-Control: public, max-age=31536000, immutable\n")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "_") {
			continue
		}
		paths := []string{root + "/" + name}
		if page, ok := strings.CutSuffix(name, ".html"); ok {
			paths = append(paths, strings.TrimSuffix(root+"/"+page, "index"))
		}
		for _, p := range paths {
			b.WriteString(p + "\n  Cache-Control: no-cache\n")
		}
	}
	return b.String(), nil
}

func copyDir(from, to string) error {
	return filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		// Keep the times: a copied .br must not look older than its file.
		return os.Chtimes(dst, info.ModTime(), info.ModTime())
	})
}
