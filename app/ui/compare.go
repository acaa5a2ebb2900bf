package ui

import (
	"fmt"
	"strconv"
	"strings"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
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
func (p *scenariosPanel) scenarioOf(t *text.Catalog, c string) (string, funnel.Scenario, bool) {
	if c == choiceCurrent {
		sc, ok := parseSaved(p.Query)
		return t.CmpCurrent, sc, ok
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

func (p *scenariosPanel) renderCompare(t *text.Catalog, n numfmt.Formatter) app.UI {
	a, b := p.choices()
	sel := func(which, id, label, chosen string) app.UI {
		opts := []app.UI{compareOption(choiceCurrent, t.CmpCurrent, chosen)}
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
		app.H2().ID("compare-title").Text(t.CmpTitle),
		app.Div().Class("compare-picks").Body(
			sel("a", "compare-a", t.CmpA, a),
			sel("b", "compare-b", t.CmpB, b),
		),
	}
	if len(p.list) == 0 {
		return card.Body(append(head, app.P().Class("note").Text(t.CmpNeed))...)
	}
	nameA, scA, okA := p.scenarioOf(t, a)
	nameB, scB, okB := p.scenarioOf(t, b)
	if !okA || !okB {
		return card.Body(append(head, app.P().Class("note").Text(t.SensUnavailable))...)
	}
	cmp, err := funnel.Compare(scA.Inputs, scB.Inputs)
	if err != nil {
		return card.Body(append(head, app.P().Class("note failed").
			Text(fmt.Sprintf(t.CmpError, fieldError(text.For(p.Lang), fieldErrorOf(err), n))))...)
	}
	table := comparisonTable{lang: p.Lang, nameA: nameA, nameB: nameB, a: scA, b: scB, cmp: cmp}
	return card.Body(append(head, table.render()...)...)
}

func compareOption(value, label, chosen string) app.UI {
	o := app.Option().Value(value).Text(label)
	if value == chosen { // Selected(false) would pre-render as selected
		o = o.Selected(true)
	}
	return o
}

// comparisonTable is two scenarios side by side: each one's goal, yearly
// counts, reps and forecast revenue, and the change from A to B. Money is
// compared only in the same currency.
type comparisonTable struct {
	lang         string
	nameA, nameB string
	a, b         funnel.Scenario
	cmp          funnel.Comparison
}

func (ct comparisonTable) render() []app.UI {
	t, n := text.For(ct.lang), formatFor(ct.lang, ct.a.Cur).Grouped()
	na, nb := n, formatFor(ct.lang, ct.b.Cur).Grouped()
	a, b, c, nameA, nameB := ct.a, ct.b, ct.cmp, ct.nameA, ct.nameB
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
			d = d.Text(t.Unavailable)
		}
		return app.Tr().Body(app.Th().Scope("row").Text(label), app.Td().Text(va), app.Td().Text(vb), d)
	}
	rows := []app.UI{
		row(t.CmpGoal, "goal", na.Money(a.Goal), nb.Money(b.Goal), numfmt.SignedMoney(na, c.GoalDelta), int64(c.GoalDelta), sameCur),
	}
	for _, s := range funnel.Stages {
		rows = append(rows, row(t.Stages[s], s.Key(), numfmt.Int(n, c.A.Stages[s].Year), numfmt.Int(n, c.B.Stages[s].Year),
			numfmt.Signed(n, c.StageDelta[s]), c.StageDelta[s], true))
	}
	rows = append(rows,
		row(t.CmpReps, "reps", numfmt.Int(n, c.A.Reps), numfmt.Int(n, c.B.Reps), numfmt.Signed(n, c.RepsDelta), c.RepsDelta, true),
		row(t.CmpRevenue, "revenue", na.Money(c.FA.Revenue), nb.Money(c.FB.Revenue),
			numfmt.SignedMoney(na, c.RevenueDelta), int64(c.RevenueDelta), sameCur),
	)
	ui := []app.UI{
		tableWrap(t, t.CmpTitle).Body(
			app.Table().Class("compare-table").DataSet("testid", "compare-table").Body(
				app.Caption().Class("sr-only").Text(fmt.Sprintf(t.CmpCaption, nameB, nameA)),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text(t.CmpWhat),
					app.Th().Scope("col").Body(app.Span().Class("col-key").Text("A "), app.Span().Class("col-name").Text(nameA)),
					app.Th().Scope("col").Body(app.Span().Class("col-key").Text("B "), app.Span().Class("col-name").Text(nameB)),
					app.Th().Scope("col").Class("col-delta").Body(
						app.Span().Class("col-long").Text(t.CmpChange+" "), app.Span().Text("(B − A)")),
				)),
				app.TBody().Body(rows...),
			),
		),
		app.P().Class("note").Text(t.CmpNote),
	}
	if !sameCur {
		ui = append(ui, app.P().Class("note").Text(fmt.Sprintf(t.CmpCurrency, a.Cur, b.Cur)))
	}
	return ui
}
