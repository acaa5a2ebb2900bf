package ui

import (
	"fmt"
	"strconv"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// sensitivityPanel answers "which lever matters most": what raising each
// rate alone by a step does to the visitors the goal needs (plan) or to the
// revenue (forecast), as a table sorted by effect whose cells hold SVG
// bars. The step is the panel's own state; at the calculator's step (1 pp)
// it shows the calculator's precomputed Sens.
type sensitivityPanel struct {
	app.Compo

	Inputs funnel.Inputs
	Mode   funnel.Mode
	Lang   string
	Cur    string
	Step   funnel.Rate        // the scenario's (in the link)
	Sens   funnel.Sensitivity // at Step, for Inputs and Mode
}

// levers is the sensitivity at the current step, most effect first.
func (p *sensitivityPanel) levers() (funnel.Sensitivity, bool) {
	step := p.Step
	if p.Sens.Step == step && p.Sens.Mode == p.Mode {
		return p.Sens, true
	}
	s, err := funnel.ComputeSensitivity(p.Inputs, p.Mode, step)
	return s, err == nil
}

func (p *sensitivityPanel) Render() app.UI {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur).Grouped()
	step := p.Step
	stepText := pp(t, n.Upto(int64(step), 2))
	s, ok := p.levers()

	head := app.Div().Class("card-head").Body(
		app.H2().ID("sens-title").Text(t.SensTitle),
		app.Label().Class("select").Body(
			app.Span().Text(t.SensStep),
			app.Select().ID("sens-step").DataSet("testid", "sensitivity-step").OnChange(handle(p.onStep)).Body(
				app.Range(funnel.SensitivitySteps).Slice(func(i int) app.UI {
					v := funnel.SensitivitySteps[i]
					o := app.Option().Value(strconv.FormatInt(int64(v), 10)).Text(pp(t, n.Upto(int64(v), 2)))
					if v == step { // Selected(false) would pre-render as selected
						o = o.Selected(true)
					}
					return o
				}),
			),
		),
	)
	if !ok {
		return app.Section().Class("card sensitivity").DataSet("view", viewSensitivity).Aria("labelledby", "sens-title").Body(
			head, app.P().Class("note").Text(t.SensUnavailable))
	}

	forecast := s.Mode == funnel.ModeForecast
	value := func(v int64) string { return numfmt.Int(n, v) }
	delta := func(v int64) string { return numfmt.Signed(n, v) }
	intro, caption, column := t.SensIntroPlan, t.SensCaptionPlan, t.SensChangePlan
	if forecast {
		value = func(v int64) string { return n.Money(funnel.Money(v)) }
		delta = func(v int64) string { return numfmt.SignedMoney(n, funnel.Money(v)) }
		intro, caption, column = t.SensIntroFcst, t.SensCaptionFcst, t.SensChangeFcst
	}
	top := int64(0)
	for _, l := range s.Levers {
		top = max(top, l.Delta, -l.Delta)
	}
	rows := make([]app.UI, 0, len(s.Levers))
	for _, l := range s.Levers {
		change := delta(l.Delta)
		switch {
		case l.From == l.To:
			change = t.SensCapped
		case l.Delta == 0:
			change = t.SensNone
		}
		rows = append(rows, app.Tr().DataSet("testid", "sensitivity-r"+strconv.Itoa(l.Rate)).
			DataSet("delta", strconv.FormatInt(l.Delta, 10)).Body(
			app.Th().Scope("row").Body(
				app.Span().Class("lever-name").Text(fmt.Sprintf(t.SensLever, l.Rate, t.Fields[funnel.RateField(l.Rate)])),
				app.Span().Class("lever-rates").Text(percent(t, n.Upto(int64(l.From), 2))+" → "+percent(t, n.Upto(int64(l.To), 2))),
			),
			app.Td().Class("lever-bar").Body(leverBar(l.Delta, top, forecast)),
			app.Td().Class("lever-change").Text(change),
		))
	}
	return app.Section().Class("card sensitivity").DataSet("view", viewSensitivity).Aria("labelledby", "sens-title").Body(
		head,
		app.P().Class("note").Text(fmt.Sprintf(intro, stepText, value(s.Levers[0].Before))),
		tableWrap(t, t.SensTitle).Body(
			app.Table().Class("levers").Body(
				app.Caption().Class("sr-only").Text(fmt.Sprintf(caption, stepText)),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text(t.SensRate),
					app.Th().Scope("col").Text(t.SensBars),
					app.Th().Scope("col").Text(column),
				)),
				app.TBody().Body(rows...),
			),
		),
	)
}

// leverBar is one horizontal bar, its length |delta| / top of the cell. The
// numbers are in the next cell: the bar is decoration for the eye.
func leverBar(delta, top int64, gain bool) app.UI {
	w := 0.0
	if top > 0 && delta != 0 {
		w = max(1.5, 100*float64(max(delta, -delta))/float64(top))
	}
	class := "bar-cut"
	if gain {
		class = "bar-gain"
	}
	return svgElem("svg").Class("bar").Attr("viewBox", "0 0 100 12").Attr("preserveAspectRatio", "none").
		Aria("hidden", "true").Attr("focusable", "false").Body(
		svgElem("rect").Class("bar-track").Attr("x", "0").Attr("y", "1").Attr("width", "100").Attr("height", "10").Attr("rx", "2"),
		svgElem("rect").Class(class).Attr("x", "0").Attr("y", "1").Attr("width", strconv.FormatFloat(w, 'f', 1, 64)).
			Attr("height", "10").Attr("rx", "2"),
	)
}

// onStep sets the scenario's step (the link keeps it).
func (p *sensitivityPanel) onStep(ctx app.Context, e app.Event) {
	v, err := strconv.ParseInt(ctx.JSSrc().Get("value").String(), 10, 64)
	if err != nil {
		return
	}
	setScenario(ctx, funnel.FieldStep, funnel.FormatFixed(v, 2))
}
