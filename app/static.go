//go:build !wasm

package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generateStatic writes the pre-rendered site into dir, served at prefix
// ("" for a domain's root, "/embudo" for GitHub Pages' project sites), and
// copies the assets go-app leaves out (app.wasm with its .br and .gz).
func generateStatic(dir, web, prefix string) error {
	h, err := newHandler(web, prefix)
	if err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.webmanifest"), manifestJSON(h, prefix), 0o644); err != nil {
		return err
	}
	return copyDir(web, filepath.Join(dir, "web"))
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
		return out.Close()
	})
}
