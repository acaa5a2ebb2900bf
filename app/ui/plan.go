package ui

import (
	"fmt"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderSLA shows the two commitments in plain words (the same sentences
// the export copies and prints).
func (c *calculator) renderSLA() app.UI {
	t, n, p := c.texts(), c.numbers(), c.result.plan
	s := slaSentences(t, n, p, c.sc.Inputs)
	return app.Section().Class("card sla").Aria("labelledby", "sla-title").Body(
		app.H2().ID("sla-title").Text(t.SLATitle),
		app.If(!c.sc.Embed, func() app.UI { // an embed shows goal and ticket right below
			return app.P().Class("goal-line").DataSet("testid", "goal-line").Text(s.Goal)
		}),
		app.Div().Class("sla-pair").Body(
			app.Div().Class("sla-side").Body(
				app.H3().Text(t.MarketingToSales),
				s.marketing.paragraph("sla-marketing"),
			),
			app.Div().Class("sla-side").Body(
				app.H3().Text(t.SalesToMarketing),
				s.sales.paragraph("sla-sales"),
			),
		),
		app.If(!c.sc.Embed, func() app.UI { return c.renderSLANotes(s) }),
	)
}

// renderSLANotes are the SLA's fine print: the rounding, a rep's week at
// full capacity and the real load (not in an embed, whose team card says
// why that many reps).
func (c *calculator) renderSLANotes(s slaStrings) app.UI {
	t, n, p := c.texts(), c.numbers(), c.result.plan
	a := p.Activity
	return app.Div().Class("sla-notes").Body(
		app.P().Class("note").DataSet("testid", "sla-rounding").Text(s.Note),
		app.P().Class("note").DataSet("testid", "activity").Text(fmt.Sprintf(t.Activity, numfmt.Int(n, a.MQLs), n.Upto(int64(a.SQLs), 2),
			countUpto(n, int64(a.Calls), 2, t.CallNoun), countUpto(n, int64(a.Emails), 2, t.EmailNoun))),
		app.P().DataSet("testid", "real-load").Text(fmt.Sprintf(t.RealLoad, perShown(n, p.Load, p.Stages[funnel.MQLs].Year),
			perShown(n, p.SQLLoad, p.Stages[funnel.SQLs].Year))),
	)
}

// perShown is a per-period figure in tenths, or "< 0.1" when a need that is
// not zero rounds to 0.0 (year is its yearly count).
func perShown(n numfmt.Formatter, v funnel.Tenths, year int64) string {
	if v == 0 && year > 0 {
		return "< " + n.Fixed(1, 1)
	}
	return n.Fixed(int64(v), 1)
}

// renderTeam shows the workload and the reps to have.
func (c *calculator) renderTeam() app.UI {
	t, n, p := c.texts(), c.numbers(), c.result.plan
	return app.Section().Class("card team").Aria("labelledby", "team-title").Body(
		app.H2().ID("team-title").Text(t.TeamTitle),
		app.Dl().Class("figures").Body(
			figure(t.Reps, "reps", numfmt.Int(n, p.Reps)),
			figure(t.FTE, "fte", n.Fixed(int64(p.FTE), 2)),
			figure(t.Load, "load", n.Fixed(int64(p.Load), 1)),
		),
		app.If(p.Short != nil, func() app.UI {
			s := p.Short
			return app.P().Class("reps-why").DataSet("testid", "reps-why").Text(fmt.Sprintf(t.RepsWhy,
				numfmt.Int(n, p.Reps), numfmt.Int(n, s.Reps), count(n, s.Reps, t.RepNoun),
				numfmt.Int(n, s.Covered), numfmt.Int(n, s.Needed)))
		}),
	)
}

func figure(label, testid, value string) app.UI {
	return app.Div().Class("figure").Body(
		app.Dt().Text(label),
		app.Dd().DataSet("testid", testid).Text(value),
	)
}

// renderVolumes is the table of counts per stage and period.
func (c *calculator) renderVolumes() app.UI {
	t := c.texts()
	return app.Section().Class("card volumes").Aria("labelledby", "volumes-title").Body(
		app.H2().ID("volumes-title").Text(t.VolumesTitle),
		tableWrap(t, t.VolumesTitle).Body(stageTable(t, c.numbers(), c.result.plan, true)),
	)
}

// stageTable is the yearly count per stage with its share per quarter,
// month and week. hooks adds the test hooks (count-*, week-*): only the
// table on screen has them, not the printed copy.
func stageTable(t *text.Catalog, n numfmt.Formatter, p funnel.Plan, hooks bool) app.HTMLTable {
	n = n.Grouped() // a column reads evenly: 8.976,6 above 32.941,7
	hook := func(td app.HTMLTd, id string) app.HTMLTd {
		if hooks {
			return td.DataSet("testid", id)
		}
		return td
	}
	return app.Table().Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(t.Stage),
			app.Th().Scope("col").Text(t.Year),
			app.Th().Scope("col").Class("col-quarter").Text(t.Quarter),
			app.Th().Scope("col").Class("col-month").Text(t.Month),
			app.Th().Scope("col").Text(t.Week),
		)),
		app.TBody().Body(app.Range(funnel.Stages[:]).Slice(func(i int) app.UI {
			s := funnel.Stages[i]
			v := p.Stages[s]
			return app.Tr().Body(
				app.Th().Scope("row").Text(t.Stages[s]),
				hook(app.Td(), "count-"+s.Key()).Text(numfmt.Int(n, v.Year)),
				app.Td().Class("col-quarter").Text(perShown(n, v.Quarter, v.Year)),
				app.Td().Class("col-month").Text(perShown(n, v.Month, v.Year)),
				hook(app.Td(), "week-"+s.Key()).Text(perShown(n, v.Week, v.Year)),
			)
		})),
	)
}

