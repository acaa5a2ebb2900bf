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

func (c *calculator) Render() app.UI {
	t := c.texts()
	class := "embudo"
	if c.sc.Embed {
		class += " embed"
	}
	// data-query is the scenario this page shows: a static host serves the
	// same pre-rendered page for every link, and embudo.js dims its
	// numbers until the wasm shows the link's own.
	root := app.Main().ID("embudo").Class(class).DataSet("query", queryText(c.sc))
	switch {
	case c.ready:
		root = root.DataSet("wasm", "ready")
	case inBrowser: // taking the pre-rendered page over (hydrate.go)
		root = root.DataSet("wasm", "starting")
	}
	var inputs, results []app.UI
	for i, g := range c.renderInputs() {
		inputs = append(inputs, c.part("inputs/"+strconv.Itoa(i), g))
	}
	for i, r := range c.renderResults() {
		results = append(results, c.part("results/"+strconv.Itoa(i), r))
	}
	inputsSection := app.Section().Class("inputs").Aria("label", t.InputsLabel).Body(inputs...)
	stale := c.staleFields()
	resultsDiv := app.Div().Class(resultsClass(len(stale) > 0)).Body(results...)
	layout := app.Div().Class("layout").Body(inputsSection, resultsDiv)
	if c.sc.Embed { // the answer first
		layout = app.Div().Class("layout").Body(resultsDiv, inputsSection)
	}
	return root.Body(
		c.renderUpdate(),
		c.part("header", func() app.UI {
			return newMemo("header", headerKey{c.localeKey(), c.sc.Mode, c.sc.Embed, c.installable}, c.renderHeader)
		}),
		c.renderNotices(),
		c.renderStale(stale),
		c.part("keys", func() app.UI { return newMemo("keys", c.keyFigures(), c.renderKeyFigures) }),
		layout,
		app.If(!c.sc.Embed, c.renderToolParts).Else(c.renderEmbedFooter),
		app.P().Class("sr-only").Aria("live", "polite").Attr("role", "status").Text(c.summary()),
	)
}

func (c *calculator) renderHeader() app.UI {
	t := c.texts()
	return app.Header().Class("top").Body(
		app.Div().Class("brand").Body(
			app.H1().Text("Embudo"),
			app.If(!c.sc.Embed, func() app.UI { return app.P().Class("tagline").Text(t.Tagline) }),
		),
		app.If(!c.sc.Embed, c.renderToolbar), // an embed has it under "All inputs"
	)
}

func (c *calculator) renderToolbar() app.UI {
	t := c.texts()
	return app.Div().Class("toolbar").Body(
		c.renderModeSwitch(),
		c.renderSelect("lang", t.LangLabel, c.sc.Lang, langCodes, langNames, c.onLang),
		c.renderSelect("cur", t.CurLabel, c.sc.Cur, funnel.Currencies, nil, c.onCur),
		app.If(!c.sc.Embed, c.renderInstall), // an embed installs nothing
	)
}

func (c *calculator) renderModeSwitch() app.UI {
	t := c.texts()
	opt := func(m funnel.Mode, label string) app.UI {
		radio := app.Input().Type("radio").Name("mode").Value(string(m)).
			DataSet("testid", "mode-"+string(m)).OnChange(handle(c.onMode))
		if c.sc.Mode == m { // go-app pre-renders checked="false" as checked
			radio = radio.Checked(true)
		}
		return app.Label().Class("seg").Body(
			radio,
			app.Span().Text(label),
		)
	}
	return app.FieldSet().Class("modes").Body(
		app.Legend().Class("sr-only").Text(t.ModeLabel),
		opt(funnel.ModePlan, t.Plan),
		opt(funnel.ModeForecast, t.Forecast),
	)
}

// langNames shows each language in its own words.
var langNames = func() map[string]string {
	names := map[string]string{}
	for _, l := range text.Languages() {
		names[l.Code] = l.Name
	}
	return names
}()

// langCodes are the languages the picker offers, in the registry's order.
var langCodes = text.Codes()

