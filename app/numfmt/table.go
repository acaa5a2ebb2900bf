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
// that has one for it (elsewhere Intl writes the ISO code), the locale a
// language uses with it (the currency's country's own, else a neighbour's),
// and its minor digits as Intl shows them.
type currencyRow struct {
	symbols map[string]string // by locale
	locales map[string]string // by language code
	digits  int               // 2, or 0 where Intl shows no cents
}

// currencies has a row for each of funnel.Currencies.
var currencies = map[string]currencyRow{
	"USD": {
		symbols: map[string]string{"en-US": "$", "es-US": "$", "es-CO": "US$", "es-AR": "US$", "es-CL": "US$", "es-ES": "US$", "pt-BR": "US$"},
		locales: map[string]string{"es": "es-US"},
		digits:  2,
	},
	"MXN": {
		symbols: map[string]string{"en-US": "MX$", "es-MX": "$", "pt-BR": "MX$"},
		locales: map[string]string{"es": "es-MX"},
		digits:  2,
	},
	"EUR": {
		symbols: map[string]string{"en-US": "€", "es-ES": "€", "pt-BR": "€"},
		locales: map[string]string{"es": "es-ES"},
		digits:  2,
	},
	// Colombian prices are whole pesos, and Intl shows COP with 0 digits.
	"COP": {symbols: map[string]string{"es-CO": "$"}, locales: map[string]string{"es": "es-CO"}, digits: 0},
	"ARS": {symbols: map[string]string{"es-AR": "$"}, locales: map[string]string{"es": "es-AR"}, digits: 2},
	"CLP": {symbols: map[string]string{"es-CL": "$"}, locales: map[string]string{"es": "es-CL"}, digits: 0},
	"PEN": {symbols: map[string]string{"es-PE": "S/"}, locales: map[string]string{"es": "es-PE"}, digits: 2},
	// No Spanish-speaking country uses reais: Spanish reads them as Brazil's
	// neighbours write (es-AR, es-UY, es-PY and es-BO all give "BRL 1.234,56";
	// es-419 and es-BR write en-US digits).
	"BRL": {
		symbols: map[string]string{"en-US": "R$", "pt-BR": "R$"},
		locales: map[string]string{"es": "es-AR"},
		digits:  2,
	},
}

// tableFormat formats from the table.
type tableFormat struct {
	localeRow
	symbol string
	digits int // the currency's minor digits
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
	digits := 2
	if c, ok := currencies[cur]; ok {
		digits = c.digits
	}
	return tableFormat{row, symbol, digits}
}

func (f tableFormat) Mark() string { return f.decimal }

// Grouped groups from 4 digits on, as Intl's useGrouping: 'always' does.
func (f tableFormat) Grouped() Formatter {
	f.minGrouping = 1
	return f
}

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
	units, scale := halfExpand(int64(m), 2-f.digits), f.digits
	if scale > 0 && units%pow10(scale) == 0 {
		units, scale = units/pow10(scale), 0
	}
	num := f.Fixed(units, scale)
	switch {
	case f.pattern == suffixSpace:
		return num + nbsp + f.symbol
	case f.pattern == prefixSpace || isCode(f.symbol):
		return f.symbol + nbsp + num
	}
	return f.symbol + num
}

// halfExpand divides v by 10^n, rounding halves away from zero as Intl's
// default roundingMode does; in integers, so cents past 2^53 stay exact.
func halfExpand(v int64, n int) int64 {
	d := pow10(n)
	q, r := v/d, v%d
	if r < 0 {
		r = -r
	}
	if r >= d-r { // r ≥ d/2 without overflow
		if v < 0 {
			return q - 1
		}
		return q + 1
	}
	return q
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
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
