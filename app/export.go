package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"strconv"
	"strings"

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
	if !app.IsClient {
		return
	}
	u := *app.Window().URL()
	u.RawQuery, u.Fragment = "", ""
	p.base = u.String()
}

// OnMount renders the print document when printing starts, by the button
// or the browser's own menu: it is about a fifth of the page's elements,
// hidden on screen, and the wasm's first render (one long task) skips it.
// go-app renders within the beforeprint event (app/wasmsrc), so the
// document is in place before the browser lays out the printout.
func (p *exportPanel) OnMount(ctx app.Context) {
	p.beforePrint = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(app.Context) { p.startPrinting() })
		return nil
	})
	app.Window().Call("addEventListener", "beforeprint", p.beforePrint)
	ctx.PreventUpdate() // OnMount's dispatch would render the page again
}

func (p *exportPanel) OnDismount() {
	if p.beforePrint == nil { // never mounted in a browser
		return
	}
	app.Window().Call("removeEventListener", "beforeprint", p.beforePrint)
	p.beforePrint.Release()
	p.beforePrint = nil
}

func (p *exportPanel) Render() app.UI {
	t, w, n := textsFor(p.Lang), whatIfTextsFor(p.Lang), formatFor(p.Lang, p.Cur)
	if loc := locale(p.Lang, p.Cur); loc != p.dateLoc {
		p.date, p.dateLoc = today(loc), loc
	}
	statusClass := "export-status"
	if p.status != "" && !p.statusOK {
		statusClass += " failed"
	}
	return app.Section().Class("card export").Aria("labelledby", "export-title").Body(
		app.H2().ID("export-title").Text(w.ExpTitle),
		app.Div().Class("export-actions").Body(
			app.Button().Type("button").DataSet("testid", "export-copy").OnClick(p.onCopy).Text(w.ExpCopy),
			app.Button().Type("button").DataSet("testid", "export-csv").OnClick(p.onCSV).Text(w.ExpCSV),
			app.Button().Type("button").DataSet("testid", "export-print").OnClick(p.onPrint).Text(w.ExpPrint),
		),
		app.P().Class("note").Text(w.ExpHint),
		app.P().Class(statusClass).DataSet("testid", "export-status").Attr("role", "status").Text(p.status),
		app.If(p.manual != "", func() app.UI {
			return app.Div().Class("manual-copy").Body(
				app.Label().For("export-text").Text(w.ExpCopyBox),
				app.Textarea().ID("export-text").ReadOnly(true).Rows(8).Text(p.manual),
			)
		}),
		// Pre-rendered pages print without the wasm: they carry it.
		app.If(p.printing || app.IsServer, func() app.UI { return p.renderPrintDoc(t, w, n) }),
	)
}

// renderPrintDoc is the one-page SLA document that only print media shows.
func (p *exportPanel) renderPrintDoc(t *texts, w *whatIfTexts, n numberFormat) app.UI {
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
			app.P().Class("sign-caption").Text(w.SignName),
			line(w.SignDate),
		)
	}
	link := ""
	if p.base != "" {
		link = p.base + "?" + linkQuery(p.Query, p.Lang)
	}
	return app.Div().Class("print-doc").Body(
		app.Header().Class("print-head").Body(
			app.P().Class("print-brand").Text("Embudo"),
			app.H2().Text(w.PrintTitle),
			app.P().Class("print-date").Text(fmt.Sprintf(w.PrintDate, p.date)),
		),
		app.P().Class("print-goal").Text(s.Goal),
		app.Div().Class("print-sla").Body(
			app.Div().Class("sla-side").Body(app.H3().Text(t.MarketingToSales), app.P().Text(s.Marketing)),
			app.Div().Class("sla-side").Body(app.H3().Text(t.SalesToMarketing), app.P().Text(s.Sales)),
		),
		app.P().Class("note").Text(s.Note),
		stageTable(t, n, p.Plan, false).Class("print-table"),
		app.P().Class("print-reps").Text(s.Reps),
		app.P().Class("note print-assume").Text(p.assumptions(t, w, n)),
		app.If(link != "", func() app.UI {
			return app.P().Class("print-link").Text(fmt.Sprintf(w.PrintLink, link))
		}),
		app.Div().Class("signatures").DataSet("testid", "print-signatures").Aria("label", w.PrintSign).Body(
			sign(w.SignMkt),
			sign(w.SignSales),
		),
	)
}

