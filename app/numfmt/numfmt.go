// Package numfmt turns the funnel's exact fixed-point results into text for
// a locale and a currency, from a table that mirrors what Chromium's
// Intl.NumberFormat writes for the locales and currencies the app offers
// (a browser test compares the two live, money past 2^53 cents included).
// The server pre-renders with it and the wasm renders with it: the same
// text on both sides, exact digits (never a float64), and no call into the
// browser per number, nor the first Intl call's ICU load (about 120 ms on
// a 2-core machine) at the wasm's start.
package numfmt

import (
	"strings"

	"embudo.app/funnel"
)

// Formatter formats numbers for one locale and currency.
type Formatter interface {
	// Fixed formats units/10^scale with exactly scale decimals (0 to 2).
	Fixed(units int64, scale int) string
	// Upto formats units/10^scale with up to scale decimals (4, 4.5, 4.25).
	Upto(units int64, scale int) string
	// Mark is the decimal separator the locale writes ("." or ",").
	Mark() string
	// Money formats an amount with the currency's symbol in the
	// currency's minor digits, as Intl does (no cents for CLP and COP,
	// rounded half away from zero), and without decimals when it is a
	// whole amount.
	Money(m funnel.Money) string
	// Grouped is this Formatter with grouping from 4 digits on, for
	// columns of numbers: es-ES writes 3200 in prose, but 3.200 above
	// 32.941 reads better.
	Grouped() Formatter
}

// Int formats a whole number.
func Int(f Formatter, n int64) string { return f.Fixed(n, 0) }

// Signed formats a change in a count with its sign: "+1,600", "−400" (a
// true minus sign), "0".
func Signed(f Formatter, v int64) string { return sign(v, Int(f, magnitude(v))) }

// SignedFixed formats a change in a fixed-point figure (units/10^scale)
// with exactly scale decimals and its sign: "+16.6", "−0.5", "0.0".
func SignedFixed(f Formatter, v int64, scale int) string {
	return sign(v, f.Fixed(magnitude(v), scale))
}

// SignedUpto formats a change in a fixed-point figure with up to scale
// decimals and its sign: "+1", "−2.5", "0".
func SignedUpto(f Formatter, v int64, scale int) string {
	return sign(v, f.Upto(magnitude(v), scale))
}

// SignedMoney formats a change in money with its sign; none when it
// rounds to nothing in the currency's digits (CLP 0.40 is "$0", not "+$0").
func SignedMoney(f Formatter, m funnel.Money) string {
	s := f.Money(funnel.Money(magnitude(int64(m))))
	if s == f.Money(0) {
		return s
	}
	return sign(int64(m), s)
}

func sign(v int64, s string) string {
	switch {
	case v > 0:
		return "+" + s
	case v < 0:
		return "\u2212" + s
	}
	return s
}

func magnitude(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// Plain writes units/10^scale with exactly scale decimals, the decimal
// mark given and no grouping ("-1234,5"): CSV cells, the decimal strings
// Intl formats, and the table's digits. The digits are funnel's, as in
// links.
func Plain(units int64, scale int, mark string) string {
	whole, frac, _ := strings.Cut(funnel.FormatFixed(units, scale), ".")
	if scale == 0 {
		return whole
	}
	return whole + mark + frac + strings.Repeat("0", scale-len(frac))
}

// trim drops trailing zero decimals: units/10^scale as the fewest decimals
// that say it exactly (Upto).
func trim(units int64, scale int) (int64, int) {
	for scale > 0 && units%10 == 0 {
		units, scale = units/10, scale-1
	}
	return units, scale
}

// Locale is the BCP 47 locale for numbers in a language whose own locale
// is base, with a currency: a country's locale where the currency row
// names one for the language (Spanish with pesos reads as that country
// writes), else base.
func Locale(lang, base, cur string) string {
	if loc, ok := currencies[cur].locales[lang]; ok {
		return loc
	}
	return base
}
