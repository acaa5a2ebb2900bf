package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// monthsPanel is the plan in time: the calendar's settings, a chart of
// the MQLs to review against the team's capacity and the month-by-month
// table, folded in a <details>. funnel.ComputeMonths does the math; the
// panel formats it. Its exported fields are its inputs, so go-app skips it
// when none changed, and closed in the browser it renders its title only.
type monthsPanel struct {
	app.Compo

	Inputs funnel.Inputs
	Cal    funnel.Calendar
	Year   int64 // this year, for an unset calendar year
	Lang   string
	Cur    string

	folded
	errs map[string]string // a box's id → what is wrong with its text
}

// thisYear is the current calendar year: the default fiscal year.
func thisYear() int64 { return int64(time.Now().Year()) }

func (c *calculator) renderMonths() app.UI {
	sc := c.monthsSc // a tick behind the page (see calculator.monthsSc)
	return &monthsPanel{Inputs: sc.Inputs, Cal: sc.Cal, Year: thisYear(), Lang: sc.Lang, Cur: sc.Cur}
}

func (p *monthsPanel) Render() app.UI {
	t := text.For(p.Lang)
	details := app.Details().Class("card months").DataSet("testid", "months").OnToggle(handle(p.onToggle))
	return p.render(details, app.Summary().Text(t.MonthsTitle), false, func() []app.UI { return p.content(t) })
}

func (p *monthsPanel) OnMount(ctx app.Context) { p.mounted(ctx, p.JSValue()) }

func (p *monthsPanel) onToggle(ctx app.Context, e app.Event) { p.toggled(ctx, false) }

func (p *monthsPanel) content(t *text.Catalog) []app.UI {
	n := formatFor(p.Lang, p.Cur).Grouped()
	body := []app.UI{
		app.P().Class("note").Text(t.MonthsIntro),
		p.controls(t),
	}
	mp, err := funnel.ComputeMonths(p.Inputs, p.Cal, p.Year)
	if err != nil {
		return append(body, app.P().Class("note").Text(t.CalUnavail))
	}
	return append(body,
		app.P().Class("cal-hires").DataSet("testid", "cal-hires").Text(hiresSentence(t, n, mp)),
		monthsChart(t, mp),
		tableWrap(t, t.MonthsTitle).Class("table-wrap cal-wrap").Body(monthTable(t, n, mp, true)),
		app.P().Class("note").Text(t.CalNote),
	)
}

// hiresSentence sums the hiring plan up, and names the months no hire
// can cover.
func hiresSentence(t *text.Catalog, n numfmt.Formatter, mp funnel.MonthPlan) string {
	s := t.CalNoHires
	var short []string
	for _, m := range mp.Months {
		if m.Hires > 0 && s == t.CalNoHires {
			s = fmt.Sprintf(t.CalHiresSum, numfmt.Int(n, mp.Hires), monthLabel(t, m))
		}
		if m.Uncovered {
			short = append(short, monthLabel(t, m))
		}
	}
	if len(short) > 0 {
		s += " " + fmt.Sprintf(t.CalUncovered, strings.Join(short, ", "))
	}
	return s
}

// monthLabel is "Oct 2025" in the reader's words.
func monthLabel(t *text.Catalog, m funnel.Month) string {
	return fmt.Sprintf(t.MonthLabel, t.MonthShort[m.Month-1], strconv.FormatInt(m.Year, 10))
}

// monthKey is the month as test hooks and the CSV write it: "2025-10".
func monthKey(m funnel.Month) string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// calBox is a labelled number box for a calendar setting; index is the
// item of a list (season, lag), -1 for a single value.
func (p *monthsPanel) calBox(id, label, value string, f funnel.Field, index int) app.UI {
	box := app.Input().Type("text").ID(id).DataSet("testid", id).DataSet("field", string(f)).
		DataSet("index", strconv.Itoa(index)).Attr("inputmode", "numeric").AutoComplete(false).
		Spellcheck(false).Value(value).OnInput(handle(p.onBox))
	msg := p.errs[id]
	if msg != "" {
		box = box.Aria("invalid", true).Aria("describedby", id+"-error")
	}
	return app.Div().Class("cal-box").Body(
		app.Label().For(id).Text(label),
		box,
		app.If(msg != "", func() app.UI {
			return app.P().ID(id+"-error").Class("error").Attr("role", "alert").Text(msg)
		}),
	)
}

