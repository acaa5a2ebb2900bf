package ui

import (
	"fmt"
	"strings"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
)

// slaText is the SLA as plain text for the clipboard: a title, the goal,
// both statements, the staffing and the scenario's link.
func slaText(t *text.Catalog, s slaStrings, link string) string {
	var b strings.Builder
	b.WriteString(t.TextTitle + "\n\n")
	b.WriteString(s.Goal + "\n\n")
	b.WriteString(t.MarketingToSales + ": " + s.Marketing + "\n")
	b.WriteString(t.SalesToMarketing + ": " + s.Sales + "\n\n")
	b.WriteString(s.Reps + " " + s.Note + "\n")
	if link != "" {
		b.WriteString("\n" + fmt.Sprintf(t.PrintLink, link) + "\n")
	}
	return b.String()
}

// forecastText is the forecast as plain text, for the clipboard.
func forecastText(t *text.Catalog, n numfmt.Formatter, f funnel.Forecast, goal funnel.Money) string {
	var b strings.Builder
	b.WriteString(t.ForecastTitle + "\n\n")
	b.WriteString(t.Bottleneck[f.Bottleneck] + ". " + forecastSentence(t, n, f, goal) + "\n")
	b.WriteString(t.Customers + ": " + n.Fixed(int64(f.Expected[funnel.Customers]), 1) + "\n")
	b.WriteString(t.TrafficRevenue + ": " + n.Money(f.TrafficRevenue) + "\n")
	b.WriteString(t.CapacityRevenue + ": " + n.Money(f.CapacityRevenue) + "\n")
	return b.String()
}
