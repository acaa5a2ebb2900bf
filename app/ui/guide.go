package ui

import (
	"fmt"
	"slices"
	"strconv"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guidePanel is the lead qualification guide from the seed article: the fit
// × interest matrix and the 24 h follow-up rule with its source, folded in
// a <details>. Everything it says comes from funnel.Qualification and
// funnel.SpeedToLead.
type guidePanel struct {
	app.Compo

	Lang string
	Cur  string

	folded
}

func (g *guidePanel) Render() app.UI {
	t := text.For(g.Lang)
	details := app.Details().Class("card guide").DataSet("testid", "qualification").OnToggle(handle(g.onToggle))
	return g.render(details, app.Summary().Text(t.GuideTitle), false, func() []app.UI { return g.content(t) })
}

func (g *guidePanel) OnMount(ctx app.Context) { g.mounted(ctx, g.JSValue()) }

func (g *guidePanel) onToggle(ctx app.Context, e app.Event) { g.toggled(ctx, false) }

// content is the guide: the matrix, the way back for leads not ready, and
// the speed-to-lead study.
func (g *guidePanel) content(t *text.Catalog) []app.UI {
	n := formatFor(g.Lang, g.Cur)
	cell := func(fit funnel.Fit, interest funnel.Interest) app.UI {
		q, ok := funnel.Qualify(fit, interest)
		if !ok {
			return app.Td()
		}
		body := []app.UI{
			app.Strong().Text(t.ActionTitle[q.Action]),
			app.Span().Text(" " + t.ActionText[q.Action]),
		}
		if q.FollowUpHours > 0 {
			body = append(body, app.Span().Text(" "+fmt.Sprintf(t.FollowUp, numfmt.Int(n, int64(q.FollowUpHours)))))
		}
		return app.Td().Class("quadrant q-"+string(q.Action)).DataSet("action", string(q.Action)).Body(body...)
	}
	// Rows and columns in the order of funnel.Qualification: good fit
	// first, high interest first.
	var fits []funnel.Fit
	var interests []funnel.Interest
	for _, q := range funnel.Qualification {
		if !slices.Contains(fits, q.Fit) {
			fits = append(fits, q.Fit)
		}
		if !slices.Contains(interests, q.Interest) {
			interests = append(interests, q.Interest)
		}
	}
	head := []app.UI{app.Td()}
	for _, in := range interests {
		head = append(head, app.Th().Scope("col").Text(t.Interest[in]))
	}
	var rows []app.UI
	for _, f := range fits {
		row := []app.UI{app.Th().Scope("row").Text(t.Fit[f])}
		for _, in := range interests {
			row = append(row, cell(f, in))
		}
		rows = append(rows, app.Tr().Body(row...))
	}

	s := funnel.SpeedToLead
	speed := fmt.Sprintf(t.Speed, s.Source, strconv.Itoa(s.Year), numfmt.Int(n, s.Leads), numfmt.Int(n, int64(s.B2C)),
		numfmt.Int(n, int64(s.B2B)), numfmt.Int(n, int64(s.FirstHourFactor)), numfmt.Int(n, int64(s.After24hFactor)))

	return []app.UI{
		tableWrap(t, t.GuideCaption).Body(
			app.Table().Class("matrix").Body(
				app.Caption().Text(t.GuideCaption),
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(rows...),
			),
		),
		app.P().Class("note").Text(fmt.Sprintf(t.NotReady, t.Stages[funnel.NotReadyGoesBackTo])),
		app.H3().Text(t.SpeedTitle),
		app.P().DataSet("testid", "speed-to-lead").Text(speed),
	}
}