func (p *monthsPanel) controls(t *text.Catalog) app.UI {
	cal := p.Cal
	start := cal.StartMonth()
	weights := cal.Weights()
	season := make([]app.UI, 12)
	for i := range season {
		name := t.MonthNames[(int(start)-1+i)%12]
		season[i] = p.calBox("cal-season-"+strconv.Itoa(i), name,
			strconv.FormatInt(weights[i], 10), funnel.FieldSeason, i)
	}
	lags := make([]app.UI, funnel.NumRates)
	for i := range lags {
		lags[i] = p.calBox("cal-lag-"+strconv.Itoa(i), fmt.Sprintf(t.CalLagOf, t.Fields[funnel.RateField(i+1)]),
			strconv.FormatInt(cal.Lags[i], 10), funnel.FieldLag, i)
	}
	months := make([]app.UI, 12)
	for i := range months {
		o := app.Option().Value(strconv.Itoa(i + 1)).Text(t.MonthNames[i])
		if int64(i+1) == start { // Selected(false) would pre-render as selected
			o = o.Selected(true)
		}
		months[i] = o
	}
	return app.Div().Class("cal-controls").Body(
		app.Div().Class("cal-row").Body(
			p.calBox("cal-year", t.CalYear, strconv.FormatInt(cal.FiscalYear(p.Year), 10), funnel.FieldYear, -1),
			app.Div().Class("cal-box").Body(
				app.Label().For("cal-start").Text(t.CalStart),
				app.Select().ID("cal-start").DataSet("testid", "cal-start").DataSet("field", string(funnel.FieldStart)).
					DataSet("index", "-1").OnChange(handle(p.onBox)).Body(months...),
			),
			p.calBox("cal-ramp", t.CalRamp, strconv.FormatInt(cal.Ramp, 10), funnel.FieldRamp, -1),
			p.calBox("cal-attain", t.CalAttain, strconv.FormatInt(cal.Attainment(), 10), funnel.FieldAttain, -1),
		),
		app.FieldSet().Class("cal-set").Body(
			app.Legend().Text(t.CalSeason),
			app.Div().Class("cal-grid cal-season").Body(season...),
			app.Div().Class("cal-presets").Body(
				app.Button().Type("button").DataSet("testid", "cal-flat").OnClick(handle(p.onFlat)).Text(t.CalFlat),
				app.Button().Type("button").DataSet("testid", "cal-peak").OnClick(handle(p.onPeak)).Text(t.CalPeak),
			),
		),
		app.FieldSet().Class("cal-set").Body(
			app.Legend().Text(t.CalLags),
			app.Div().Class("cal-grid cal-lags").Body(lags...),
		),
	)
}

// onBox applies a calendar box (or the start month): a list's item goes
// in with the list's other items as they are. Text funnel refuses stays
// in the box with its error, and the scenario keeps its last valid value.
func (p *monthsPanel) onBox(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	id, value := src.Get("id").String(), src.Get("value").String()
	f := funnel.Field(src.Get("dataset").Get("field").String())
	index, _ := strconv.Atoi(src.Get("dataset").Get("index").String())
	cal := p.Cal
	texts := map[funnel.Field][]int64{funnel.FieldSeason: weightsOf(cal), funnel.FieldLag: cal.Lags[:]}
	if list, ok := texts[f]; ok && index >= 0 && index < len(list) {
		items := strings.Split(joinInts(list), ",")
		items[index] = strings.TrimSpace(value)
		value = strings.Join(items, ",")
	}
	sc := funnel.DefaultScenario()
	sc.Cal = cal
	if p.errs == nil {
		p.errs = map[string]string{}
	}
	if err := sc.Set(f, value); err != nil {
		p.errs[id] = fieldError(text.For(p.Lang), fieldErrorOf(err), formatFor(p.Lang, p.Cur))
		return
	}
	delete(p.errs, id)
	setScenario(ctx, f, value)
}

