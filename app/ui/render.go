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
	root := app.Main().ID("embudo").Class(class).DataSet("query", c.sc.Query().Encode())
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
	return root.Body(
		c.renderUpdate(),
		c.part("header", func() app.UI {
			return newMemo("header", headerKey{c.localeKey(), c.sc.Mode, c.sc.Embed}, c.renderHeader)
		}),
		c.renderNotices(),
		c.part("keys", func() app.UI { return newMemo("keys", c.keyFigures(), c.renderKeyFigures) }),
		app.Div().Class("layout").Body(
			app.Section().Class("inputs").Aria("label", t.InputsLabel).Body(inputs...),
			app.Div().Class("results").Body(results...),
		),
		app.If(!c.sc.Embed, func() app.UI {
			return c.part("tools", func() app.UI { return app.Div().Class("tools").Body(c.renderTools()...) })
		}).Else(c.renderEmbedFooter),
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
		app.Div().Class("toolbar").Body(
			c.renderModeSwitch(),
			c.renderSelect("lang", t.LangLabel, c.sc.Lang, langCodes, langNames, c.onLang),
			c.renderSelect("cur", t.CurLabel, c.sc.Cur, funnel.Currencies, nil, c.onCur),
		),
	)
}

func (c *calculator) renderModeSwitch() app.UI {
	t := c.texts()
	opt := func(m funnel.Mode, label string) app.UI {
		radio := app.Input().Type("radio").Name("mode").Value(string(m)).
			DataSet("testid", "mode-"+string(m)).OnChange(c.onMode)
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
		app.Select().ID("select-"+name).DataSet("testid", "select-"+name).OnChange(h).Body(
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
	if !c.update {
		return nil
	}
	t := c.texts()
	return app.Div().Class("update").Attr("role", "status").DataSet("testid", "update-notice").Body(
		app.Span().Text(t.UpdateReady),
		app.Button().Type("button").Class("primary").Text(t.Reload).OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
}

// renderKeyFigures is a compact strip of the headline numbers that stays
// in view on narrow screens while the sliders scroll.
func (c *calculator) renderKeyFigures() app.UI {
	t, n := c.texts(), c.numbers()
	item := func(value, label string) app.UI {
		return app.Span().Class("key").Body(app.Strong().Text(value), app.Text(" "+label))
	}
	if c.sc.Mode == funnel.ModeForecast {
		f := c.result.forecast
		return app.Div().Class("keybar").Aria("hidden", true).Body(
			item(n.Money(f.Revenue), t.KeyRevenue),
			app.Span().Class("key").Text(t.Bottleneck[f.Bottleneck]),
		)
	}
	p := c.result.plan
	return app.Div().Class("keybar").Aria("hidden", true).Body(
		item(n.Fixed(int64(p.Stages[funnel.MQLs].Week), 1), t.KeyMQLs),
		app.Span().Class("key").Body(app.Strong().Text(count(n, p.Reps, t.RepNoun))),
		item(numfmt.Int(n, p.Stages[funnel.Visitors].Year), t.KeyVisitors),
	)
}

func (c *calculator) renderNotices() app.UI {
	t := c.texts()
	var items []app.UI
	for _, e := range c.notices {
		msg := linkError(t, e, c.numbers())
		if e.Field == funnel.FieldResult {
			items = append(items, notice(msg))
			continue
		}
		items = append(items, notice(fmt.Sprintf(t.NoticeParam, e.Field, msg)))
	}
	if c.stale {
		items = append(items, notice(t.NoticeStorage))
	}
	if len(items) == 0 {
		return nil
	}
	return app.Div().Attr("role", "alert").Body(app.Ul().Class("notices").Body(items...))
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
	return &sensitivityPanel{Inputs: c.sc.Inputs, Mode: c.sc.Mode, Lang: c.sc.Lang, Cur: c.sc.Cur, Sens: c.result.sens}
}

func (c *calculator) renderExport() app.UI {
	return &exportPanel{
		Inputs: c.sc.Inputs, Mode: c.sc.Mode, Plan: c.result.plan, Forecast: c.result.forecast,
		Lang: c.sc.Lang, Cur: c.sc.Cur, Query: scenarioQuery(c.sc),
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
	return app.Section().Class("card").Aria("label", t.ChartTitle).Body(
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
	ctx.Page().SetLang(c.sc.Lang)
	ctx.Page().SetTitle(c.texts().PageTitle)
}

// onChoice applies a radio or select (mode, language, currency).
func (c *calculator) onChoice(ctx app.Context, f funnel.Field) {
	if c.set(f, ctx.JSSrc().Get("value").String()) {
		c.save(ctx)
	}
}

// renderTools adds the full-width tools under the calculator (scenarios and
// comparison, traffic and leads, the lead qualification guide).
func (c *calculator) renderTools() []app.UI {
	return []app.UI{
		&scenariosPanel{Query: scenarioQuery(c.sc), Lang: c.sc.Lang, Cur: c.sc.Cur},
		app.Div().Class("tools-pair").Body(
			&leadsPanel{R1: c.sc.Rates[0], Visits: c.sc.Visits, Lang: c.sc.Lang, Cur: c.sc.Cur},
			&guidePanel{Lang: c.sc.Lang, Cur: c.sc.Cur},
		),
	}
}
