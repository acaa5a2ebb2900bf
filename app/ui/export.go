package ui

import (
	"fmt"
	"net/url"
	"strings"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exportPanel exports what the mode shows. In plan mode it copies the SLA
// as plain text, downloads the inputs, the staffing and the stage table as
// CSV and prints a one-page SLA to sign; in forecast mode it copies,
// downloads and prints the forecast: what is reachable, why, and the
// inputs behind it. The printed document is its own markup (.print-doc,
// hidden on screen), so it does not depend on the layout of the results.
type exportPanel struct {
	app.Compo

	Inputs   funnel.Inputs
	Mode     funnel.Mode
	Plan     funnel.Plan
	Forecast funnel.Forecast
	Lang     string
	Cur      string
	Query    string          // scenarioQuery of what is on screen
	Cal      funnel.Calendar // the plan month by month (months.go)
	Year     int64           // this year, for an unset calendar year

	printing    bool     // the print document is rendered (see OnMount)
	beforePrint app.Func // the window's beforeprint listener
	funcs       callbacks

	status   string      // the last action's outcome, announced politely
	manual   string      // the text to copy by hand when the clipboard fails
	doneMode funnel.Mode // the mode status and manual are about
	base     string      // the page's address without its query, for links
	date     string      // today in the locale, for the printout
	dateLoc  string
	statusOK bool
}

// OnInit takes the page's address before the first render (an OnMount
// would render the whole page again).
func (p *exportPanel) OnInit() {
	if u := pageURL(); u != nil {
		u.RawQuery, u.Fragment = "", ""
		p.base = u.String()
	}
}

// OnMount renders the print document when printing starts, by the button
// or the browser's own menu: it is about a fifth of the page's elements,
// hidden on screen, and the wasm's first render (one long task) skips it.
// go-app renders within the beforeprint event (app/buildtools/wasmsrc), so the
// document is in place before the browser lays out the printout.
func (p *exportPanel) OnMount(ctx app.Context) {
	p.beforePrint = p.funcs.add(func(app.Value, []app.Value) any {
		ctx.Dispatch(guard(func(app.Context) { p.startPrinting() }))
		return nil
	})
	listenWindow("beforeprint", p.beforePrint)
	ctx.PreventUpdate() // OnMount's dispatch would render the page again
}

func (p *exportPanel) OnDismount() {
	if p.beforePrint == nil { // never mounted in a browser
		return
	}
	unlistenWindow("beforeprint", p.beforePrint)
	p.funcs.release()
	p.beforePrint = nil
}

func (p *exportPanel) Render() app.UI {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	if loc := localeOf(p.Lang, p.Cur); loc != p.dateLoc {
		p.date, p.dateLoc = today(loc), loc
	}
	forecast := p.Mode == funnel.ModeForecast
	title, copyLabel, hint, box := t.ExpTitle, t.ExpCopy, t.ExpHint, t.ExpCopyBox
	if forecast {
		title, copyLabel, hint, box = t.ExpTitleFcst, t.ExpCopyFcst, t.ExpHintFcst, t.ExpCopyBoxFcst
	}
	// An outcome is about the mode it happened in: another mode's copy
	// would not be what the panel now exports.
	status, manual := p.status, p.manual
	if p.doneMode != p.Mode {
		status, manual = "", ""
	}
	statusClass := "export-status"
	if status != "" && !p.statusOK {
		statusClass += " failed"
	}
	return app.Section().Class("card export").Aria("labelledby", "export-title").Body(
		app.H2().ID("export-title").Text(title),
		app.Div().Class("export-actions").Body(
			app.Button().Type("button").DataSet("testid", "export-copy").OnClick(handle(p.onCopy)).Text(copyLabel),
			app.Button().Type("button").DataSet("testid", "export-csv").OnClick(handle(p.onCSV)).Text(t.ExpCSV),
			app.Button().Type("button").DataSet("testid", "export-print").OnClick(handle(p.onPrint)).Text(t.ExpPrint),
		),
		app.P().Class("note").Text(hint),
		app.P().Class(statusClass).DataSet("testid", "export-status").Attr("role", "status").Text(status),
		app.If(manual != "", func() app.UI {
			return app.Div().Class("manual-copy").Body(
				app.Label().For("export-text").Text(box),
				app.Textarea().ID("export-text").DataSet("testid", "export-text").ReadOnly(true).Rows(8).Text(manual),
			)
		}),
		// Pre-rendered pages print without the wasm: they carry it.
		app.If(p.printing || !inBrowser, func() app.UI {
			if forecast {
				return p.renderForecastDoc(t, n)
			}
			return p.renderPrintDoc(t, n)
		}),
	)
}

// printHead is the printout's head: the brand, a title and today's date.
func (p *exportPanel) printHead(t *text.Catalog, title string) app.UI {
	return app.Header().Class("print-head").Body(
		app.P().Class("print-brand").Text("Embudo"),
		app.H2().Text(title),
		app.P().Class("print-date").Text(fmt.Sprintf(t.PrintDate, p.date)),
	)
}

// printLink is the scenario's link on the printout, when there is one.
func (p *exportPanel) printLink(t *text.Catalog) app.UI {
	link := p.link()
	return app.If(link != "", func() app.UI {
		return app.P().Class("print-link").Text(fmt.Sprintf(t.PrintLink, link))
	})
}

// renderPrintDoc is the one-page SLA document that only print media shows.
func (p *exportPanel) renderPrintDoc(t *text.Catalog, n numfmt.Formatter) app.UI {
	s := slaSentences(t, n, p.Plan, p.Inputs)
	line := func(label string) app.UI {
		return app.P().Class("sign-field").Body(
			app.Span().Class("sign-label").Text(label+":"),
			app.Span().Class("sign-line").Text("______________________"),
		)
	}
	// "Marketing: ______ (name and signature)  Date: ______"
	sign := func(who string) app.UI {
		return app.Div().Class("sign").Body(
			line(who),
			app.P().Class("sign-caption").Text(t.SignName),
			line(t.SignDate),
		)
	}
	return app.Div().Class("print-doc").DataSet("mode", string(funnel.ModePlan)).Body(
		p.printHead(t, t.PrintTitle),
		app.P().Class("print-goal").Text(s.Goal),
		app.Div().Class("print-sla").Body(
			app.Div().Class("sla-side").Body(app.H3().Text(t.MarketingToSales), app.P().Text(s.Marketing)),
			app.Div().Class("sla-side").Body(app.H3().Text(t.SalesToMarketing), app.P().Text(s.Sales)),
		),
		app.P().Class("note").Text(s.Note),
		stageTable(t, n, p.Plan, false).Class("print-table"),
		app.P().Class("print-reps").Text(s.Reps),
		app.P().Class("note print-assume").Text(p.assumptions(t, n)),
		p.printMonths(t, n),
		p.printLink(t),
		app.Div().Class("signatures").DataSet("testid", "print-signatures").Aria("label", t.PrintSign).Body(
			sign(t.SignMkt),
			sign(t.SignSales),
		),
	)
}

// renderForecastDoc is the one-page forecast that only print media shows:
// what is reachable and which constraint binds, each constraint's own
// figures, the expected people per stage, the team and traffic beside
// what the goal needs, and the inputs. Nobody signs a forecast.
func (p *exportPanel) renderForecastDoc(t *text.Catalog, n numfmt.Formatter) app.UI {
	f := p.Forecast
	groups := forecastFigures(t, n, f, p.Inputs)
	figures := func(class string, g figureGroup) app.UI {
		return app.Dl().Class("print-figures " + class).Body(app.Range(g.figures).Slice(func(i int) app.UI {
			fg := g.figures[i]
			return app.Div().Body(app.Dt().Text(fg.label), app.Dd().DataSet("testid", fg.testid).Text(fg.value))
		}))
	}
	in := p.Inputs
	specs := funnel.InputSpecs[:]
	return app.Div().Class("print-doc print-forecast").DataSet("mode", string(funnel.ModeForecast)).
		DataSet("testid", "print-forecast").Body(
		p.printHead(t, t.ForecastTitle),
		app.H3().Text(groups[0].title),
		figures("print-reach", groups[0]),
		app.P().Class("print-bottleneck").DataSet("testid", "print-bottleneck").
			Text(t.Bottleneck[f.Bottleneck]+". "+forecastSentence(t, n, f, in.Goal)),
		app.Div().Class("print-pair").Body(
			app.Div().Body(app.H3().Text(groups[1].title), figures("", groups[1])),
			app.Div().Body(app.H3().Text(groups[2].title), figures("", groups[2])),
		),
		app.H3().Text(t.ExpectedTitle),
		expectedTable(t, n.Grouped(), f, false).Class("print-table print-expected"),
		app.H3().Text(t.InputsLabel),
		app.Dl().Class("print-inputs").DataSet("testid", "print-inputs").Body(app.Range(specs).Slice(func(i int) app.UI {
			fd := specs[i].Field
			v, _ := in.Value(fd)
			return app.Div().Body(app.Dt().Text(t.Fields[fd]), app.Dd().Text(quantityUnit(t, n, fd, v)))
		})),
		p.printMonths(t, n),
		p.printLink(t),
	)
}

// link is the scenario's address in the reader's language; "" outside a
// browser.
func (p *exportPanel) link() string {
	if p.base == "" {
		return ""
	}
	return p.base + "?" + linkQuery(p.Query, p.Lang)
}

// copyText is what Copy puts on the clipboard: the SLA in plan mode, the
// forecast in forecast mode.
func (p *exportPanel) copyText() string {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	if p.Mode == funnel.ModeForecast {
		return forecastText(t, n, p.Forecast, p.Inputs, p.link())
	}
	return slaText(t, slaSentences(t, n, p.Plan, p.Inputs), p.link())
}

// csvFile is the CSV download of the mode: its file name and content.
func (p *exportPanel) csvFile() (name, content string) {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	mark := n.Mark()
	if p.Mode == funnel.ModeForecast {
		return t.CSVFileFcst, buildCSV(csvSeparator(mark), p.withMonths(t, mark, forecastCSV(t, p.Inputs, p.Forecast, p.Cur, mark))...)
	}
	return t.CSVFile, buildCSV(csvSeparator(mark), p.withMonths(t, mark, planCSV(t, p.Inputs, p.Plan, p.Cur, mark))...)
}

func (p *exportPanel) onCopy(ctx app.Context, e app.Event) {
	t, mode := text.For(p.Lang), p.Mode
	text, copied := p.copyText(), t.ExpCopied
	if mode == funnel.ModeForecast {
		copied = t.ExpCopiedFcst
	}
	clipboardWrite(text, func(ok bool) {
		ctx.Dispatch(guard(func(ctx app.Context) {
			p.statusOK, p.doneMode = ok, mode
			if ok {
				p.status, p.manual = copied, ""
				return
			}
			p.status, p.manual = t.ExpCopyFail, text
			selectText("export-text") // after the render: it waits for the box
		}))
	})
}

func (p *exportPanel) onCSV(ctx app.Context, e app.Event) {
	name, content := p.csvFile()
	downloadFile(name, "text/csv;charset=utf-8", content)
	p.status, p.statusOK, p.manual, p.doneMode = fmt.Sprintf(text.For(p.Lang).ExpCSVDone, name), true, "", p.Mode
}

// startPrinting renders the print document with today's date.
func (p *exportPanel) startPrinting() {
	p.date, p.dateLoc = today(localeOf(p.Lang, p.Cur)), localeOf(p.Lang, p.Cur)
	p.printing = true
}

func (p *exportPanel) onPrint(ctx app.Context, e app.Event) {
	p.startPrinting()
	p.status, p.manual = "", ""
	// Print after this render, so the document carries today's date.
	ctx.Defer(guard(func(app.Context) { printPage() }))
}

// assumptions lists the inputs behind the numbers, for the signed copy.
func (p *exportPanel) assumptions(t *text.Catalog, n numfmt.Formatter) string {
	in := p.Inputs
	rates := make([]string, 0, funnel.NumRates)
	for i, r := range in.Rates {
		rates = append(rates, t.Fields[funnel.RateField(i+1)]+" "+percent(t, n.Upto(int64(r), 2)))
	}
	return fmt.Sprintf(t.PrintAssume, strings.Join(rates, ", "), numfmt.Int(n, in.Weeks), numfmt.Int(n, in.Cap),
		numfmt.Int(n, in.Calls), numfmt.Int(n, in.Emails))
}

// linkQuery is a saved scenario's query with the reader's language.
func linkQuery(query, lang string) string {
	q, err := url.ParseQuery(query)
	if err != nil {
		return query
	}
	if lang != "" {
		q.Set("lang", lang)
	}
	return q.Encode()
}
