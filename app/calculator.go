package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageKey holds the last scenario's link query, for the offline PWA.
const storageKey = "embudo.last"

// calculator is the page: it connects the state (state.go) to the browser
// (link, storage, update signal) and renders it.
type calculator struct {
	app.Compo
	state

	ready      bool // the wasm has mounted
	update     bool // a new version is ready
	controlled bool // a service worker served this page

	shareStatus string // "copied" after a copy button
	embedCode   string // the last embed snippet copied

	numbersFmt numberFormat
	numbersKey string
}

func newCalculator() app.Composer { return &calculator{state: newState()} }

func (c *calculator) OnNav(ctx app.Context) {
	var saved, lang string
	if app.IsClient {
		ctx.LocalStorage().Get(storageKey, &saved)
		lang = browserLang()
	}
	c.open(ctx.Page().URL().Query(), saved, lang)
	ctx.Page().SetLang(c.sc.Lang)
	ctx.Page().SetTitle(pageTitle(c.sc.Lang))
	c.save(ctx)
}

func (c *calculator) OnMount(ctx app.Context) {
	c.ready = true
	c.controlled = servedByWorker()
	c.update = c.controlled && ctx.AppUpdateAvailable()
	// go-app v10 no longer polls for updates: ask now and every half hour.
	app.TryUpdate()
	ctx.Async(func() {
		for range time.Tick(30 * time.Minute) {
			app.TryUpdate()
		}
	})
}

// OnAppUpdate shows the reload notice. go-app also signals the first
// install (the worker claims the page), which is no update: only a page
// that an older worker served can be stale.
func (c *calculator) OnAppUpdate(ctx app.Context) {
	c.update = c.controlled && ctx.AppUpdateAvailable()
}

// servedByWorker tells whether a service worker answered this page's
// navigation.
func servedByWorker() bool {
	nav := app.Window().Get("performance").Call("getEntriesByType", "navigation")
	return nav.Length() > 0 && nav.Index(0).Get("workerStart").Float() > 0
}

// save writes the scenario to the address bar and localStorage.
func (c *calculator) save(ctx app.Context) {
	if !app.IsClient {
		return
	}
	u := *ctx.Page().URL()
	u.RawQuery = c.sc.Query().Encode()
	ctx.Page().ReplaceURL(&u)
	stored := c.sc
	stored.Embed = false
	ctx.LocalStorage().Set(storageKey, stored.Query().Encode())
}

func pageTitle(lang string) string {
	if lang == "es" {
		return "Embudo: calculadora del SLA de smarketing"
	}
	return "Embudo: smarketing SLA calculator"
}

func (c *calculator) texts() *texts { return textsFor(c.sc.Lang) }

// numbers returns the formatter for the scenario's language and currency,
// built once per change of either.
func (c *calculator) numbers() numberFormat {
	if key := c.sc.Lang + c.sc.Cur; key != c.numbersKey || c.numbersFmt == nil {
		c.numbersFmt, c.numbersKey = newNumberFormat(c.sc.Lang, c.sc.Cur), key
	}
	return c.numbersFmt
}

// browserLang is Spanish for a Spanish browser, else English.
func browserLang() string {
	l := app.Window().Get("navigator").Get("language").String()
	if len(l) >= 2 && (l[:2] == "es" || l[:2] == "ES") {
		return "es"
	}
	return "en"
}
