package main

import (
	"fmt"
	"strconv"
	"strings"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// choices resolves the compare selects: a choice that is unset or names a
// scenario no longer saved falls back to the first saved scenario (A) and
// the current one (B).
func (p *scenariosPanel) choices() (a, b string) {
	valid := func(c string) bool {
		if c == choiceCurrent {
			return true
		}
		name, ok := strings.CutPrefix(c, choiceSaved)
		return ok && indexOf(p.list, name) >= 0
	}
	a, b = p.a, p.b
	if !valid(a) {
		a = choiceCurrent
		if len(p.list) > 0 {
			a = choiceSaved + p.list[0].Name
		}
	}
	if !valid(b) {
		b = choiceCurrent
	}
	return a, b
}

// scenarioOf is the label and scenario of a choice.
func (p *scenariosPanel) scenarioOf(w *whatIfTexts, c string) (string, funnel.Scenario, bool) {
	if c == choiceCurrent {
		sc, ok := parseSaved(p.Query)
		return w.CmpCurrent, sc, ok
	}
	name := strings.TrimPrefix(c, choiceSaved)
	if i := indexOf(p.list, name); i >= 0 {
		sc, ok := parseSaved(p.list[i].Query)
		return name, sc, ok
	}
	return "", funnel.Scenario{}, false
}

func (p *scenariosPanel) onChoose(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	v := src.Get("value").String()
	if src.Get("dataset").Get("which").String() == "b" {
		p.b = v
		return
	}
	p.a = v
}

func (p *scenariosPanel) renderCompare(w *whatIfTexts, n numberFormat) app.UI {
	a, b := p.choices()
	sel := func(which, id, label, chosen string) app.UI {
		opts := []app.UI{compareOption(choiceCurrent, w.CmpCurrent, chosen)}
		for _, s := range p.list {
			opts = append(opts, compareOption(choiceSaved+s.Name, s.Name, chosen))
		}
		return app.Div().Class("compare-pick").Body(
			app.Label().For(id).Text(label),
			app.Select().ID(id).DataSet("testid", id).DataSet("which", which).OnChange(p.onChoose).Body(opts...),
		)
	}
	card := app.Section().Class("card compare").Aria("labelledby", "compare-title")
	head := []app.UI{
		app.H2().ID("compare-title").Text(w.CmpTitle),
		app.Div().Class("compare-picks").Body(
			sel("a", "compare-a", w.CmpA, a),
			sel("b", "compare-b", w.CmpB, b),
		),
	}
	if len(p.list) == 0 {
		return card.Body(append(head, app.P().Class("note").Text(w.CmpNeed))...)
	}
	nameA, scA, okA := p.scenarioOf(w, a)
	nameB, scB, okB := p.scenarioOf(w, b)
	if !okA || !okB {
		return card.Body(append(head, app.P().Class("note").Text(w.SensUnavailable))...)
	}
	cmp, err := funnel.Compare(scA.Inputs, scB.Inputs)
	if err != nil {
		return card.Body(append(head, app.P().Class("note failed").
			Text(fmt.Sprintf(w.CmpError, textsFor(p.Lang).fieldError(err, n))))...)
	}
	return card.Body(append(head, renderComparison(w, textsFor(p.Lang), n,
		formatFor(p.Lang, scA.Cur), formatFor(p.Lang, scB.Cur), nameA, nameB, scA, scB, cmp)...)...)
}

func compareOption(value, label, chosen string) app.UI {
	o := app.Option().Value(value).Text(label)
	if value == chosen { // Selected(false) would pre-render as selected
		o = o.Selected(true)
	}
	return o
}

// renderComparison is the side-by-side table: each scenario's goal, yearly
// counts, reps and forecast revenue, and the change from A to B. Money is
// compared only in the same currency.
func renderComparison(w *whatIfTexts, t *texts, n, na, nb numberFormat, nameA, nameB string,
	a, b funnel.Scenario, c funnel.Comparison) []app.UI {
	sameCur := a.Cur == b.Cur
	row := func(label, key, va, vb, delta string, raw int64, ok bool) app.UI {
		d := app.Td().Class("delta").DataSet("testid", "delta-"+key)
		if ok {
			d = d.DataSet("value", strconv.FormatInt(raw, 10)).Text(delta)
			if raw > 0 {
				d = d.Class("up")
			} else if raw < 0 {
				d = d.Class("down")
			}
		} else {
			d = d.Text(w.Unavailable)
		}
		return app.Tr().Body(app.Th().Scope("row").Text(label), app.Td().Text(va), app.Td().Text(vb), d)
	}
	rows := []app.UI{
		row(w.CmpGoal, "goal", na.Money(a.Goal), nb.Money(b.Goal), deltaMoney(na, c.GoalDelta), int64(c.GoalDelta), sameCur),
	}
	for _, s := range funnel.Stages {
		rows = append(rows, row(t.Stages[s], s.Key(), Int(n, c.A.Stages[s].Year), Int(n, c.B.Stages[s].Year),
			deltaCount(n, c.StageDelta[s]), c.StageDelta[s], true))
	}
	rows = append(rows,
		row(w.CmpReps, "reps", Int(n, c.A.Reps), Int(n, c.B.Reps), deltaCount(n, c.RepsDelta), c.RepsDelta, true),
		row(w.CmpRevenue, "revenue", na.Money(c.FA.Revenue), nb.Money(c.FB.Revenue),
			deltaMoney(na, c.RevenueDelta), int64(c.RevenueDelta), sameCur),
	)
	ui := []app.UI{
		tableWrap(t, w.CmpTitle).Body(
			app.Table().Class("compare-table").DataSet("testid", "compare-table").Body(
				app.Caption().Class("sr-only").Text(fmt.Sprintf(w.CmpCaption, nameB, nameA)),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text(w.CmpWhat),
					app.Th().Scope("col").Body(app.Span().Class("col-key").Text("A "), app.Span().Class("col-name").Text(nameA)),
					app.Th().Scope("col").Body(app.Span().Class("col-key").Text("B "), app.Span().Class("col-name").Text(nameB)),
					app.Th().Scope("col").Class("col-delta").Body(
						app.Span().Class("col-long").Text(w.CmpChange+" "), app.Span().Text("(B − A)")),
				)),
				app.TBody().Body(rows...),
			),
		),
		app.P().Class("note").Text(w.CmpNote),
	}
	if !sameCur {
		ui = append(ui, app.P().Class("note").Text(fmt.Sprintf(w.CmpCurrency, a.Cur, b.Cur)))
	}
	return ui
}
