package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// allStages says every count is given: the link's past has six.
var allStages = [funnel.NumStages]bool{true, true, true, true, true, true}

// forecastRange is the forecast's range when the link gives past counts;
// nil otherwise.
func forecastRange(sc funnel.Scenario) *funnel.Range {
	if !sc.Past.Set {
		return nil
	}
	r := funnel.ForecastRange(sc.Inputs, funnel.Calibrate(sc.Past.Counts, allStages, sc.Past.Months))
	return &r
}

// calibratePanel derives the rates from last period's counts, pasted or
// typed, folded in a <details> like the guide. Complete counts go to the
// scenario (past, months: in the link); "Use these rates" sets the rates
// and the visitors they give. funnel parses and computes; the panel keeps
// what was pasted.
type calibratePanel struct {
	app.Compo

	Past funnel.Past // the scenario's (in the link)
	Lang string
	Cur  string

	pasted string // the text pasted or typed
	edited bool   // the box holds pasted text: the panel reads it, not Past
	folded        // open by itself with counts in the link
}

func (p *calibratePanel) Render() app.UI {
	t := text.For(p.Lang)
	details := app.Details().Class("card calibrate").DataSet("testid", "calibrate").OnToggle(handle(p.onToggle))
	return p.render(details, app.Summary().Text(t.CalTitle), p.Past.Set, func() []app.UI { return p.content(t) })
}

func (p *calibratePanel) OnMount(ctx app.Context) { p.mounted(ctx, p.JSValue()) }

// onToggle: with counts in the link the panel is open by default.
func (p *calibratePanel) onToggle(ctx app.Context, e app.Event) { p.toggled(ctx, p.Past.Set) }

// counts are what the panel reads: the pasted text, else the link's.
func (p *calibratePanel) counts() ([funnel.NumStages]int64, [funnel.NumStages]bool, bool) {
	if p.edited {
		got := funnel.ParsePaste(p.pasted)
		some := false
		for _, h := range got.Have {
			some = some || h
		}
		return got.Counts, got.Have, some
	}
	return p.Past.Counts, allStages, p.Past.Set
}

