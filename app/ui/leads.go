package ui

import (
	"fmt"
	"strconv"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// leadsPanel is the second article's mini calculator, both ways at r1:
// visitors → leads, and leads wanted → visitors needed. funnel does the
// math; the panel keeps what the user typed.
type leadsPanel struct {
	app.Compo

	R1          funnel.Rate
	Visits      int64 // the scenario's visitors a month: shown while LeadVisits is unset
	LeadVisits  int64 // the scenario's (in the link), -1 when unset
	LeadsWanted int64 // the scenario's (in the link)
	Lang        string
	Cur         string

	visitors, leads       string // text typed by the user, valid or not
	visitorsSet, leadsSet bool   // the user is typing in that box
}

func (p *leadsPanel) Render() app.UI {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	vText, lText := strconv.FormatInt(p.Visits, 10), strconv.FormatInt(p.LeadsWanted, 10)
	if p.LeadVisits >= 0 {
		vText = strconv.FormatInt(p.LeadVisits, 10)
	}
	if p.visitorsSet {
		vText = p.visitors
	}
	if p.leadsSet {
		lText = p.leads
	}

	leads, vErr := leadsFor(vText, p.R1)
	needed, lErr := visitorsFor(lText, p.R1)
	result := func(v int64, err *funnel.FieldError) string {
		if err != nil {
			return t.Unavailable
		}
		return numfmt.Int(n, v)
	}
	errText := func(err *funnel.FieldError) string {
		if err == nil {
			return ""
		}
		return fieldError(t, err, n)
	}

	// The article's example, computed: 3 %, 100 leads.
	const exRate, exLeads, exSaid = funnel.Rate(300), int64(100), int64(3200)
	exNeed, _ := funnel.VisitorsForLeads(exLeads, exRate)
	exGot, _ := funnel.LeadsFromVisitors(exSaid, exRate)
	note := fmt.Sprintf(t.LeadsNote, percent(t, n.Upto(int64(exRate), 2)), numfmt.Int(n, exLeads), numfmt.Int(n, exNeed),
		numfmt.Int(n, exSaid), numfmt.Int(n, exSaid), percent(t, n.Upto(int64(exRate), 2)), numfmt.Int(n, exGot))

	return app.Section().Class("card leads").DataSet("view", viewLeads).Aria("labelledby", "leads-title").Body(
		app.H2().ID("leads-title").Text(t.LeadsTitle),
		app.P().Text(fmt.Sprintf(t.LeadsIntro, percent(t, n.Upto(int64(p.R1), 2)))),
		leadsRow("leads-visitors", t.LeadsVisitors, vText, p.onVisitors, t.LeadsGive,
			"leads-result", result(leads, vErr), t.LeadsUnit, errText(vErr)),
		leadsRow("leads-wanted", t.LeadsWanted, lText, p.onLeads, t.LeadsNeed,
			"leads-visitors-needed", result(needed, lErr), t.LeadsVisitorUnit, errText(lErr)),
		app.P().Class("note").Text(note),
	)
}

// leadsRow is one direction: a labelled box, then the result in a polite
// live region (a <span>: go-app's <output> type alone adds 15 KB of wasm).
func leadsRow(id, label, value string, h app.EventHandler, verb, outID, out, unit, errText string) app.UI {
	return app.Div().Class("leads-row").Body(
		app.Label().For(id).Text(label),
		app.Div().Class("leads-calc").Body(
			app.Input().Type("text").ID(id).DataSet("testid", id).
				Attr("inputmode", "numeric").AutoComplete(false).Spellcheck(false).
				Value(value).Aria("invalid", errText != "").Aria("describedby", id+"-error").
				OnInput(handle(h)),
			app.Span().Class("leads-verb").Text(verb),
			app.Span().Class("leads-out").Aria("live", "polite").Body(
				app.Strong().DataSet("testid", outID).Text(out),
				app.Text(" "+unit),
			),
		),
		app.P().ID(id+"-error").Class("error").Text(errText),
	)
}

// onVisitors and onLeads keep what is typed; a valid count goes to the
// scenario, so that the link reproduces the panel.
func (p *leadsPanel) onVisitors(ctx app.Context, e app.Event) {
	p.visitors, p.visitorsSet = ctx.JSSrc().Get("value").String(), true
	if v, err := funnel.ParseCount(funnel.FieldVisits, p.visitors); err == nil {
		setScenario(ctx, funnel.FieldLeadVisits, strconv.FormatInt(v, 10))
	}
}

func (p *leadsPanel) onLeads(ctx app.Context, e app.Event) {
	p.leads, p.leadsSet = ctx.JSSrc().Get("value").String(), true
	if v, err := funnel.ParseCount(funnel.FieldLeads, p.leads); err == nil {
		setScenario(ctx, funnel.FieldLeads, strconv.FormatInt(v, 10))
	}
}

// leadsFor is the leads text visitors yield at r1.
func leadsFor(text string, r1 funnel.Rate) (int64, *funnel.FieldError) {
	return convert(funnel.FieldVisits, text, r1, funnel.LeadsFromVisitors)
}

// visitorsFor is the visitors the leads text needs at r1.
func visitorsFor(text string, r1 funnel.Rate) (int64, *funnel.FieldError) {
	return convert(funnel.FieldLeads, text, r1, funnel.VisitorsForLeads)
}

// convert reads a count typed as field f and converts it at r1.
func convert(f funnel.Field, text string, r1 funnel.Rate, at func(int64, funnel.Rate) (int64, error)) (int64, *funnel.FieldError) {
	v, err := funnel.ParseCount(f, text)
	if err != nil {
		return 0, fieldErrorOf(err)
	}
	out, err := at(v, r1)
	return out, fieldErrorOf(err)
}