func (c *calculator) renderSelect(name, label, value string, options []string, names map[string]string, h app.EventHandler) app.UI {
	return app.Label().Class("select").Body(
		app.Span().Text(label),
		app.Select().ID("select-"+name).DataSet("testid", "select-"+name).OnChange(handle(h)).Body(
			app.Range(options).Slice(func(i int) app.UI {
				text := names[options[i]]
				if text == "" {
					text = strings.ToUpper(options[i])
				}
				o := app.Option().Value(options[i]).Text(text)
				if options[i] == value { // see renderModeSwitch
					o = o.Selected(true)
				}
				return o
			}),
		),
	)
}

// renderUpdate offers a reload once a new version is installed, so the
// app is never silently stale.
func (c *calculator) renderUpdate() app.UI {
	slot := app.Div().Class("update-slot")
	if !c.update {
		return slot
	}
	t := c.texts()
	return slot.Body(app.Div().Class("update").Attr("role", "status").DataSet("testid", "update-notice").Body(
		app.Span().Text(t.UpdateReady),
		app.Button().Type("button").Class("primary").Text(t.Reload).OnClick(handle(func(ctx app.Context, e app.Event) { ctx.Reload() })),
	))
}

// renderKeyFigures is the answer first, on every width: the MQLs a week,
// the reps needed and the visitors a month (in forecast mode, what is
// reachable and what binds). On narrow screens it stays in view while the
// sliders scroll.
func (c *calculator) renderKeyFigures() app.UI {
	t, n := c.texts(), c.numbers()
	item := func(testid, value, label string) app.UI {
		return app.Span().Class("key").DataSet("testid", testid).Body(app.Strong().Text(value), app.Text(" "+label))
	}
	bar := app.Section().Class("keybar").DataSet("testid", "headline").Aria("label", t.Headline)
	if c.sc.Mode == funnel.ModeForecast {
		f := c.result.forecast
		return bar.Body(
			item("headline-revenue", n.Money(f.Revenue), t.KeyRevenue),
			item("headline-customers", n.Fixed(int64(f.Customers), 1), t.KeyCustomers),
			app.Span().Class("key").Text(t.Bottleneck[f.Bottleneck]),
		)
	}
	p := c.result.plan
	mqls, visitors := p.Stages[funnel.MQLs], p.Stages[funnel.Visitors]
	return bar.Body(
		item("headline-mqls", perShown(n, mqls.Week, mqls.Year), t.KeyMQLs),
		item("headline-reps", numfmt.Int(n, p.Reps), t.KeyReps),
		item("headline-visitors", perShown(n, visitors.Month, visitors.Year), t.KeyVisitors),
	)
}

func (c *calculator) renderNotices() app.UI {
	t := c.texts()
	var items []app.UI
	for _, e := range c.notices {
		items = append(items, notice(noticeText(t, e, c.numbers())))
	}
	if c.stale {
		items = append(items, notice(t.NoticeStorage))
	}
	if c.faulted {
		items = append(items, notice(t.NoticeFault))
	}
	// Always there, so that a notice coming or going never shifts the
	// page's parts (go-app matches children by position: a shift would
	// replace every part after it, the box being typed in too).
	slot := app.Div().Class("notice-slot").Attr("role", "alert")
	if len(items) == 0 {
		return slot
	}
	return slot.Body(app.Ul().Class("notices").Body(items...))
}

// renderStale says, while a box holds text that is not valid, that the
// results and the link keep that field's last valid value.
func (c *calculator) renderStale(fields []funnel.Field) app.UI {
	slot := app.Div().Class("stale-slot").Attr("role", "status")
	if len(fields) == 0 {
		return slot
	}
	t := c.texts()
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = t.Fields[f]
	}
	return slot.Body(app.P().Class("stale-note").DataSet("testid", "stale").
		DataSet("fields", joinFields(fields)).Text(fmt.Sprintf(t.StaleNote, strings.Join(names, ", "))))
}

func resultsClass(stale bool) string {
	if stale {
		return "results stale"
	}
	return "results"
}

func joinFields(fs []funnel.Field) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, " ")
}

func notice(text string) app.UI {
	return app.Li().Class("notice").DataSet("testid", "notice").Text(text)
}

// inputGroup is a group of controls under a legend.
type inputGroup struct {
	id       string
	legend   func(t *text.Catalog) string
	controls []control
}

