//go:build wasm

package main

import (
	"strings"
	"syscall/js"

	"embudo.app/funnel"
)

// intlFormat formats with the browser's Intl.NumberFormat, so the wasm
// carries no locale data. Formatters are built once per scenario locale.
type intlFormat struct {
	fixed [3]js.Value // exactly 0, 1 and 2 decimals
	upto  [3]js.Value // up to 0, 1 and 2 decimals
	mark  string      // the decimal separator
	money js.Value
}

func newNumberFormat(lang, cur string) numberFormat {
	ctor := js.Global().Get("Intl").Get("NumberFormat")
	loc := locale(lang, cur)
	var f intlFormat
	for d := range f.fixed {
		f.fixed[d] = ctor.New(loc, map[string]any{
			"minimumFractionDigits": d,
			"maximumFractionDigits": d,
		})
		f.upto[d] = ctor.New(loc, map[string]any{"maximumFractionDigits": d})
	}
	// Cents show whenever an amount has them, also in pesos whose
	// currency has no minor unit (COP, CLP): the math uses them.
	f.money = ctor.New(loc, map[string]any{
		"style":                 "currency",
		"currency":              cur,
		"minimumFractionDigits": 2,
		"maximumFractionDigits": 2,
		"trailingZeroDisplay":   "stripIfInteger",
	})
	f.mark = "."
	if strings.Contains(f.Fixed(15, 1), ",") { // 1.5 or 1,5
		f.mark = ","
	}
	return f
}

func (f intlFormat) Mark() string { return f.mark }

func (f intlFormat) Fixed(units int64, scale int) string {
	return f.fixed[scale].Call("format", float64(units)/float64(pow10(scale))).String()
}

func (f intlFormat) Upto(units int64, scale int) string {
	return f.upto[scale].Call("format", float64(units)/float64(pow10(scale))).String()
}

func (f intlFormat) Money(m funnel.Money) string {
	return f.money.Call("format", m.Float64()).String()
}