// tableWrap holds a table that may scroll sideways on a phone: a labelled,
// focusable region, so keyboard users can scroll it too.
// Its label says "table" so it differs from its section's.
func tableWrap(t *text.Catalog, label string) app.HTMLDiv {
	return app.Div().Class("table-wrap").TabIndex(0).Attr("role", "region").Aria("label", fmt.Sprintf(t.TableOf, label))
}

// slaStrings are the SLA's sentences as the page shows them.
type slaStrings struct {
	Goal, Marketing, Sales, Note, Reps string
	marketing, sales                   phrase // Marketing and Sales, figures apart
}

// slaSentences formats the SLA from the same templates and numbers as the
// SLA card (renderSLA), so the copy and the printout say
// exactly what the screen says; the browser tests compare them.
func slaSentences(t *text.Catalog, n numfmt.Formatter, p funnel.Plan, in funnel.Inputs) slaStrings {
	mqls := p.Stages[funnel.MQLs]
	var note string
	switch s := p.Short; {
	case s != nil:
		note = fmt.Sprintf(t.Short, count(n, s.Reps, t.RepNoun), numfmt.Int(n, s.Covered), numfmt.Int(n, s.Needed),
			percent(t, n.Upto(int64(s.Percent), 2)), n.Fixed(int64(s.Load), 1))
	case p.Reps == 1 && p.FTE < 100:
		// FTE in hundredths is the share of one rep's week, in percent.
		note = fmt.Sprintf(t.OneRep, percent(t, numfmt.Int(n, int64(p.FTE))), n.Fixed(int64(mqls.Week), 1), numfmt.Int(n, in.Cap))
	default:
		note = fmt.Sprintf(t.Exact, count(n, p.Reps, t.RepNoun), n.Fixed(int64(p.Load), 1))
	}
	sales := t.SLASales
	if p.Reps == 1 {
		sales = t.SLASalesOne
	}
	s := slaStrings{
		Goal: fmt.Sprintf(t.GoalLine, n.Money(in.Goal), n.Money(in.Ticket),
			count(n, p.Stages[funnel.Customers].Year, t.CustomerNoun)),
		marketing: newPhrase(t.SLAMarketing, perShown(n, mqls.Week, mqls.Year), perShown(n, mqls.Month, mqls.Year)),
		sales: newPhrase(sales, count(n, p.Reps, t.RepNoun), numfmt.Int(n, in.Cap), perShown(n, p.Load, mqls.Year),
			count(n, in.Calls, t.SLACallNoun), count(n, in.Emails, t.SLAEmailNoun)),
		Note: note,
		Reps: fmt.Sprintf(t.PrintReps, numfmt.Int(n, p.Reps), n.Fixed(int64(p.FTE), 2)),
	}
	s.Marketing, s.Sales = s.marketing.String(), s.sales.String()
	return s
}
