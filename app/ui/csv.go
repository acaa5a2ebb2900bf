package ui

import (
	"bytes"
	"encoding/csv"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
)

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

// expectedRows is the forecast's stage table for the CSV: stage and
// expected people per year.
func expectedRows(t *text.Catalog, f funnel.Forecast, mark string) (header []string, rows [][]string) {
	header = []string{t.Stage, t.ExpectedYear}
	for _, s := range funnel.Stages {
		rows = append(rows, []string{t.Stages[s], numfmt.Plain(int64(f.Expected[s]), 1, mark)})
	}
	return header, rows
}
