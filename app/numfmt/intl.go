package numfmt

import (
	"strings"

	"embudo.app/funnel"
)

// NewIntl builds a browser's Intl.NumberFormat for a locale and options,
// and returns its format method applied to an exact decimal string
// ("705114854929600.09": Intl formats it digit for digit, where a float64
// would round past 2^53). The browser seam supplies it.
type NewIntl func(locale string, options map[string]any) func(decimal string) string

// intlFormat formats with Intl.NumberFormat: built once per locale and
// currency (seven formatters).
type intlFormat struct {
	fixed [MaxScale + 1]func(string) string // exactly 0, 1 and 2 decimals
	upto  [MaxScale + 1]func(string) string // up to 0, 1 and 2 decimals
	money func(string) string
	mark  string
}

// Intl is the browser's Formatter for a locale (as Locale picks it) and a
// currency.
func Intl(locale, cur string, newIntl NewIntl) Formatter {
	var f intlFormat
	for d := range f.fixed {
		f.fixed[d] = newIntl(locale, FixedOptions(d))
		f.upto[d] = newIntl(locale, UptoOptions(d))
	}
	f.money = newIntl(locale, MoneyOptions(cur))
	f.mark = "."
	if strings.Contains(f.Fixed(15, 1), ",") { // 1.5 or 1,5
		f.mark = ","
	}
	return f
}

// FixedOptions are Intl's options for exactly d decimals.
func FixedOptions(d int) map[string]any {
	return map[string]any{"minimumFractionDigits": d, "maximumFractionDigits": d}
}

// UptoOptions are Intl's options for up to d decimals.
func UptoOptions(d int) map[string]any { return map[string]any{"maximumFractionDigits": d} }

// MoneyOptions are Intl's options for money in cur. Cents show whenever an
// amount has them, also in pesos whose currency has no minor unit (COP,
// CLP): the math uses them.
func MoneyOptions(cur string) map[string]any {
	return map[string]any{
		"style":                 "currency",
		"currency":              cur,
		"minimumFractionDigits": 2,
		"maximumFractionDigits": 2,
		"trailingZeroDisplay":   "stripIfInteger",
	}
}

func (f intlFormat) Mark() string { return f.mark }

func (f intlFormat) Fixed(units int64, scale int) string {
	return f.fixed[scale](Plain(units, scale, "."))
}

func (f intlFormat) Upto(units int64, scale int) string {
	return f.upto[scale](Plain(units, scale, "."))
}

func (f intlFormat) Money(m funnel.Money) string { return f.money(Plain(int64(m), 2, ".")) }
