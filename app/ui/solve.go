package ui

import (
	"fmt"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// solvePanel answers "what would it take" in forecast mode: the smallest
// value of the lever chosen (the scenario's Solve, in the link) that makes
// the forecast reach the goal, or why none can. funnel.Solve does the
// math; Apply sets the lever to it.
type solvePanel struct {
	app.Compo

	Inputs funnel.Inputs
	Solve  funnel.Field // "" for none
	Lang   string
	Cur    string
}

func (p *solvePanel) Render() app.UI {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	// "-" for none: go-app drops an empty value. The option shown is the
	// one marked selected, so that embudo.js sees no reader's choice.
	none := app.Option().Value("-").Text(t.SolveNone)
	if p.Solve == "" {
		none = none.Selected(true)
	}
	options := []app.UI{none}
	for _, f := range funnel.SolveFields {
		o := app.Option().Value(string(f)).Text(t.Fields[f])
		if f == p.Solve { // Selected(false) would pre-render as selected
			o = o.Selected(true)
		}
		options = append(options, o)
	}
	body := []app.UI{
		app.H2().ID("solve-title").Text(t.SolveTitle),
		app.P().Class("note").Text(t.SolveIntro),
		app.Label().Class("select").Body(
			app.Span().Text(t.SolveLabel),
			app.Select().ID("solve-lever").DataSet("testid", "solve-lever").OnChange(handle(p.onLever)).Body(options...),
		),
	}
	if p.Solve != "" {
		body = append(body, p.answer(t, n))
	}
	return app.Section().Class("card solve").Aria("labelledby", "solve-title").Body(body...)
}

// answer is the solved value, or why there is none, in plain words, and
// the Apply button.
func (p *solvePanel) answer(t *text.Catalog, n numfmt.Formatter) app.UI {
	s, err := funnel.Solve(p.Inputs, p.Solve)
	if err != nil {
		return app.P().Class("solve-answer").Text(t.Unavailable)
	}
	lever, goal := t.Fields[p.Solve], n.Money(p.Inputs.Goal)
	status := app.P().ID("solve-status").Class("solve-answer").DataSet("testid", "solve-status")
	if !s.Feasible {
		return app.Div().Class("solve-result").Body(
			status.DataSet("value", "infeasible").Text(fmt.Sprintf(t.SolveNo, lever, goal,
				leverText(t, n, p.Solve, s.Max), t.SolveLimit[s.Limit], n.Money(s.Ceiling))),
		)
	}
	shown := leverText(t, n, p.Solve, s.Value)
	sentence := fmt.Sprintf(t.SolveNeed, lever, shown, goal)
	if s.Met {
		sentence = fmt.Sprintf(t.SolveMet, goal, lever, shown)
	}
	sp, _ := funnel.SpecOf(p.Solve)
	cur, _ := p.Inputs.Value(p.Solve)
	return app.Div().Class("solve-result").Body(
		app.P().Class("solve-value").Body(
			app.Span().Text(lever+": "),
			app.Strong().DataSet("testid", "solve-value").DataSet("value", funnel.FormatFixed(s.Value, sp.Limits.Scale)).Text(shown),
		),
		status.DataSet("value", "ok").Text(sentence),
		app.Button().Type("button").Class("primary").DataSet("testid", "solve-apply").
			DataSet("field", string(p.Solve)).DataSet("value", funnel.FormatFixed(s.Value, sp.Limits.Scale)).
			Disabled(cur == s.Value).Title(fmt.Sprintf(t.SolveApplied, lever, shown)).Aria("describedby", "solve-status").
			Text(t.SolveApply).OnClick(handle(p.onApply)),
	)
}

// onLever follows the lever chosen; the link keeps it.
func (p *solvePanel) onLever(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if !funnel.IsSolveField(funnel.Field(v)) {
		v = ""
	}
	setScenario(ctx, funnel.FieldSolve, v)
}

// onApply sets the lever to the solved value, read from the button (the
// handler outlives the render that made it).
func (p *solvePanel) onApply(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	f, v := src.Get("dataset").Get("field").String(), src.Get("dataset").Get("value").String()
	if funnel.IsSolveField(funnel.Field(f)) {
		setScenario(ctx, funnel.Field(f), v)
	}
}

// leverText is a lever's value as the screen shows it: money, a percent or
// a whole count.
func leverText(t *text.Catalog, n numfmt.Formatter, f funnel.Field, v int64) string {
	sp, _ := funnel.SpecOf(f)
	switch sp.Kind {
	case funnel.KindMoney:
		return n.Money(funnel.Money(v))
	case funnel.KindRate:
		return percent(t, n.Upto(v, 2))
	}
	return numfmt.Int(n, v)
}
