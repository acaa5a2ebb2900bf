//go:build !wasm

package main

import (
	"strconv"
	"strings"

	"embudo.app/funnel"
)

// tableFormat mirrors Intl.NumberFormat for the locales of locale(): it lets
// the server pre-render the same text the browser shows after the wasm
// starts. format_test.go and the browser tests keep the two in step.
type tableFormat struct {
	group, decimal string
	minGrouping    int    // 2 in es-ES: 3200 has no separator, 32.000 has
	pattern        string // "prefix", "prefix-space" or "suffix-space"
	symbol         string // the currency's symbol in this locale, else its code
}

const nbsp = "\u00a0"

var localeTable = map[string]struct {
	group, decimal string
	minGrouping    int
	pattern        string
	symbols        map[string]string
}{
	"en-US":  {",", ".", 1, "prefix", map[string]string{"USD": "$", "MXN": "MX$", "EUR": "€", "BRL": "R$"}},
	"es-MX":  {",", ".", 1, "prefix", map[string]string{"MXN": "$"}},
	"es-CO":  {".", ",", 1, "prefix-space", map[string]string{"USD": "US$", "COP": "$"}},
	"es-AR":  {".", ",", 1, "prefix-space", map[string]string{"USD": "US$", "ARS": "$"}},
	"es-CL":  {".", ",", 1, "prefix", map[string]string{"USD": "US$", "CLP": "$"}},
	"es-PE":  {",", ".", 1, "prefix-space", map[string]string{"PEN": "S/"}},
	"es-ES":  {".", ",", 2, "suffix-space", map[string]string{"USD": "US$", "EUR": "€"}},
	"es-US":  {",", ".", 1, "prefix", map[string]string{"USD": "$"}},
	"es-419": {",", ".", 1, "prefix", map[string]string{}},
}

func newNumberFormat(lang, cur string) numberFormat {
	l := localeTable[locale(lang, cur)]
	symbol, ok := l.symbols[cur]
	if !ok {
		symbol = cur
	}
	return tableFormat{l.group, l.decimal, l.minGrouping, l.pattern, symbol}
}

func (f tableFormat) Fixed(units int64, scale int) string {
	neg := units < 0
	if neg {
		units = -units
	}
	p := pow10(scale)
	s := f.grouped(units/p) + f.fraction(units%p, scale)
	if neg {
		return "-" + s
	}
	return s
}

func (f tableFormat) Mark() string { return f.decimal }

func (f tableFormat) Upto(units int64, scale int) string {
	for scale > 0 && units%10 == 0 {
		units, scale = units/10, scale-1
	}
	return f.Fixed(units, scale)
}

func (f tableFormat) Money(m funnel.Money) string {
	var num string
	switch {
	case m%100 == 0:
		num = f.Fixed(int64(m)/100, 0)
	default:
		num = f.Fixed(int64(m), 2)
	}
	switch {
	case f.pattern == "suffix-space":
		return num + nbsp + f.symbol
	case f.pattern == "prefix-space" || isCode(f.symbol):
		return f.symbol + nbsp + num
	}
	return f.symbol + num
}

func (f tableFormat) grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 3 || len(s) < 4+f.minGrouping-1 {
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

func (f tableFormat) fraction(frac int64, scale int) string {
	if scale == 0 {
		return ""
	}
	s := strconv.FormatInt(frac, 10)
	return f.decimal + strings.Repeat("0", scale-len(s)) + s
}

func isCode(symbol string) bool {
	return len(symbol) == 3 && strings.ToUpper(symbol) == symbol && strings.Trim(symbol, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}