var (
	goalGroup    = inputGroup{"goal", func(t *text.Catalog) string { return t.GoalGroup }, goalControls}
	ratesGroup   = inputGroup{"rates", func(t *text.Catalog) string { return t.RatesGroup }, rateControls}
	teamGroup    = inputGroup{"team", func(t *text.Catalog) string { return t.TeamGroup }, teamControls}
	trafficGroup = inputGroup{"traffic", func(t *text.Catalog) string { return t.TrafficGrp }, forecastControls}

	planGroups     = []inputGroup{goalGroup, ratesGroup, teamGroup}
	forecastGroups = []inputGroup{trafficGroup, ratesGroup, goalGroup, teamGroup}
)

// renderInputs lists the input groups' builders (each a part, see
// hydrate.go).
func (c *calculator) renderInputs() []func() app.UI {
	groups := planGroups
	if c.sc.Mode == funnel.ModeForecast {
		groups = forecastGroups
	}
	parts := make([]func() app.UI, len(groups))
	for i, g := range groups {
		parts[i] = func() app.UI {
			return newMemo("inputs-"+g.id, c.groupKey(g.controls), func() app.UI {
				return c.renderControls(g.legend(c.texts()), g.controls)
			})
		}
	}
	if c.sc.Embed {
		// A blog column wants the answer: the first group shows (goal and
		// ticket; traffic and team in forecast mode), the rest and the
		// mode, language and currency are one click away.
		rest := parts[1:]
		return []func() app.UI{parts[0], func() app.UI {
			body := []app.UI{c.renderToolbar()}
			for _, p := range rest {
				body = append(body, p())
			}
			return app.Details().Class("more-inputs").DataSet("testid", "all-inputs").Body(
				app.Summary().Text(c.texts().AllInputs),
				app.Div().Body(body...),
			)
		}}
	}
	return parts
}

// renderResults lists the result cards' builders, in order (each a part,
// see hydrate.go).
func (c *calculator) renderResults() []func() app.UI {
	var cards []func() app.UI
	if c.sc.Mode == funnel.ModeForecast {
		cards = []func() app.UI{func() app.UI { return newMemo("forecast", c.forecastKey(), c.renderForecast) }}
	} else {
		cards = []func() app.UI{
			func() app.UI { return newMemo("sla", c.slaKey(), c.renderSLA) },
			func() app.UI { return newMemo("volumes", c.stagesKey(), c.renderVolumes) },
			func() app.UI { return newMemo("team", c.teamKey(), c.renderTeam) },
			func() app.UI { return newMemo("chart", c.stagesKey(), c.renderChart) },
		}
	}
	if c.sc.Embed {
		// The answer first (the SLA and the funnel, or the forecast); the
		// tables, the team and the levers one click away.
		shown := cards[:1]
		if c.sc.Mode == funnel.ModePlan {
			shown = []func() app.UI{cards[0], cards[3]}
			cards = []func() app.UI{cards[1], cards[2]}
		} else {
			cards = nil
		}
		more := append(cards, c.renderSensitivity)
		return append(shown, func() app.UI {
			body := make([]app.UI, len(more))
			for i, m := range more {
				body[i] = m()
			}
			return app.Details().Class("more-results").DataSet("testid", "more-results").Body(
				app.Summary().Text(c.texts().MoreResults),
				app.Div().Body(body...),
			)
		})
	}
	if c.sc.Mode == funnel.ModeForecast {
		cards = append(cards, c.renderSolve)
	}
	cards = append(cards, c.renderSensitivity)
	if !c.sc.Embed {
		cards = append(cards, c.renderExport, func() app.UI {
			return newMemo("share", shareKey{c.sc.Lang, c.shareStatus, c.embedCode}, c.renderShare)
		})
	}
	return cards
}

// The what-if tools are components of their own: each keeps its UI state
// (the sensitivity step, the saved scenarios, the export status) in
// unexported fields, and takes from the calculator only exported props, so
// it re-renders only when those change.

func (c *calculator) renderSensitivity() app.UI {
	return c.hold(viewSensitivity, func() app.UI {
		return &sensitivityPanel{Inputs: c.sc.Inputs, Mode: c.sc.Mode, Lang: c.sc.Lang, Cur: c.sc.Cur, Step: c.sc.Step, Sens: c.result.sens}
	})
}

