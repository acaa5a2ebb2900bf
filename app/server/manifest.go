package server

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"embudo.app/app/text"
	"embudo.app/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// manifestJSON is the web app manifest in a language of the registry
// (ui.ManifestFile names its file): the name, short name and description
// the browser shows when it offers to install the app and once it is
// installed. Every language's manifest describes the same app (one id,
// start URL and scope): the installed app opens the last scenario, in its
// language. go-app writes one manifest, in one language, with the scope
// fixed at "/" and the start URL without a trailing slash, which leaves an
// installed sub-path site (/embudo/) outside its worker's scope and unable
// to start offline; these are served and exported instead.
func manifestJSON(h *app.Handler, prefix, lang string) []byte {
	l := text.Of(lang)
	root := strings.TrimRight(prefix, "/") + "/"
	type icon struct {
		Src     string `json:"src"`
		Type    string `json:"type"`
		Sizes   string `json:"sizes"`
		Purpose string `json:"purpose"`
	}
	// Versioned like every /web/ URL the pages write (versionedResources):
	// static hosts cache /web/ for a year.
	web := func(p string) string { return root + strings.TrimPrefix(p, "/") + "?v=" + h.Version }
	m := struct {
		ID              string   `json:"id"`
		Name            string   `json:"name"`
		ShortName       string   `json:"short_name"`
		Description     string   `json:"description"`
		Lang            string   `json:"lang"`
		StartURL        string   `json:"start_url"`
		Scope           string   `json:"scope"`
		Display         string   `json:"display"`
		BackgroundColor string   `json:"background_color"`
		ThemeColor      string   `json:"theme_color"`
		Categories      []string `json:"categories"`
		Icons           []icon   `json:"icons"`
	}{
		ID: root, Lang: l.Code,
		Name: l.Catalog.PageTitle, ShortName: l.Catalog.AppShortName, Description: l.Catalog.AppDescription,
		StartURL: root, Scope: root, Display: "standalone",
		BackgroundColor: h.BackgroundColor, ThemeColor: h.ThemeColor,
		Categories: []string{"business", "productivity"},
		Icons: []icon{
			{web(h.Icon.Default), "image/png", "192x192", "any"},
			{web(h.Icon.Large), "image/png", "512x512", "any"},
			{web(h.Icon.Maskable), "image/png", "512x512", "maskable"},
			{web(h.Icon.SVG), "image/svg+xml", "any", "any"},
		},
	}
	b, _ := json.Marshal(m)
	return b
}

// manifests are the site's manifests, by file name: one per language, the
// fallback's under go-app's name.
func manifests(h *app.Handler, prefix string) map[string][]byte {
	files := map[string][]byte{}
	for _, code := range text.Codes() {
		files[ui.ManifestFile(code)] = manifestJSON(h, prefix, code)
	}
	return files
}

var (
	// pageLang is the language a page is rendered in: go-app writes the
	// one OnNav chose (the link's lang, else the browser's, else the
	// fallback) as <html lang>.
	pageLang = regexp.MustCompile(`<html\b[^>]*\blang="([^"]*)"`)
	// linkTag is a <link> of the page's head; go-app writes its attributes
	// in map order.
	linkTag = regexp.MustCompile(`<link\b[^>]*>`)
)

// linkPageManifest points the manifest link of a page go-app rendered
// (which names go-app's one manifest) at the manifest of the page's
// language.
func linkPageManifest(page []byte) []byte {
	lang := text.Fallback
	if m := pageLang.FindSubmatch(page); m != nil {
		lang = string(m[1])
	}
	file := []byte(`/` + ui.ManifestFile(lang) + `"`)
	head, rest := page, []byte(nil)
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		head, rest = page[:i], page[i:]
	}
	head = linkTag.ReplaceAllFunc(head, func(tag []byte) []byte {
		if !bytes.Contains(tag, []byte(`rel="manifest"`)) {
			return tag
		}
		return bytes.Replace(tag, []byte(`/manifest.webmanifest"`), file, 1)
	})
	return append(head[:len(head):len(head)], rest...)
}
