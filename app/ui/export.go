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

// exportPanel copies the SLA as plain text, downloads the stage table as
// CSV and prints the page as a one-page SLA to sign. The printed document
// is its own markup (.print-doc, hidden on screen), so it is the same in
// plan and forecast mode and does not depend on the layout of the results.
type exportPanel struct {
	app.Compo

	Inputs   funnel.Inputs
	Mode     funnel.Mode
	Plan     funnel.Plan
	Forecast funnel.Forecast
	Lang     string
	Cur      string
	Query    string // scenarioQuery of what is on screen

	printing    bool     // the print document is rendered (see OnMount)
	beforePrint app.Func // the window's beforeprint listener
	funcs       callbacks

	status   string // the last action's outcome, announced politely
	manual   string // the SLA text to copy by hand when the clipboard fails
	base     string // the page's address without its query, for links
	date     string // today in the locale, for the printout
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
		ctx.Dispatch(func(app.Context) { p.startPrinting() })
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
	statusClass := "export-status"
	if p.status != "" && !p.statusOK {
		statusClass += " failed"
	}
	return app.Section().Class("card export").Aria("labelledby", "export-title").Body(
		app.H2().ID("export-title").Text(t.ExpTitle),
		app.Div().Class("export-actions").Body(
			app.Button().Type("button").DataSet("testid", "export-copy").OnClick(p.onCopy).Text(t.ExpCopy),
			app.Button().Type("button").DataSet("testid", "export-csv").OnClick(p.onCSV).Text(t.ExpCSV),
			app.Button().Type("button").DataSet("testid", "export-print").OnClick(p.onPrint).Text(t.ExpPrint),
		),
		app.P().Class("note").Text(t.ExpHint),
		app.P().Class(statusClass).DataSet("testid", "export-status").Attr("role", "status").Text(p.status),
		app.If(p.manual != "", func() app.UI {
			return app.Div().Class("manual-copy").Body(
				app.Label().For("export-text").Text(t.ExpCopyBox),
				app.Textarea().ID("export-text").ReadOnly(true).Rows(8).Text(p.manual),
			)
		}),
		// Pre-rendered pages print without the wasm: they carry it.
		app.If(p.printing || !inBrowser, func() app.UI { return p.renderPrintDoc(t, n) }),
	)
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
	link := ""
	if p.base != "" {
		link = p.base + "?" + linkQuery(p.Query, p.Lang)
	}
	return app.Div().Class("print-doc").Body(
		app.Header().Class("print-head").Body(
			app.P().Class("print-brand").Text("Embudo"),
			app.H2().Text(t.PrintTitle),
			app.P().Class("print-date").Text(fmt.Sprintf(t.PrintDate, p.date)),
		),
		app.P().Class("print-goal").Text(s.Goal),
		app.Div().Class("print-sla").Body(
			app.Div().Class("sla-side").Body(app.H3().Text(t.MarketingToSales), app.P().Text(s.Marketing)),
			app.Div().Class("sla-side").Body(app.H3().Text(t.SalesToMarketing), app.P().Text(s.Sales)),
		),
		app.P().Class("note").Text(s.Note),
		stageTable(t, n, p.Plan, false).Class("print-table"),
		app.P().Class("print-reps").Text(s.Reps),
		app.P().Class("note print-assume").Text(p.assumptions(t, n)),
		app.If(link != "", func() app.UI {
			return app.P().Class("print-link").Text(fmt.Sprintf(t.PrintLink, link))
		}),
		app.Div().Class("signatures").DataSet("testid", "print-signatures").Aria("label", t.PrintSign).Body(
			sign(t.SignMkt),
			sign(t.SignSales),
		),
	)
}

func (p *exportPanel) onCopy(ctx app.Context, e app.Event) {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	link := ""
	if p.base != "" {
		link = p.base + "?" + linkQuery(p.Query, p.Lang)
	}
	text := slaText(t, slaSentences(t, n, p.Plan, p.Inputs), link)
	if p.Mode == funnel.ModeForecast { // what the screen shows, then the SLA
		text = forecastText(t, n, p.Forecast, p.Inputs.Goal) + "\n" + text
	}
	clipboardWrite(text, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			p.statusOK = ok
			if ok {
				p.status, p.manual = t.ExpCopied, ""
				return
			}
			p.status, p.manual = t.ExpCopyFail, text
		})
	})
}

func (p *exportPanel) onCSV(ctx app.Context, e app.Event) {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	mark := n.Mark()
	header, rows := stageRows(t, p.Plan, mark)
	if p.Mode == funnel.ModeForecast { // the table on screen
		header, rows = expectedRows(t, p.Forecast, mark)
	}
	downloadFile(t.CSVFile, "text/csv;charset=utf-8", buildCSV(csvSeparator(mark), header, rows))
	p.status, p.statusOK, p.manual = fmt.Sprintf(t.ExpCSVDone, t.CSVFile), true, ""
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
	ctx.Defer(func(app.Context) { printPage() })
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
