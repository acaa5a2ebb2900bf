package ui

import (
	"fmt"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderForecast shows what the traffic and the team deliver, which one
// binds, and the gap to the goal.
func (c *calculator) renderForecast() app.UI {
	t, n, f := c.texts(), c.numbers(), c.result.forecast
	return app.Section().Class("card forecast").Aria("labelledby", "forecast-title").Body(
		app.H2().ID("forecast-title").Text(t.ForecastTitle),
		app.P().Class("bottleneck").DataSet("testid", "bottleneck").DataSet("value", string(f.Bottleneck)).
			Text(t.Bottleneck[f.Bottleneck]),
		app.P().Text(forecastSentence(t, n, f, c.sc.Goal)),
		// What is reachable leads; each constraint's own figures follow,
		// labelled as such.
		app.Dl().Class("figures reachable").Body(
			figure(t.ReachableCustomers, "reachable-customers", n.Fixed(int64(f.Customers), 1)),
			figure(t.ReachableRevenue, "reachable-revenue", n.Money(f.Revenue)),
		),
		app.If(c.result.spread != nil, func() app.UI { return forecastRangeLine(t, n, *c.result.spread) }),
		app.If(!c.sc.Embed, func() app.UI { return c.renderForecastDetail(t, n, f) }),
	)
}

// renderForecastDetail is each constraint's own figures and the traffic's
// people per stage (the full calculator's; an embed keeps to the answer).
func (c *calculator) renderForecastDetail(t *text.Catalog, n numfmt.Formatter, f funnel.Forecast) app.UI {
	return app.Div().Class("forecast-detail").Body(
		app.H3().Class("alone").Text(t.AloneTitle),
		app.Dl().Class("figures alone").Body(
			figure(t.TrafficCustomers, "forecast-customers", n.Fixed(int64(f.Expected[funnel.Customers]), 1)),
			figure(t.TrafficRevenue, "forecast-revenue", n.Money(f.TrafficRevenue)),
			figure(t.CapacityCustomers, "capacity-customers", n.Fixed(int64(f.CapacityCustomers), 1)),
			figure(t.CapacityRevenue, "capacity-revenue", n.Money(f.CapacityRevenue)),
		),
		app.P().Class("note").Text(t.ExpectedNote),
		tableWrap(t, t.ExpectedTitle).Body(expectedTable(t, n.Grouped(), f, true)),
	)
}

// expectedTable is the forecast's people per stage, a column. hooks adds
// the test hooks (expected-*): only the table on screen has them, not the
// printed copy.
func expectedTable(t *text.Catalog, n numfmt.Formatter, f funnel.Forecast, hooks bool) app.HTMLTable {
	return app.Table().Body(
		app.TBody().Body(app.Range(funnel.Stages[:]).Slice(func(i int) app.UI {
			s := funnel.Stages[i]
			td := app.Td()
			if hooks {
				td = td.DataSet("testid", "expected-"+s.Key())
			}
			return app.Tr().Body(
				app.Th().Scope("row").Text(t.Stages[s]),
				td.Text(n.Fixed(int64(f.Expected[s]), 1)),
			)
		})),
	)
}

// forecastSentence says which constraint binds and how far the revenue is
// from the goal (the screen and the export say the same).
func forecastSentence(t *text.Catalog, n numfmt.Formatter, f funnel.Forecast, goalMoney funnel.Money) string {
	var limit string
	if f.Bottleneck == funnel.BottleneckSales {
		limit = fmt.Sprintf(t.ForecastSales, n.Money(f.CapacityRevenue), n.Money(f.TrafficRevenue))
	} else {
		limit = fmt.Sprintf(t.ForecastTraffic, n.Money(f.TrafficRevenue), n.Money(f.CapacityRevenue))
	}
	goal := n.Money(goalMoney)
	gap := fmt.Sprintf(t.OnTarget, goal)
	switch {
	case f.Gap > 0:
		gap = fmt.Sprintf(t.Gap, n.Money(f.Gap), goal)
	case f.Surplus > 0:
		gap = fmt.Sprintf(t.Surplus, n.Money(f.Surplus), goal)
	}
	return limit + " " + gap
}

// forecastRangeLine is the forecast's range when past counts are given:
// customers in whole numbers (the low end rounded down, the high end up)
// and revenue.
func forecastRangeLine(t *text.Catalog, n numfmt.Formatter, r funnel.Range) app.UI {
	low, high := int64(r.Low)/10, (int64(r.High)+9)/10
	return app.P().Class("forecast-range").DataSet("testid", "forecast-range").
		DataSet("low", low).DataSet("high", high).
		Text(fmt.Sprintf(t.Range, numfmt.Int(n, low), numfmt.Int(n, high), n.Money(r.LowRevenue), n.Money(r.HighRevenue)))
}