func (p *exportPanel) onCopy(ctx app.Context, e app.Event) {
	t, w, n := textsFor(p.Lang), whatIfTextsFor(p.Lang), formatFor(p.Lang, p.Cur)
	link := ""
	if p.base != "" {
		link = p.base + "?" + linkQuery(p.Query, p.Lang)
	}
	text := slaText(w, t, slaSentences(t, n, p.Plan, p.Inputs), link)
	if p.Mode == funnel.ModeForecast { // what the screen shows, then the SLA
		text = forecastText(t, n, p.Forecast, p.Inputs.Goal) + "\n" + text
	}
	clipboardWrite(text, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			p.statusOK = ok
			if ok {
				p.status, p.manual = w.ExpCopied, ""
				return
			}
			p.status, p.manual = w.ExpCopyFail, text
		})
	})
}

func (p *exportPanel) onCSV(ctx app.Context, e app.Event) {
	t, w, n := textsFor(p.Lang), whatIfTextsFor(p.Lang), formatFor(p.Lang, p.Cur)
	mark := n.Mark()
	header, rows := stageRows(t, p.Plan, mark)
	if p.Mode == funnel.ModeForecast { // the table on screen
		header, rows = expectedRows(t, p.Forecast, mark)
	}
	downloadFile(w.CSVFile, "text/csv;charset=utf-8", buildCSV(csvSeparator(mark), header, rows))
	p.status, p.statusOK, p.manual = fmt.Sprintf(w.ExpCSVDone, w.CSVFile), true, ""
}

// startPrinting renders the print document with today's date.
func (p *exportPanel) startPrinting() {
	p.date, p.dateLoc = today(locale(p.Lang, p.Cur)), locale(p.Lang, p.Cur)
	p.printing = true
}

func (p *exportPanel) onPrint(ctx app.Context, e app.Event) {
	p.startPrinting()
	p.status, p.manual = "", ""
	// Print after this render, so the document carries today's date.
	ctx.Defer(func(app.Context) { printPage() })
}

// assumptions lists the inputs behind the numbers, for the signed copy.
func (p *exportPanel) assumptions(t *texts, w *whatIfTexts, n numberFormat) string {
	in := p.Inputs
	rates := make([]string, 0, funnel.NumRates)
	for i, r := range in.Rates {
		rates = append(rates, t.Fields[funnel.RateField(i+1)]+" "+t.percent(n.Upto(int64(r), 2)))
	}
	return fmt.Sprintf(w.PrintAssume, strings.Join(rates, ", "), Int(n, in.Weeks), Int(n, in.Cap),
		Int(n, in.Calls), Int(n, in.Emails))
}

// slaStrings are the SLA's sentences as the page shows them.
type slaStrings struct {
	Goal, Marketing, Sales, Note, Reps string
}

