package server

import (
	"encoding/json"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// manifestJSON is the web app manifest. go-app writes its own with the
// scope fixed at "/" and the start URL without a trailing slash, which
// leaves an installed sub-path site (/embudo/) outside its worker's scope
// and unable to start offline; this one is served and exported instead.
func manifestJSON(h *app.Handler, prefix string) []byte {
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
		ID: root, Name: h.Name, ShortName: h.ShortName, Description: h.Description, Lang: h.Lang,
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
