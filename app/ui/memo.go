package ui

import (
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// memo is a part of the page as a component of its own. go-app renders a
// child component again only when one of its exported fields changed
// (reflect.DeepEqual), so a slider move redraws the parts whose Key it
// changes and skips the rest: moving r1 leaves the header, the other input
// groups, the SLA and the team untouched.
//
// Key must hold everything render reads; render reads the calculator's
// current state (never values captured when the memo was made: on an
// update go-app keeps the memo it mounted first, render included).
type memo struct {
	app.Compo
	Key    any
	id     string
	render func() app.UI
}

func newMemo(id string, key any, render func() app.UI) app.UI {
	return &memo{Key: key, id: id, render: render}
}

func (m *memo) Render() app.UI { return m.render() }

// CompoID makes a memo for another part (a plan card where a forecast card
// was) a new component rather than an update of the old one.
func (m *memo) CompoID() string { return m.id }

// The keys: what each part shows.
type (
	localeKey struct{ Lang, Cur string }

	headerKey struct {
		localeKey
		Mode    funnel.Mode
		Embed   bool
		Install bool // the browser offers to install the app
	}

	slaKey struct {
		localeKey
		Embed              bool
		Goal, Ticket       funnel.Money
		Cap, Calls, Emails int64
		Customers          int64
		MQLs               funnel.Per
		team
		Activity funnel.Activity
		Short    funnel.Shortfall
	}

	team struct {
		Reps          int64
		FTE           funnel.Hundredths
		Load, SQLLoad funnel.Tenths
		SQLs          int64 // a year: the real load reads "< 0.1" only when some
		Short         funnel.Shortfall
	}

	stagesKey struct {
		localeKey
		Stages [funnel.NumStages]funnel.Per
	}

	teamKey struct {
		localeKey
		team
	}

	keyFigures struct {
		localeKey
		Mode           funnel.Mode
		MQLs, Visitors funnel.Per
		Reps           int64
		Customers      funnel.Tenths
		Revenue        funnel.Money
		Bottleneck     funnel.Bottleneck
	}

	forecastKey struct {
		localeKey
		Embed    bool
		Forecast funnel.Forecast
		Goal     funnel.Money
		Range    funnel.Range // with past counts only (HasRange)
		HasRange bool
	}

	// controlKey is one input's text, what is being typed over it and its
	// error.
	controlKey struct {
		Text, Edit string
		Editing    bool
		Err        funnel.FieldError
	}

	localControlKey struct {
		localeKey
		controlKey
	}

	groupKey struct {
		localeKey
		Controls []controlKey
	}

	shareKey struct {
		Lang, Status, Code string
	}
)

func (c *calculator) localeKey() localeKey { return localeKey{c.sc.Lang, c.sc.Cur} }

func (c *calculator) team() team {
	p := c.result.plan
	k := team{Reps: p.Reps, FTE: p.FTE, Load: p.Load, SQLLoad: p.SQLLoad, SQLs: p.Stages[funnel.SQLs].Year}
	if p.Short != nil {
		k.Short = *p.Short
	}
	return k
}

// slaKey is what the SLA card says: not the visitors or leads, so moving
// r1 or r2 leaves it be.
func (c *calculator) slaKey() slaKey {
	in, p := c.sc.Inputs, c.result.plan
	k := slaKey{localeKey: c.localeKey(), Embed: c.sc.Embed, Goal: in.Goal, Ticket: in.Ticket, Cap: in.Cap, Calls: in.Calls,
		Emails: in.Emails, Customers: p.Stages[funnel.Customers].Year, MQLs: p.Stages[funnel.MQLs],
		team: c.team(), Activity: p.Activity}
	if p.Short != nil {
		k.Short = *p.Short
	}
	return k
}

func (c *calculator) stagesKey() stagesKey { return stagesKey{c.localeKey(), c.result.plan.Stages} }

func (c *calculator) teamKey() teamKey { return teamKey{c.localeKey(), c.team()} }

func (c *calculator) keyFigures() keyFigures {
	p, f := c.result.plan, c.result.forecast
	return keyFigures{c.localeKey(), c.sc.Mode, p.Stages[funnel.MQLs], p.Stages[funnel.Visitors], p.Reps,
		f.Customers, f.Revenue, f.Bottleneck}
}

func (c *calculator) forecastKey() forecastKey {
	k := forecastKey{localeKey: c.localeKey(), Embed: c.sc.Embed, Forecast: c.result.forecast, Goal: c.sc.Goal}
	if c.result.spread != nil {
		k.Range, k.HasRange = *c.result.spread, true
	}
	return k
}

func (c *calculator) groupKey(ks []control) groupKey {
	k := groupKey{localeKey: c.localeKey(), Controls: make([]controlKey, len(ks))}
	for i, ctl := range ks {
		k.Controls[i] = c.controlKey(ctl)
	}
	return k
}

// controlKey is what one control shows: with the locale, its memo's key,
// so that moving a slider redraws that control alone in its group.
func (c *calculator) controlKey(ctl control) controlKey {
	edit, editing := c.edits[ctl.field]
	k := controlKey{Text: c.sc.Text(ctl.field), Edit: edit, Editing: editing}
	if err := c.errs[ctl.field]; err != nil {
		k.Err = *err
	}
	return k
}
