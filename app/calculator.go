package main

import (
	"net/url"
	"time"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageKey holds the last scenario's link query, for the offline PWA.
const storageKey = "embudo.last"

// calculator is the page: it owns the scenario, asks the funnel for every
// number and hands formatted text to the parts that show them.
type calculator struct {
	app.Compo

	sc         funnel.Scenario
	result     results
	edits      map[funnel.Field]string             // raw text of number fields being typed
	errs       map[funnel.Field]*funnel.FieldError // input errors shown next to fields
	notices    []*funnel.FieldError                // ignored link parameters
	stale      bool                                // saved scenario unreadable
	ready      bool                                // the wasm has mounted
	update     bool                                // a new version is ready
	controlled bool                                // a service worker served this page

	shareStatus string // "copied" after a copy button
	embedCode   string // the last embed snippet copied

	numbersFmt numberFormat
	numbersKey string
}

// results is everything computed from the last valid scenario.
type results struct {
	plan     funnel.Plan
	forecast funnel.Forecast
	sens     funnel.Sensitivity
}

func newCalculator() app.Composer {
	c := &calculator{edits: map[funnel.Field]string{}, errs: map[funnel.Field]*funnel.FieldError{}}
	sc := funnel.DefaultScenario()
	sc.Lang = "en"
	c.compute(sc)
	return c
}

func (c *calculator) OnNav(ctx app.Context) {
	u := *ctx.Page().URL()
	q := u.Query()
	c.sc, c.notices = funnel.ParseQuery(q)
	c.edits = map[funnel.Field]string{}
	c.errs = map[funnel.Field]*funnel.FieldError{}
	if app.IsClient {
		if !hasScenario(q) {
			c.loadSaved(ctx)
		}
		if c.sc.Lang == "" {
			c.sc.Lang = browserLang()
		}
	}
	if c.sc.Lang == "" {
		c.sc.Lang = "en"
	}
	if err := c.compute(c.sc); err != nil {
		// The link is valid field by field but too large together: keep
		// the example and say why.
		c.notices = append(c.notices, err)
		def := funnel.DefaultScenario()
		def.Lang, def.Cur, def.Embed, def.Mode = c.sc.Lang, c.sc.Cur, c.sc.Embed, c.sc.Mode
		c.sc = def
		c.compute(c.sc)
	}
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

// hasScenario tells a link that sets at least one input from a bare one
// (a bare link, or one with only lang, cur or embed, reopens the saved
// scenario).
func hasScenario(q url.Values) bool {
	for k := range q {
		switch funnel.Field(k) {
		case funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed:
		default:
			return true
		}
	}
	return false
}

// loadSaved applies the last scenario from localStorage; anything
// unreadable falls back to the example.
func (c *calculator) loadSaved(ctx app.Context) {
	var raw string
	if err := ctx.LocalStorage().Get(storageKey, &raw); err != nil || raw == "" {
		return
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		c.stale = true
		return
	}
	saved, errs := funnel.ParseQuery(q)
	if len(errs) > 0 {
		c.stale = true
		return
	}
	if _, err := funnel.ComputePlan(saved.Inputs); err != nil {
		c.stale = true
		return
	}
	// The link's own lang, cur and embed win over the saved ones.
	link, _ := funnel.ParseQuery(ctx.Page().URL().Query())
	if link.Lang != "" {
		saved.Lang = link.Lang
	}
	if ctx.Page().URL().Query().Has("cur") {
		saved.Cur = link.Cur
	}
	saved.Embed = link.Embed
	c.sc = saved
}

// compute recomputes every result for sc; on error nothing changes.
func (c *calculator) compute(sc funnel.Scenario) *funnel.FieldError {
	plan, err := funnel.ComputePlan(sc.Inputs)
	if err != nil {
		return err
	}
	forecast, err := funnel.ComputeForecast(sc.Inputs)
	if err != nil {
		return err
	}
	sens, err := funnel.ComputeSensitivity(sc.Inputs, sc.Mode, sensitivityStep)
	if err != nil {
		return err
	}
	c.sc = sc
	c.result = results{plan: plan, forecast: forecast, sens: sens}
	return nil
}

// sensitivityStep is +1 percentage point.
const sensitivityStep funnel.Rate = 100

// set applies one input's text: valid text recomputes everything, invalid
// text shows an error beside the field and keeps the last valid results.
func (c *calculator) set(ctx app.Context, f funnel.Field, text string) {
	next := c.sc
	if err := next.Set(f, text); err != nil {
		c.errs[f] = err
		return
	}
	if err := c.compute(next); err != nil {
		c.errs[f] = err
		return
	}
	delete(c.errs, f)
	c.save(ctx)
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
