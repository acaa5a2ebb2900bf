package ui

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageKey holds the last scenario's link query, for the offline PWA.
const storageKey = "embudo.last"

// calculator is the page: it connects the state (state.go) to the browser
// (link, storage, update signal) and renders it.
type calculator struct {
	app.Compo
	state

	ready       bool      // every part is live (data-wasm=ready)
	pre         hydration // the pre-rendered parts not yet live (hydrate.go)
	opened      string    // the link the state was opened from
	update      bool      // a new version is ready
	installable bool      // the browser offers to install the app (install.go)
	controlled  bool      // a service worker served this page

	persist persister // writes the link and storage off the input path
	updates ticker    // asks for a new version while the page is open

	shareStatus string // what the last copy button did
	shareManual string // the text to copy by hand when the clipboard refused
	embedCode   string // the last embed snippet copied
	faulted     bool   // an action failed with a panic (guard.go): a notice says so

	// monthsSc is the scenario the month plan shows. It follows the rest of
	// the page a tick later (save): a slider's numbers land within the
	// input's frame, and the month table, a larger render, once per tick
	// whatever the pace of the drag.
	monthsSc funnel.Scenario
	months   later

	view views // the tools out of view, held back (view.go)
}

// newCalculator starts from the page's own link in the browser, so the
// wasm's first frame already matches the pre-rendered page (the example
// first, then the link, would flash).
func newCalculator() app.Composer {
	c := &calculator{state: newState()}
	if u := pageURL(); u != nil {
		c.openLink(u)
		c.pre = readPrerendered(queryText(c.sc))
		c.ready = len(c.pre.order) == 0
	}
	return c
}

func (c *calculator) OnNav(ctx app.Context) {
	u := ctx.Page().URL().String()
	if u != c.opened {
		c.openLink(ctx.Page().URL())
	} else {
		// The first navigation opens the link newCalculator opened: the
		// mounted page shows it already, rendering again would change
		// nothing but cost the start a full render.
		ctx.PreventUpdate()
	}
	showLang(ctx, c.sc.Lang)
	c.save(ctx)
}

// openLink opens u with, in the browser, the saved scenario and language.
func (c *calculator) openLink(u *url.URL) {
	c.open(u.RawQuery, loadStored(storageKey), browserLang())
	c.opened = u.String()
	if strings.HasSuffix(u.Path, "/embed") {
		c.sc.Embed = true
	}
	c.monthsSc = c.sc
}

// loadScenarioAction opens a saved scenario (its link query as the value)
// in place, like opening its link.
const loadScenarioAction = "embudo:load"

// setScenarioAction sets one field of the scenario from a tool of its own
// (the sensitivity step, traffic ↔ leads): the value is "field=text".
const setScenarioAction = "embudo:set"

func setScenario(ctx app.Context, f funnel.Field, text string) {
	ctx.NewActionWithValue(setScenarioAction, url.Values{string(f): {text}}.Encode())
}

func (c *calculator) OnMount(ctx app.Context) {
	onFault(func() {
		ctx.Dispatch(guard(func(app.Context) { c.faulted = true }))
	})
	ctx.Handle(loadScenarioAction, handleAction(func(ctx app.Context, a app.Action) {
		c.open(fmt.Sprint(a.Value), "", c.sc.Lang)
		c.save(ctx)
	}))
	ctx.Handle(setScenarioAction, handleAction(func(ctx app.Context, a app.Action) {
		q, _ := url.ParseQuery(fmt.Sprint(a.Value))
		for f, v := range q {
			if c.set(funnel.Field(f), v[0]) {
				c.save(ctx)
			}
		}
	}))
	c.controlled = servedByWorker()
	c.update = c.controlled && ctx.AppUpdateAvailable()
	c.installable = installOffered(ctx)
	if !c.update && !c.installable {
		ctx.PreventUpdate() // nothing to show: the mounted page is current
	}
	c.startHydration(ctx)
	c.startViews(ctx)
	// The browser checks for a new worker on each navigation; a page left
	// open asks every half hour (go-app v10 no longer polls). Offline the
	// check would only fail, loudly: skip it.
	c.updates.start(updateEvery, func() {
		if online() {
			app.TryUpdate()
		}
	})
}

// updateEvery is how often a page left open asks for a new version.
const updateEvery = 30 * time.Minute

// OnDismount lets go of what the page handed the browser: the update
// check, the pending write and the takeover's callbacks.
func (c *calculator) OnDismount() {
	onFault(nil)
	c.updates.halt()
	c.persist.release()
	c.months.release()
	c.endHydration()
	c.stopViews()
}

// OnAppUpdate shows the reload notice. go-app also signals the first
// install (the worker claims the page), which is no update: only a page
// that an older worker served can be stale.
func (c *calculator) OnAppUpdate(ctx app.Context) {
	update := c.controlled && ctx.AppUpdateAvailable()
	if update == c.update {
		ctx.PreventUpdate() // the first install claims the page: no update
	}
	c.update = update
}

// save writes the scenario to the address bar and localStorage (soon after
// the frame, see persister).
func (c *calculator) save(ctx app.Context) {
	ctx.Defer(guard(func(app.Context) { syncSliders() }))
	c.months.run(ctx, func() { c.monthsSc = c.sc })
	query := queryText(c.sc)
	if c.pre.query != "" && c.pre.query != query {
		// The pre-rendered parts show another scenario now: all live,
		// for good (back to the first scenario would not revive them).
		c.pre.drop()
	}
	stored := c.sc
	stored.Embed = false
	c.persist.schedule(query, queryText(stored))
}

func (c *calculator) texts() *text.Catalog { return text.For(c.sc.Lang) }

// numbers is the formatter for the scenario's language and currency.
func (c *calculator) numbers() numfmt.Formatter { return formatFor(c.sc.Lang, c.sc.Cur) }
