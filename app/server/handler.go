package server

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"embudo.app/app/text"
	"embudo.app/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// policy allows only what the app needs: its own files, the wasm compiler,
// data: images and the page's own style (named by its hash, styleHash).
// frame-ancestors is sent as a header only (browsers ignore it in a meta
// tag): any site may embed the calculator.
func policy(styleHash string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' '" + styleHash + "'; " +
		"img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'none'"
}

// pageStyles are the app's stylesheets in web. Each page has them in its
// head, in a <style> (pageStyle): a stylesheet the page links is a request
// its first paint waits for, and that wait was most of the first paint.
var pageStyles = []string{"embudo.css", "whatif.css"}

// pageStyle is the <style> element of every page, and the hash the
// policy allows it by.
func pageStyle(web string) (style, hash string, err error) {
	var css []byte
	for _, name := range pageStyles {
		b, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			return "", "", err
		}
		css = append(css, b...)
	}
	sum := sha256.Sum256(css)
	return "<style>" + string(css) + "</style>", "sha256-" + base64.StdEncoding.EncodeToString(sum[:]), nil
}

const themeColor = "#0f5c8c"

// newHandler configures go-app for the assets in web (prefix: the URL path
// of a sub-path static site, "" at the root).
func newHandler(web, prefix string) (*app.Handler, error) {
	ui.Routes() // the pages it pre-renders
	version, wasmSize, err := assetsVersion(web)
	if err != nil {
		return nil, err
	}
	style, styleHash, err := pageStyle(web)
	if err != nil {
		return nil, err
	}
	resources := app.LocalDir("")
	if prefix = strings.TrimRight(prefix, "/"); prefix != "" {
		resources = app.PrefixedLocation(prefix)
	}
	resources = versionedResources{resources, version}
	t := text.For(text.Fallback)
	cacheable := []string{"/web/icon.svg", "/web/embudo-compile.js"}
	for _, code := range text.Codes() {
		cacheable = append(cacheable, "/"+ui.ManifestFile(code))
	}
	return &app.Handler{
		Name:            t.PageTitle,
		ShortName:       t.AppShortName,
		Title:           t.PageTitle,
		Description:     t.AppDescription,
		Lang:            text.Fallback,
		Icon:            app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", Maskable: "/web/icon-maskable-512.png", SVG: "/web/icon.svg"},
		ThemeColor:      themeColor,
		BackgroundColor: "#ffffff",
		LoadingLabel:    "{progress}%",
		Scripts:         []string{"/web/embudo.js defer"},
		// go-app precaches the PNG icons, not the SVG one the page links, nor
		// the worker that compiles app.wasm (app.js), nor the manifests of
		// the languages but the fallback's (manifest.go).
		CacheableResources: cacheable,
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + policy(styleHash) + `">`,
			`<meta name="color-scheme" content="light dark">`,
			style, // go-app's own /app.css link goes (finishPage)
		},
		Resources:             resources,
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
		ServiceWorkerTemplate: workerJS,
	}, nil
}

// versionedResources stamps every /web/ URL the server writes (page,
// app.js, worker) with the version: a new build has new URLs, so assets can
// be cached for a year (serveStatic) and the worker never precaches a stale
// copy from the browser's cache.
type versionedResources struct {
	app.ResourceResolver
	version string
}

func (r versionedResources) Resolve(location string) string {
	u := r.ResourceResolver.Resolve(location)
	if strings.HasPrefix(location, "/web/") {
		return u + "?v=" + r.version
	}
	return u
}

// assetsVersion hashes every asset, so a new build is a new version and an
// unchanged one is not (go-app's default changes on every restart).
func assetsVersion(web string) (string, int64, error) {
	info, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		return "", 0, err
	}
	var files []string
	err = filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".br") && !strings.HasSuffix(p, ".gz") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return "", 0, err
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", 0, err
		}
		h.Write([]byte(filepath.ToSlash(f)))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], info.Size(), nil
}
