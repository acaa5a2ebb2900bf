package ui

import (
	"bytes"
	"encoding/csv"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
)

// The CSV follows the mode, like the screen: the inputs the mode reads
// first, then its figures, then its table of stages, each a section with
// a head of its own, a blank row between.

// planCSV is the plan's CSV: the inputs, the reps needed and the workload,
// and the stage table.
func planCSV(t *text.Catalog, in funnel.Inputs, p funnel.Plan, cur, mark string) [][][]string {
	header, rows := stageRows(t, p, mark)
	return [][][]string{
		inputRows(t, in, funnel.ModePlan, cur),
		{
			{t.TeamTitle, t.CSVValue, t.CSVUnit},
			{t.Reps, numfmt.Plain(p.Reps, 0, mark), t.Units[funnel.FieldReps]},
			{t.FTE, numfmt.Plain(int64(p.FTE), 2, mark), ""},
		},
		append([][]string{header}, rows...),
	}
}

// forecastCSV is the forecast's CSV: the inputs, what is reachable, each
// constraint's own figures, the team and traffic on hand beside what the
// goal needs, and the expected people per stage.
func forecastCSV(t *text.Catalog, in funnel.Inputs, f funnel.Forecast, cur, mark string) [][][]string {
	customers := t.CustomerNoun[1]
	reps, visits := t.Units[funnel.FieldReps], t.Units[funnel.FieldVisits]
	header, rows := expectedRows(t, f, mark)
	return [][][]string{
		inputRows(t, in, funnel.ModeForecast, cur),
		{
			{t.ReachTitle, t.CSVValue, t.CSVUnit},
			{t.ReachableCustomers, numfmt.Plain(int64(f.Customers), 1, mark), customers},
			{t.ReachableRevenue, csvMoney(f.Revenue, mark), cur},
		},
		{
			{t.AloneTitle, t.CSVValue, t.CSVUnit},
			{t.TrafficCustomers, numfmt.Plain(int64(f.Expected[funnel.Customers]), 1, mark), customers},
			{t.TrafficRevenue, csvMoney(f.TrafficRevenue, mark), cur},
			{t.CapacityCustomers, numfmt.Plain(int64(f.CapacityCustomers), 1, mark), customers},
			{t.CapacityRevenue, csvMoney(f.CapacityRevenue, mark), cur},
		},
		{
			{t.NeedTitle, t.CSVValue, t.CSVUnit},
			{t.Fields[funnel.FieldReps], numfmt.Plain(in.Reps, 0, mark), reps},
			{t.RepsForGoal, numfmt.Plain(f.RepsNeeded, 0, mark), reps},
			{t.Fields[funnel.FieldVisits], numfmt.Plain(in.Visits, 0, mark), visits},
			{t.VisitsForGoal, numfmt.Plain(f.VisitsNeeded, 0, mark), visits},
		},
		append([][]string{header}, rows...),
	}
}

// inputRows are the inputs a mode reads, one row each: the label the
// screen gives it, its value as the link writes it (digits and a decimal
// point, no grouping: what the link parameter takes) and its unit.
func inputRows(t *text.Catalog, in funnel.Inputs, mode funnel.Mode, cur string) [][]string {
	rows := [][]string{{t.InputsLabel, t.CSVValue, t.CSVUnit}}
	for _, sp := range funnel.InputSpecs {
		if !sp.Plan && mode != funnel.ModeForecast {
			continue
		}
		rows = append(rows, []string{t.Fields[sp.Field], in.Text(sp.Field), inputUnit(t, sp, cur)})
	}
	return rows
}

// inputUnit is an input's unit in words: the currency's code, "%", or
// what a count counts.
func inputUnit(t *text.Catalog, sp funnel.FieldSpec, cur string) string {
	switch sp.Kind {
	case funnel.KindMoney:
		return cur
	case funnel.KindRate:
		return "%"
	}
	return t.Units[sp.Field]
}

// csvMoney is an amount to the cent, as funnel keeps it, without grouping
// and with the locale's decimal mark.
func csvMoney(m funnel.Money, mark string) string { return numfmt.Plain(int64(m), 2, mark) }

// stageRows is the stage table for CSV: localized header and stage names,
// numbers without grouping and with the locale's decimal mark, so a
// spreadsheet in that locale reads them as numbers.
func stageRows(t *text.Catalog, p funnel.Plan, mark string) (header []string, rows [][]string) {
	header = []string{t.Stage, t.Year, t.Quarter, t.Month, t.Week}
	for _, s := range funnel.Stages {
		v := p.Stages[s]
		rows = append(rows, []string{
			t.Stages[s],
			numfmt.Plain(v.Year, 0, mark),
			numfmt.Plain(int64(v.Quarter), 1, mark),
			numfmt.Plain(int64(v.Month), 1, mark),
			numfmt.Plain(int64(v.Week), 1, mark),
		})
	}
	return header, rows
}

// expectedRows is the forecast's stage table for the CSV: stage and
// expected people per year.
func expectedRows(t *text.Catalog, f funnel.Forecast, mark string) (header []string, rows [][]string) {
	header = []string{t.Stage, t.ExpectedYear}
	for _, s := range funnel.Stages {
		rows = append(rows, []string{t.Stages[s], numfmt.Plain(int64(f.Expected[s]), 1, mark)})
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

// buildCSV writes sections of records as a UTF-8 CSV with a byte-order
// mark (without it Excel reads UTF-8 as the system code page and breaks
// accents) and CRLF line ends, quoting fields as RFC 4180 says. A blank
// row parts two sections, and every row has as many fields as the widest
// (RFC 4180: each line should hold the same number of fields), so a strict
// reader takes the file whole.
func buildCSV(sep rune, sections ...[][]string) string {
	width := 0
	for _, sec := range sections {
		for _, r := range sec {
			width = max(width, len(r))
		}
	}
	pad := func(r []string) []string {
		out := make([]string, width)
		copy(out, r)
		return out
	}
	var b bytes.Buffer
	b.WriteString("\ufeff")
	cw := csv.NewWriter(&b)
	cw.Comma = sep
	cw.UseCRLF = true
	for i, sec := range sections {
		if i > 0 {
			cw.Write(pad(nil))
		}
		for _, r := range sec {
			cw.Write(pad(r))
		}
	}
	cw.Flush() // writing to a buffer cannot fail
	return b.String()
}