// slaSentences formats the SLA from the same templates and numbers as the
// plan view (renderSLA in plan_view.go), so the copy and the printout say
// exactly what the screen says; the browser tests compare them.
func slaSentences(t *texts, n numberFormat, p funnel.Plan, in funnel.Inputs) slaStrings {
	mqls := p.Stages[funnel.MQLs]
	var note string
	switch s := p.Short; {
	case s != nil:
		note = fmt.Sprintf(t.Short, count(n, s.Reps, t.RepNoun), Int(n, s.Covered), Int(n, s.Needed),
			t.percent(n.Upto(int64(s.Percent), 2)), n.Fixed(int64(s.Load), 1))
	case p.Reps == 1 && p.FTE < 100:
		// FTE in hundredths is the share of one rep's week, in percent.
		note = fmt.Sprintf(t.OneRep, t.percent(Int(n, int64(p.FTE))), n.Fixed(int64(mqls.Week), 1), Int(n, in.Cap))
	default:
		note = fmt.Sprintf(t.Exact, count(n, p.Reps, t.RepNoun), n.Fixed(int64(p.Load), 1))
	}
	w := whatIfTextsFor(t.Lang)
	return slaStrings{
		Goal: fmt.Sprintf(t.GoalLine, n.Money(in.Goal), n.Money(in.Ticket),
			count(n, p.Stages[funnel.Customers].Year, t.CustomerNoun)),
		Marketing: fmt.Sprintf(t.SLAMarketing,
			n.Fixed(int64(mqls.Week), 1), n.Fixed(int64(mqls.Month), 1)),
		Sales: fmt.Sprintf(t.SLASales, count(n, p.Reps, t.RepNoun), Int(n, in.Cap), n.Fixed(int64(p.Load), 1),
			count(n, in.Calls, t.SLACallNoun), count(n, in.Emails, t.SLAEmailNoun)),
		Note: note,
		Reps: fmt.Sprintf(w.PrintReps, Int(n, p.Reps), n.Fixed(int64(p.FTE), 2)),
	}
}

// slaText is the SLA as plain text for the clipboard: a title, the goal,
// both statements, the staffing and the scenario's link.
func slaText(w *whatIfTexts, t *texts, s slaStrings, link string) string {
	var b strings.Builder
	b.WriteString(w.TextTitle + "\n\n")
	b.WriteString(s.Goal + "\n\n")
	b.WriteString(t.MarketingToSales + ": " + s.Marketing + "\n")
	b.WriteString(t.SalesToMarketing + ": " + s.Sales + "\n\n")
	b.WriteString(s.Reps + " " + s.Note + "\n")
	if link != "" {
		b.WriteString("\n" + fmt.Sprintf(w.PrintLink, link) + "\n")
	}
	return b.String()
}

// stageRows is the stage table for CSV: localized header and stage names,
// numbers without grouping and with the locale's decimal mark, so a
// spreadsheet in that locale reads them as numbers.
func stageRows(t *texts, p funnel.Plan, mark string) (header []string, rows [][]string) {
	header = []string{t.Stage, t.Year, t.Quarter, t.Month, t.Week}
	for _, s := range funnel.Stages {
		v := p.Stages[s]
		rows = append(rows, []string{
			t.Stages[s],
			plainNumber(v.Year, 0, mark),
			plainNumber(int64(v.Quarter), 1, mark),
			plainNumber(int64(v.Month), 1, mark),
			plainNumber(int64(v.Week), 1, mark),
		})
	}
	return header, rows
}

// csvSeparator picks the field separator for a locale's decimal mark.
// Spreadsheets split a CSV with the list separator of the user's locale:
// where the decimal mark is a comma (es-ES, es-AR, es-CO, es-CL) that is
// ";" (Excel's default there), elsewhere ",". Numbers carry the locale's
// decimal mark, so "166,7" stays one field either way.
func csvSeparator(decimalMark string) rune {
	if decimalMark == "," {
		return ';'
	}
	return ','
}

// plainNumber writes units/10^scale with scale decimals, no grouping.
func plainNumber(units int64, scale int, mark string) string {
	neg := units < 0
	if neg {
		units = -units
	}
	s := strconv.FormatInt(units, 10)
	if scale > 0 {
		if len(s) <= scale {
			s = strings.Repeat("0", scale-len(s)+1) + s
		}
		s = s[:len(s)-scale] + mark + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// buildCSV writes a UTF-8 CSV with a byte-order mark (without it Excel
// reads UTF-8 as the system code page and breaks accents) and CRLF line
// ends, quoting fields as RFC 4180 says.
func buildCSV(sep rune, header []string, rows [][]string) string {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	cw := csv.NewWriter(&b)
	cw.Comma = sep
	cw.UseCRLF = true
	cw.Write(header)
	cw.WriteAll(rows) // flushes; writing to a buffer cannot fail
	return b.String()
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
