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
			app.Select().ID(id).DataSet("testid", id).DataSet("which", which).OnChange(handle(p.onChoose)).Body(opts...),
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

// comparisonTable is two scenarios side by side: every input (the
// forecast's visitors and team always, as the forecast revenue below
// depends on them whatever the mode), the SLA's MQLs a week and reps
// needed, the yearly count at each stage and the forecast revenue, each
// with the change from A to B. funnel.Compare computes every figure;
// this only formats. Money is compared only in the same currency.
type comparisonTable struct {
	lang         string
	nameA, nameB string
	a, b         funnel.Scenario
	cmp          funnel.Comparison
}

// cmpRow is one row of the table as shown. Its key names its cells'
// data-testid: cmp-a-key, cmp-b-key and delta-key (whose data-value is
// raw, the change in the figure's own fixed point).
type cmpRow struct {
	key, label  string
	a, b, delta string
	raw         int64
	ok          bool // the change means something (money in one currency)
	input       bool // an input, not a result
}

// inputKey is the row key of an input: its link parameter, but for the
// team on hand (reps), as "reps" is the reps needed.
func inputKey(f funnel.Field) string {
	if f == funnel.FieldReps {
		return "team"
	}
	return string(f)
}

// rows is the table's rows in order: the inputs, then the results.
func (ct comparisonTable) rows() []cmpRow {
	t, n := text.For(ct.lang), formatFor(ct.lang, ct.a.Cur).Grouped()
	na, nb := n, formatFor(ct.lang, ct.b.Cur).Grouped()
	c, sameCur := ct.cmp, ct.a.Cur == ct.b.Cur
	rows := make([]cmpRow, 0, len(c.Inputs)+funnel.NumStages+3)
	for _, in := range c.Inputs {
		sp, _ := funnel.SpecOf(in.Field)
		r := cmpRow{key: inputKey(in.Field), label: t.Fields[in.Field], raw: in.Delta, ok: true, input: true}
		switch sp.Kind {
		case funnel.KindMoney:
			r.a, r.b = na.Money(funnel.Money(in.A)), nb.Money(funnel.Money(in.B))
			r.delta, r.ok = numfmt.SignedMoney(na, funnel.Money(in.Delta)), sameCur
		case funnel.KindRate:
			r.a = percent(t, n.Upto(in.A, sp.Limits.Scale))
			r.b = percent(t, n.Upto(in.B, sp.Limits.Scale))
			r.delta = pp(t, numfmt.SignedUpto(n, in.Delta, sp.Limits.Scale))
		default:
			r.a, r.b, r.delta = numfmt.Int(n, in.A), numfmt.Int(n, in.B), numfmt.Signed(n, in.Delta)
		}
		rows = append(rows, r)
	}
	mqlsA, mqlsB := c.A.Stages[funnel.MQLs].Week, c.B.Stages[funnel.MQLs].Week
	rows = append(rows,
		cmpRow{key: "mqls-week", label: t.KeyMQLs, a: n.Fixed(int64(mqlsA), 1), b: n.Fixed(int64(mqlsB), 1),
			delta: numfmt.SignedFixed(n, c.MQLsWeekDelta, 1), raw: c.MQLsWeekDelta, ok: true},
		cmpRow{key: "reps", label: t.CmpReps, a: numfmt.Int(n, c.A.Reps), b: numfmt.Int(n, c.B.Reps),
			delta: numfmt.Signed(n, c.RepsDelta), raw: c.RepsDelta, ok: true},
	)
	for _, s := range funnel.Stages {
		rows = append(rows, cmpRow{key: s.Key(), label: fmt.Sprintf(t.CmpPerYear, t.Stages[s]),
			a: numfmt.Int(n, c.A.Stages[s].Year), b: numfmt.Int(n, c.B.Stages[s].Year),
			delta: numfmt.Signed(n, c.StageDelta[s]), raw: c.StageDelta[s], ok: true})
	}
	return append(rows, cmpRow{key: "revenue", label: t.CmpRevenue, a: na.Money(c.FA.Revenue), b: nb.Money(c.FB.Revenue),
		delta: numfmt.SignedMoney(na, c.RevenueDelta), raw: int64(c.RevenueDelta), ok: sameCur})
}

func (ct comparisonTable) render() []app.UI {
	t := text.For(ct.lang)
	a, b, nameA, nameB := ct.a, ct.b, ct.nameA, ct.nameB
	rows := ct.rows()
	trs := make([]app.UI, len(rows))
	for i, r := range rows {
		d := app.Td().Class("delta").DataSet("testid", "delta-"+r.key)
		if r.ok {
			d = d.DataSet("value", strconv.FormatInt(r.raw, 10)).Text(r.delta)
			if r.raw > 0 {
				d = d.Class("up")
			} else if r.raw < 0 {
				d = d.Class("down")
			}
		} else {
			d = d.Text(t.Unavailable)
		}
		tr := app.Tr()
		if r.input {
			tr = tr.Class("cmp-input")
		}
		if i > 0 && rows[i-1].input && !r.input {
			tr = tr.Class("cmp-first-result")
		}
		trs[i] = tr.Body(app.Th().Scope("row").Text(r.label),
			app.Td().DataSet("testid", "cmp-a-"+r.key).Text(r.a),
			app.Td().DataSet("testid", "cmp-b-"+r.key).Text(r.b), d)
	}
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
				app.TBody().Body(trs...),
			),
		),
		app.P().Class("note").Text(t.CmpNote),
	}
	if a.Cur != b.Cur {
		ui = append(ui, app.P().Class("note").Text(fmt.Sprintf(t.CmpCurrency, a.Cur, b.Cur)))
	}
	return ui
}
