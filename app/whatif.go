package main

import (
	"sync"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The what-if tools are components of their own: each keeps its UI state
// (the sensitivity step, the saved scenarios, the export status) in
// unexported fields, and takes from the calculator only exported props, so
// it re-renders only when those change.

// renderAnalysis adds the what-if analysis under the results (sensitivity,
// export).
func (c *calculator) renderAnalysis() []app.UI {
	ui := []app.UI{&sensitivityPanel{
		Inputs: c.sc.Inputs, Mode: c.sc.Mode, Lang: c.sc.Lang, Cur: c.sc.Cur, Sens: c.result.sens,
	}}
	if !c.sc.Embed {
		ui = append(ui, &exportPanel{
			Inputs: c.sc.Inputs, Mode: c.sc.Mode, Plan: c.result.plan, Forecast: c.result.forecast,
			Lang: c.sc.Lang, Cur: c.sc.Cur,
			Query: scenarioQuery(c.sc),
		})
	}
	return ui
}

// renderTools adds the full-width tools under the calculator (scenarios and
// comparison, traffic and leads, the lead qualification guide).
func (c *calculator) renderTools() []app.UI {
	return []app.UI{
		&scenariosPanel{Query: scenarioQuery(c.sc), Lang: c.sc.Lang, Cur: c.sc.Cur},
		app.Div().Class("tools-pair").Body(
			&leadsPanel{R1: c.sc.Rates[0], Visits: c.sc.Visits, Lang: c.sc.Lang, Cur: c.sc.Cur},
			&guidePanel{Lang: c.sc.Lang, Cur: c.sc.Cur},
		),
	}
}

// scenarioQuery is a scenario's link query without the language and the
// embed flag: what a saved scenario keeps, and what links add the reader's
// language to.
func scenarioQuery(sc funnel.Scenario) string {
	sc.Lang, sc.Embed = "", false
	return sc.Query().Encode()
}

// formatFor returns the shared number formatter of a language and currency
// (building one calls Intl.NumberFormat seven times in the browser). The
// server pre-renders pages concurrently, hence the lock.
func formatFor(lang, cur string) numberFormat {
	key := lang + "|" + cur
	formatsMu.Lock()
	defer formatsMu.Unlock()
	f, ok := formats[key]
	if !ok {
		f = newNumberFormat(lang, cur)
		formats[key] = f
	}
	return f
}

var (
	formatsMu sync.Mutex
	formats   = map[string]numberFormat{}
)

// signed puts the sign of v before the formatted magnitude: "+1,600",
// "−400" (a true minus sign), "0".
func signed(magnitude string, v int64) string {
	switch {
	case v > 0:
		return "+" + magnitude
	case v < 0:
		return "\u2212" + magnitude
	}
	return magnitude
}

func absInt(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// deltaCount formats a change in a count of people or reps.
func deltaCount(n numberFormat, v int64) string { return signed(Int(n, absInt(v)), v) }

// deltaMoney formats a change in money.
func deltaMoney(n numberFormat, v funnel.Money) string {
	return signed(n.Money(funnel.Money(absInt(int64(v)))), int64(v))
}