func (p *calibratePanel) content(t *text.Catalog) []app.UI {
	n := formatFor(p.Lang, p.Cur)
	box := p.pasted
	if !p.edited && p.Past.Set {
		box = funnel.PastText(p.Past.Counts)
	}
	months := make([]app.UI, 0, 36)
	for m := int64(1); m <= 36; m++ {
		o := app.Option().Value(strconv.FormatInt(m, 10)).Text(numfmt.Int(n, m))
		if m == p.Past.Months { // see renderModeSwitch
			o = o.Selected(true)
		}
		months = append(months, o)
	}
	out := []app.UI{
		app.P().Class("note").Text(t.CalIntro),
		app.Div().Class("past-inputs").Body(
			app.Div().Class("past-paste").Body(
				app.Label().For("past-paste").Text(t.CalPaste),
				app.Textarea().ID("past-paste").DataSet("testid", "calibrate-paste").Rows(6).
					Spellcheck(false).Text(box).OnInput(handle(p.onPaste)),
			),
			app.Label().Class("select").Body(
				app.Span().Text(t.CalMonths),
				app.Select().ID("past-months").DataSet("testid", "calibrate-months").OnChange(handle(p.onMonths)).Body(months...),
			),
		),
	}
	counts, have, some := p.counts()
	if !some {
		return append(out, app.P().Class("note").DataSet("testid", "calibrate-none").Text(t.CalNone))
	}
	c := funnel.Calibrate(counts, have, p.Past.Months)
	var rows, problems []app.UI
	for i, e := range c.Rates {
		f := string(funnel.RateField(i + 1))
		if e.Problem != funnel.ProblemNone {
			problems = append(problems, notice(fmt.Sprintf(t.CalProblem[e.Problem], t.Stages[i+1], t.Stages[i])))
			continue
		}
		rows = append(rows, calRow(t, f, funnel.FormatFixed(int64(e.Rate), 2), e.Small,
			percent(t, n.Fixed(int64(e.Rate), 2)), numfmt.Int(n.Grouped(), e.Sample),
			percent(t, n.Fixed(int64(e.Low), 2)), percent(t, n.Fixed(int64(e.High), 2))))
	}
	if len(problems) > 0 {
		out = append(out, app.Ul().Class("notices").Body(problems...))
	}
	if len(rows) > 0 {
		head := []string{t.Stage, t.CalRate, t.CalSample, fmt.Sprintf(t.CalInterval, percent(t, "95"))}
		cols := make([]app.UI, len(head))
		for i, h := range head {
			cols[i] = app.Th().Scope("col").Text(h)
		}
		out = append(out, tableWrap(t, t.CalCaption).Body(app.Table().Class("past-table").Body(
			app.Caption().Text(t.CalCaption), app.THead().Body(app.Tr().Body(cols...)), app.TBody().Body(rows...))),
			app.P().Class("note").Text(t.CalSmallTip))
	}
	// What "Use these rates" sets, on the button (see solvePanel.onApply).
	use := url.Values{}
	in := funnel.ApplyCalibration(funnel.Defaults(), c)
	for i, e := range c.Rates {
		if e.Problem == funnel.ProblemNone {
			use.Set(string(funnel.RateField(i+1)), funnel.FormatFixed(int64(in.Rates[i]), 2))
		}
	}
	if c.VisitsOK {
		use.Set(string(funnel.FieldVisits), strconv.FormatInt(in.Visits, 10))
		out = append(out, app.P().DataSet("testid", "past-visits").DataSet("value", in.Visits).
			Text(fmt.Sprintf(t.CalVisits, numfmt.Int(n.Grouped(), c.Visits), numfmt.Int(n.Grouped(), counts[funnel.Visitors]),
				numfmt.Int(n, p.Past.Months))))
	}
	return append(out, app.Button().Type("button").Class("primary").DataSet("testid", "calibrate-use").
		DataSet("set", use.Encode()).Disabled(len(use) == 0).Text(t.CalUse).OnClick(handle(p.onUse)))
}

// calRow is a derived rate's row: its label, then the rate (test hooks
// past-rate-rN, with the link form), the sample (marked ⚠ when too small
// to trust) and the interval (past-range-rN). Four columns fit a phone.
func calRow(t *text.Catalog, f, value string, small bool, rate, samples, low, high string) app.UI {
	// A phone wraps the interval between its ends, never inside one.
	whole := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
	sample := app.Td().Text(samples)
	if small {
		sample = app.Td().Class("past-small").Body(app.Text(samples+" ⚠"), app.Span().Class("sr-only").Text(" "+t.CalSmall))
	}
	return app.Tr().Body(
		app.Th().Scope("row").Text(t.Fields[funnel.Field(f)]),
		app.Td().DataSet("testid", "past-rate-"+f).DataSet("value", value).Text(rate),
		sample,
		app.Td().Class("past-range").DataSet("testid", "past-range-"+f).Text(whole(low)+" – "+whole(high)),
	)
}

// onPaste reads what is pasted or typed; complete counts go to the link.
func (p *calibratePanel) onPaste(ctx app.Context, e app.Event) {
	p.pasted, p.edited = ctx.JSSrc().Get("value").String(), true
	if got := funnel.ParsePaste(p.pasted); got.Complete() {
		setScenario(ctx, funnel.FieldPast, funnel.PastText(got.Counts))
	}
}

func (p *calibratePanel) onMonths(ctx app.Context, e app.Event) {
	setScenario(ctx, funnel.FieldMonths, ctx.JSSrc().Get("value").String())
}

// onUse applies the derived rates and visitors, read from the button.
func (p *calibratePanel) onUse(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(setScenarioAction, ctx.JSSrc().Get("dataset").Get("set").String())
}
