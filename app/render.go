package main

import (
	"fmt"
	"strings"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (c *calculator) Render() app.UI {
	t := c.texts()
	class := "embudo"
	if c.sc.Embed {
		class += " embed"
	}
	root := app.Main().ID("embudo").Class(class)
	if c.ready {
		root = root.DataSet("wasm", "ready")
	}
	return root.Body(
		c.renderHeader(),
		c.renderNotices(),
		app.Div().Class("layout").Body(
			app.Section().Class("inputs").Aria("label", t.ModeLabel).Body(c.renderInputs()...),
			app.Div().Class("results").Body(c.renderResults()...),
		),
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
			c.renderSelect("lang", t.LangLabel, c.sc.Lang, funnel.Langs, c.onLang),
			c.renderSelect("cur", t.CurLabel, c.sc.Cur, funnel.Currencies, c.onCur),
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

func (c *calculator) renderSelect(name, label, value string, options []string, h app.EventHandler) app.UI {
	return app.Label().Class("select").Body(
		app.Span().Text(label),
		app.Select().ID("select-"+name).DataSet("testid", "select-"+name).OnChange(h).Body(
			app.Range(options).Slice(func(i int) app.UI {
				o := app.Option().Value(options[i]).Text(strings.ToUpper(options[i]))
				if options[i] == value { // see renderModeSwitch
					o = o.Selected(true)
				}
				return o
			}),
		),
	)
}

func (c *calculator) renderNotices() app.UI {
	t := c.texts()
	var items []app.UI
	for _, e := range c.notices {
		msg := t.fieldError(e, c.numbers())
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
	return app.Ul().Class("notices").Attr("role", "alert").Body(items...)
}

func notice(text string) app.UI {
	return app.Li().Class("notice").DataSet("testid", "notice").Text(text)
}

func (c *calculator) renderInputs() []app.UI {
	t := c.texts()
	if c.sc.Mode == funnel.ModeForecast {
		return []app.UI{
			c.renderControls(t.TrafficGrp, forecastControls),
			c.renderControls(t.RatesGroup, rateControls),
			c.renderControls(t.GoalGroup, goalControls),
			c.renderControls(t.TeamGroup, teamControls),
		}
	}
	return []app.UI{
		c.renderControls(t.GoalGroup, goalControls),
		c.renderControls(t.RatesGroup, rateControls),
		c.renderControls(t.TeamGroup, teamControls),
	}
}

func (c *calculator) renderResults() []app.UI {
	if c.sc.Mode == funnel.ModeForecast {
		return []app.UI{c.renderForecast()}
	}
	return []app.UI{
		c.renderSLA(),
		c.renderVolumes(),
		c.renderTeam(),
		c.renderChart(),
	}
}

func (c *calculator) renderChart() app.UI {
	t, n, p := c.texts(), c.numbers(), c.result.plan
	ch := &funnelChart{Title: t.ChartTitle}
	for _, s := range funnel.Stages {
		ch.Labels = append(ch.Labels, t.Stages[s])
		ch.Values = append(ch.Values, Int(n, p.Stages[s].Year))
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
		n.Fixed(int64(p.Stages[funnel.MQLs].Month), 1)) + " " + t.Reps + ": " + Int(n, p.Reps) + "."
}

func (c *calculator) onMode(ctx app.Context, e app.Event) {
	c.sc.Mode = funnel.Mode(ctx.JSSrc().Get("value").String())
	c.compute(c.sc)
	c.save(ctx)
}

func (c *calculator) onLang(ctx app.Context, e app.Event) {
	c.sc.Lang = ctx.JSSrc().Get("value").String()
	ctx.Page().SetLang(c.sc.Lang)
	ctx.Page().SetTitle(pageTitle(c.sc.Lang))
	c.save(ctx)
}

func (c *calculator) onCur(ctx app.Context, e app.Event) {
	c.sc.Cur = ctx.JSSrc().Get("value").String()
	c.save(ctx)
}
