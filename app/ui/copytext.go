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
	writeLink(&b, t, link)
	return b.String()
}

// forecastText is the forecast as plain text for the clipboard, what the
// forecast card says: which constraint binds, what is reachable, each
// constraint's own figures, the team and traffic beside what the goal
// needs, and the scenario's link.
func forecastText(t *text.Catalog, n numfmt.Formatter, f funnel.Forecast, in funnel.Inputs, link string) string {
	var b strings.Builder
	b.WriteString(t.ForecastTitle + "\n\n")
	b.WriteString(t.Bottleneck[f.Bottleneck] + ". " + forecastSentence(t, n, f, in.Goal) + "\n\n")
	for i, sec := range forecastFigures(t, n, f, in) {
		if i > 0 {
			b.WriteString("\n")
		}
		if sec.title != "" {
			b.WriteString(sec.title + "\n")
		}
		for _, fg := range sec.figures {
			b.WriteString(fg.label + ": " + fg.value + "\n")
		}
	}
	writeLink(&b, t, link)
	return b.String()
}

func writeLink(b *strings.Builder, t *text.Catalog, link string) {
	if link != "" {
		b.WriteString("\n" + fmt.Sprintf(t.PrintLink, link) + "\n")
	}
}

// labelled is a figure as the export writes it: its label and its value,
// formatted.
type labelled struct{ label, value, testid string }

// figureGroup is a group of figures under a title ("" for none).
type figureGroup struct {
	title   string
	figures []labelled
}

// forecastFigures are the forecast's figures in the order the printout
// and the copied text give them: what is reachable, each constraint's own
// figures, and the team and traffic on hand beside what the goal needs.
// The testids are the printout's.
func forecastFigures(t *text.Catalog, n numfmt.Formatter, f funnel.Forecast, in funnel.Inputs) []figureGroup {
	return []figureGroup{
		{t.ReachTitle, []labelled{
			{t.ReachableCustomers, n.Fixed(int64(f.Customers), 1), "print-reachable-customers"},
			{t.ReachableRevenue, n.Money(f.Revenue), "print-reachable-revenue"},
		}},
		{t.AloneTitle, []labelled{
			{t.TrafficCustomers, n.Fixed(int64(f.Expected[funnel.Customers]), 1), "print-traffic-customers"},
			{t.TrafficRevenue, n.Money(f.TrafficRevenue), "print-traffic-revenue"},
			{t.CapacityCustomers, n.Fixed(int64(f.CapacityCustomers), 1), "print-capacity-customers"},
			{t.CapacityRevenue, n.Money(f.CapacityRevenue), "print-capacity-revenue"},
		}},
		{t.NeedTitle, []labelled{
			{t.Fields[funnel.FieldReps], numfmt.Int(n, in.Reps), "print-reps"},
			{t.RepsForGoal, numfmt.Int(n, f.RepsNeeded), "print-reps-needed"},
			{t.Fields[funnel.FieldVisits], numfmt.Int(n, in.Visits), "print-visits"},
			{t.VisitsForGoal, numfmt.Int(n, f.VisitsNeeded), "print-visits-needed"},
		}},
	}
}