func (c *calculator) renderExport() app.UI {
	return &exportPanel{
		Inputs: c.sc.Inputs, Mode: c.sc.Mode, Plan: c.result.plan, Forecast: c.result.forecast,
		Lang: c.sc.Lang, Cur: c.sc.Cur, Query: scenarioQuery(c.sc),
		Cal: c.sc.Cal, Year: thisYear(),
	}
}

func (c *calculator) renderChart() app.UI {
	t, n, p := c.texts(), c.numbers(), c.result.plan
	ch := &funnelChart{Title: t.ChartTitle}
	for _, s := range funnel.Stages {
		ch.Labels = append(ch.Labels, t.Stages[s])
		ch.Values = append(ch.Values, numfmt.Int(n, p.Stages[s].Year))
		ch.Counts = append(ch.Counts, float64(p.Stages[s].Year))
	}
	return app.Section().Class("card chart-card").Aria("label", t.ChartTitle).Body(
		app.H2().Text(t.ChartTitle),
		ch,
	)
}

// summary is the one sentence a screen reader hears after a change.
func (c *calculator) summary() string {
	t, n := c.texts(), c.numbers()
	if c.sc.Mode == funnel.ModeForecast {
		return t.Bottleneck[c.result.forecast.Bottleneck] + ": " + n.Money(c.result.forecast.Revenue)
	}
	p := c.result.plan
	return fmt.Sprintf(t.SLAMarketing, n.Fixed(int64(p.Stages[funnel.MQLs].Week), 1),
		n.Fixed(int64(p.Stages[funnel.MQLs].Month), 1)) + " " + t.Reps + ": " + numfmt.Int(n, p.Reps) + "."
}

func (c *calculator) onMode(ctx app.Context, e app.Event) { c.onChoice(ctx, funnel.FieldMode) }
func (c *calculator) onCur(ctx app.Context, e app.Event)  { c.onChoice(ctx, funnel.FieldCur) }

func (c *calculator) onLang(ctx app.Context, e app.Event) {
	c.onChoice(ctx, funnel.FieldLang)
	showLang(ctx, c.sc.Lang)
}

// onChoice applies a radio or select (mode, language, currency).
func (c *calculator) onChoice(ctx app.Context, f funnel.Field) {
	if c.set(f, ctx.JSSrc().Get("value").String()) {
		c.save(ctx)
	}
}

// renderToolParts is the tools, each a part of its own: each comes alive
// in a task of its own (hydrate.go).
func (c *calculator) renderToolParts() app.UI {
	tools := c.renderTools()
	parts := make([]app.UI, len(tools))
	for i, tool := range tools {
		parts[i] = c.part("tools/"+strconv.Itoa(i), func() app.UI { return tool })
	}
	return app.Div().Class("tools").Body(parts...)
}

// renderTools adds the full-width tools under the calculator (scenarios and
// comparison, traffic and leads, the lead qualification guide, the plan
// month by month).
func (c *calculator) renderTools() []app.UI {
	return []app.UI{
		c.hold(viewScenarios, func() app.UI {
			return &scenariosPanel{Query: scenarioQuery(c.sc), Lang: c.sc.Lang, Cur: c.sc.Cur}
		}),
		app.Div().Class("tools-pair").Body(
			c.hold(viewLeads, func() app.UI {
				return &leadsPanel{R1: c.sc.Rates[0], Visits: c.sc.Visits, LeadVisits: c.sc.LeadVisits,
					LeadsWanted: c.sc.LeadsWanted, Lang: c.sc.Lang, Cur: c.sc.Cur}
			}),
			&guidePanel{Lang: c.sc.Lang, Cur: c.sc.Cur},
		),
		c.renderMonths(),
		&calibratePanel{Past: c.sc.Past, Lang: c.sc.Lang, Cur: c.sc.Cur},
	}
}

func (c *calculator) renderSolve() app.UI {
	return &solvePanel{Inputs: c.sc.Inputs, Solve: c.sc.Solve, Lang: c.sc.Lang, Cur: c.sc.Cur}
}