// joinInts writes a list as the link does: "1,1,3".
func joinInts(vs []int64) string {
	items := make([]string, len(vs))
	for i, v := range vs {
		items[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(items, ",")
}

func weightsOf(c funnel.Calendar) []int64 {
	w := c.Weights()
	return w[:]
}

// onFlat makes every month weigh the same.
func (p *monthsPanel) onFlat(ctx app.Context, e app.Event) {
	p.clearSeasonErrors()
	setScenario(ctx, funnel.FieldSeason, "")
}

// onPeak makes December weigh three times any other month.
func (p *monthsPanel) onPeak(ctx app.Context, e app.Event) {
	p.clearSeasonErrors()
	var w [12]int64
	for i := range w {
		w[i] = 1
		if (p.Cal.StartMonth()-1+int64(i))%12 == 11 {
			w[i] = 3
		}
	}
	setScenario(ctx, funnel.FieldSeason, joinInts(w[:]))
}

func (p *monthsPanel) clearSeasonErrors() {
	for id := range p.errs {
		if strings.HasPrefix(id, "cal-season-") {
			delete(p.errs, id)
		}
	}
}

// monthTable is the plan month by month: a row a month (lead-in months
// marked), each stage's people, the MQLs the team can review and the
// hires. On a narrow screen only the month, the MQLs, the capacity and
// the hires show (the other columns carry the class wide-col). With hooks,
// rows and cells carry their test hooks (the screen's table, not the
// printout's).
func monthTable(t *text.Catalog, n numfmt.Formatter, mp funnel.MonthPlan, hooks bool) app.HTMLTable {
	testid := func(id string) string {
		if hooks {
			return id
		}
		return ""
	}
	head := []app.UI{app.Th().Scope("col").Text(t.CalMonth)}
	for _, s := range funnel.Stages {
		head = append(head, app.Th().Scope("col").Class(stageCol(s)).Text(t.Stages[s]))
	}
	head = append(head, app.Th().Scope("col").Text(t.CalCapacity), app.Th().Scope("col").Text(t.CalHires))
	rows := make([]app.UI, len(mp.Months))
	for i, m := range mp.Months {
		key := monthKey(m)
		th := app.Th().Scope("row").Body(app.Text(monthLabel(t, m)))
		row := app.Tr().DataSet("testid", testid("cal-month")).DataSet("month", key)
		if m.LeadIn {
			row = row.Class("lead-in").DataSet("leadin", "1")
			th = th.Body(app.Text(monthLabel(t, m)+" "), app.Span().Class("cal-tag").Text(t.CalLeadIn))
		}
		cells := []app.UI{th}
		for _, s := range funnel.Stages {
			v := m.Stages[s]
			cells = append(cells, app.Td().Class(stageCol(s)).DataSet("testid", testid("cal-"+s.Key())).
				DataSet("value", strconv.FormatInt(v, 10)).Text(numfmt.Int(n, v)))
		}
		capTenths := int64(m.Capacity.Tenths())
		capCell := app.Td().DataSet("testid", testid("cal-capacity")).DataSet("value", funnel.FormatFixed(capTenths, 1))
		if m.Uncovered {
			capCell = capCell.Class("cal-uncovered").Body(
				app.Text(n.Upto(capTenths, 1)+" "),
				app.Span().Class("cal-short").DataSet("testid", testid("cal-short")).
					Text(fmt.Sprintf(t.CalShort, n.Upto(int64(m.Short), 1))),
			)
		} else {
			capCell = capCell.Text(n.Upto(capTenths, 1))
		}
		cells = append(cells, capCell, app.Td().Class("cal-hire-cell").Body(hireCell(t, n, m, key, hooks)))
		rows[i] = row.Body(cells...)
	}
	return app.Table().Class("cal-table").Body(
		app.Caption().Class("sr-only").Text(t.MonthsTitle),
		app.THead().Body(app.Tr().Body(head...)),
		app.TBody().Body(rows...),
	)
}

// stageCol is a stage column's class: the MQLs always show; the others
// fold away on a narrow screen.
func stageCol(s funnel.Stage) string {
	if s == funnel.MQLs {
		return "col-mqls"
	}
	return "wide-col"
}

// maxHireMarks is the most hires a month marks one by one (test hook
// hire); a month with more marks them once, with data-count.
const maxHireMarks = 50

// hireCell is "Hire 2 by Oct 2025", and a mark per hire.
func hireCell(t *text.Catalog, n numfmt.Formatter, m funnel.Month, key string, hooks bool) app.UI {
	if m.Hires == 0 {
		return app.Text("")
	}
	marks := make([]app.UI, 0, min(m.Hires, maxHireMarks))
	mark := func() app.HTMLSpan {
		if !hooks {
			return app.Span().Class("hire")
		}
		return app.Span().Class("hire").DataSet("testid", "hire").DataSet("month", key)
	}
	if m.Hires > maxHireMarks {
		marks = append(marks, mark().DataSet("count", strconv.FormatInt(m.Hires, 10)))
	} else {
		for range m.Hires {
			marks = append(marks, mark())
		}
	}
	return app.Span().Class("cal-hire").Body(
		app.Span().Text(fmt.Sprintf(t.CalHireBy, numfmt.Int(n, m.Hires), monthLabel(t, m))),
		app.Span().Class("hire-marks").Aria("hidden", true).Body(marks...),
	)
}

// monthsChart draws the MQLs to review each month as bars and the team's
// capacity as a line over them, on one scale. The figures are in the
// table: the chart is for the eye (aria-hidden), its legend says which is
// which.
func monthsChart(t *text.Catalog, mp funnel.MonthPlan) app.UI {
	const w, h = 12, 100 // per month, and the plot's height
	var top int64 = 1
	for _, m := range mp.Months {
		top = max(top, m.Stages[funnel.MQLs]*10, int64(m.Capacity.Tenths()))
	}
	y := func(tenths int64) string { return strconv.FormatInt(4+h-tenths*h/top, 10) } // 4 above for the line
	var b strings.Builder
	width := strconv.Itoa(len(mp.Months) * w)
	b.WriteString(`<svg class="cal-chart" viewBox="0 0 ` + width + ` ` + strconv.Itoa(h+6) +
		`" preserveAspectRatio="none" aria-hidden="true" focusable="false">`)
	var line strings.Builder
	for i, m := range mp.Months {
		x := i * w
		mqls := m.Stages[funnel.MQLs] * 10
		class := "cal-need"
		if m.Uncovered {
			class = "cal-need cal-need-short"
		}
		b.WriteString(`<rect class="` + class + `" x="` + strconv.Itoa(x+2) + `" y="` + y(mqls) +
			`" width="` + strconv.Itoa(w-4) + `" height="` + strconv.FormatInt(mqls*h/top, 10) + `"/>`)
		cy := y(int64(m.Capacity.Tenths()))
		line.WriteString(strconv.Itoa(x) + "," + cy + " " + strconv.Itoa(x+w) + "," + cy + " ")
	}
	b.WriteString(`<polyline class="cal-cap" points="` + line.String() + `"/></svg>`)
	return app.Figure().Class("cal-figure").Body(
		app.Raw(b.String()),
		app.Div().Class("cal-legend").Body(
			app.Span().Class("cal-key").Text(t.CalChart+": "),
			app.Span().Class("cal-key cal-key-need").Text(t.CalChartNeed),
			app.Span().Class("cal-key cal-key-cap").Text(t.CalChartCap),
		),
	)
}

// monthRows is the month-by-month table for the CSV: the month as
// YYYY-MM, whether it is a lead-in month (1 or empty), each stage's
// people, the capacity to one decimal (rounded down, as shown), the hires
// and the MQLs an uncovered month leaves unreviewed.
func monthRows(t *text.Catalog, mp funnel.MonthPlan, mark string) [][]string {
	head := []string{t.CalMonth, t.CalLeadInCSV}
	for _, s := range funnel.Stages {
		head = append(head, t.Stages[s])
	}
	rows := [][]string{append(head, t.CalCapacity, t.CalHires, t.CalShortCSV)}
	for _, m := range mp.Months {
		r := []string{monthKey(m), ""}
		if m.LeadIn {
			r[1] = "1"
		}
		for _, s := range funnel.Stages {
			r = append(r, numfmt.Plain(m.Stages[s], 0, mark))
		}
		r = append(r, numfmt.Plain(int64(m.Capacity.Tenths()), 1, mark), numfmt.Plain(m.Hires, 0, mark),
			numfmt.Plain(int64(m.Short), 1, mark))
		rows = append(rows, r)
	}
	return rows
}

// withMonths adds the calendar's settings and the month-by-month rows to
// the export's CSV sections (none when the month plan is not available).
func (p *exportPanel) withMonths(t *text.Catalog, mark string, sections [][][]string) [][][]string {
	mp, err := funnel.ComputeMonths(p.Inputs, p.Cal, p.Year)
	if err != nil {
		return sections
	}
	cal := p.Cal
	settings := [][]string{
		{t.MonthsTitle, t.CSVValue, t.CSVUnit},
		{t.CalYear, strconv.FormatInt(cal.FiscalYear(p.Year), 10), ""},
		{t.CalStart, strconv.FormatInt(cal.StartMonth(), 10), t.MonthNames[cal.StartMonth()-1]},
		{t.CalSeason, joinInts(weightsOf(cal)), ""},
		{t.CalLags, joinInts(cal.Lags[:]), t.CalDays},
		{t.CalRamp, strconv.FormatInt(cal.Ramp, 10), ""},
		{t.CalAttain, strconv.FormatInt(cal.Attainment(), 10), "%"},
	}
	return append(sections, settings, monthRows(t, mp, mark))
}

// printMonths is the month-by-month table on the printout.
func (p *exportPanel) printMonths(t *text.Catalog, n numfmt.Formatter) app.UI {
	mp, err := funnel.ComputeMonths(p.Inputs, p.Cal, p.Year)
	if err != nil {
		return app.P().Class("note").Text(t.CalUnavail)
	}
	return app.Div().Class("print-months").DataSet("testid", "print-months").Body(
		app.H3().Text(t.MonthsTitle),
		app.P().Class("note").Text(hiresSentence(t, n.Grouped(), mp)),
		monthTable(t, n.Grouped(), mp, false).Class("print-table print-cal"),
	)
}
