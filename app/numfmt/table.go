package numfmt

import (
	"slices"
	"strings"

	"embudo.app/funnel"
)

// The format table mirrors Intl.NumberFormat (Chromium's ICU) for the
// locales and currencies the app offers, so that the server pre-renders the
// text the browser shows once the wasm runs. TestTableMatchesIntl pins it
// to Intl's output, and a browser test compares the two live.

// pattern is where the currency symbol goes.
type pattern int

const (
	prefix      pattern = iota // $1,234
	prefixSpace                // $ 1.234 (a no-break space)
	suffixSpace                // 1.234 € (a no-break space)
)

// localeRow is one locale's way of writing numbers.
type localeRow struct {
	group, decimal string
	minGrouping    int     // 2 in es-ES: 3200 has no separator, 32.000 has
	pattern        pattern // where the currency symbol goes
}

var locales = map[string]localeRow{
	"en-US":  {",", ".", 1, prefix},
	"es-MX":  {",", ".", 1, prefix},
	"es-CO":  {".", ",", 1, prefixSpace},
	"es-AR":  {".", ",", 1, prefixSpace},
	"es-CL":  {".", ",", 1, prefix},
	"es-PE":  {",", ".", 1, prefixSpace},
	"es-ES":  {".", ",", 2, suffixSpace},
	"es-US":  {",", ".", 1, prefix},
	"es-419": {",", ".", 1, prefix},
	"pt-BR":  {".", ",", 1, prefixSpace},
}

// currencyRow is how a currency is written: its symbol in each locale
// that has one for it (elsewhere Intl writes the ISO code), and the locale
// a language uses with it where that is the currency's country's own.
type currencyRow struct {
	symbols map[string]string // by locale
	locales map[string]string // by language code
}

// currencies has a row for each of funnel.Currencies.
var currencies = map[string]currencyRow{
	"USD": {
		map[string]string{"en-US": "$", "es-US": "$", "es-CO": "US$", "es-AR": "US$", "es-CL": "US$", "es-ES": "US$", "pt-BR": "US$"},
		map[string]string{"es": "es-US"},
	},
	"MXN": {map[string]string{"en-US": "MX$", "es-MX": "$", "pt-BR": "MX$"}, map[string]string{"es": "es-MX"}},
	"EUR": {map[string]string{"en-US": "€", "es-ES": "€", "pt-BR": "€"}, map[string]string{"es": "es-ES"}},
	"COP": {map[string]string{"es-CO": "$"}, map[string]string{"es": "es-CO"}},
	"ARS": {map[string]string{"es-AR": "$"}, map[string]string{"es": "es-AR"}},
	"CLP": {map[string]string{"es-CL": "$"}, map[string]string{"es": "es-CL"}},
	"PEN": {map[string]string{"es-PE": "S/"}, map[string]string{"es": "es-PE"}},
	"BRL": {map[string]string{"en-US": "R$", "pt-BR": "R$"}, nil},
}

// tableFormat formats from the table.
type tableFormat struct {
	localeRow
	symbol string
}

// Table is the server's Formatter for a locale (as Locale picks it) and a
// currency; an unknown locale writes as en-US.
func Table(locale, cur string) Formatter {
	row, ok := locales[locale]
	if !ok {
		locale, row = "en-US", locales["en-US"]
	}
	symbol, ok := currencies[cur].symbols[locale]
	if !ok {
		symbol = cur
	}
	return tableFormat{row, symbol}
}

func (f tableFormat) Mark() string { return f.decimal }

func (f tableFormat) Fixed(units int64, scale int) string {
	s := Plain(units, scale, f.decimal)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, found := strings.Cut(s, f.decimal)
	s = f.grouped(whole)
	if found {
		s += f.decimal + frac
	}
	if neg {
		return "-" + s
	}
	return s
}

func (f tableFormat) Upto(units int64, scale int) string { return f.Fixed(trim(units, scale)) }

func (f tableFormat) Money(m funnel.Money) string {
	num := f.Fixed(int64(m), 2)
	if m%100 == 0 {
		num = f.Fixed(int64(m)/100, 0)
	}
	switch {
	case f.pattern == suffixSpace:
		return num + nbsp + f.symbol
	case f.pattern == prefixSpace || isCode(f.symbol):
		return f.symbol + nbsp + num
	}
	return f.symbol + num
}

const nbsp = "\u00a0"

// grouped puts the group separator between thousands of a digit string.
func (f tableFormat) grouped(s string) string {
	if len(s) <= 3 || len(s) < 3+f.minGrouping {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(f.group)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isCode tells an ISO code used as a symbol ("COP"), which Intl always
// separates from the number.
func isCode(symbol string) bool {
	return len(symbol) == 3 && strings.Trim(symbol, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// Locales lists the locales the table mirrors, sorted.
func Locales() []string {
	list := make([]string, 0, len(locales))
	for loc := range locales {
		list = append(list, loc)
	}
	slices.Sort(list)
	return list
}
