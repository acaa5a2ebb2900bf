package ui

import (
	"slices"
	"strings"

	"embudo.app/funnel"
)

// What people type and paste into a number box, read into the link's plain
// form ("250000", "2.5"): grouping, a currency sign or code, a k/M
// multiplier (mil and M in Spanish), a % on rates and the locale's decimal
// mark. Anything else goes to funnel as it is, which names the problem.

// multipliers are the words and letters that may follow a typed number
// (already lower case): thousands (k, mil) and millions (the others).
var multipliers = []string{"k", "mil", "m", "mm", "mn", "millones", "millón", "millon", "million", "millions"}

// currencyPrefixes may start a money amount, currencyCodes start or end
// it (compared ignoring case).
var (
	currencyPrefixes = []string{"us$", "mx$", "r$", "s/$", "clp$", "col$", "$"}
	currencyCodes    = []string{"usd", "mxn", "eur", "cop", "ars", "clp", "pen", "brl"}
)

// typedParts splits a typed number (lower case) into a sign, digits with
// separators (a digit first, or a separator and digits only), a
// multiplier and a percent sign; ok is false for anything else. (Written
// out rather than as a regular expression: the regexp package would be
// the wasm's largest but one.)
func typedParts(s string) (sign, digits, multiplier, percent string, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	if strings.HasSuffix(s, "%") {
		percent, s = "%", s[:len(s)-1]
	}
	n := 0
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.' || s[n] == ',') {
		n++
	}
	digits, multiplier = s[:n], s[n:]
	switch {
	case digits == "":
		return "", "", "", "", false
	case digits[0] == '.' || digits[0] == ',':
		if len(digits) < 2 || strings.Trim(digits[1:], "0123456789") != "" {
			return "", "", "", "", false
		}
	}
	if multiplier != "" && !slices.Contains(multipliers, multiplier) {
		return "", "", "", "", false
	}
	return sign, digits, multiplier, percent, true
}

// withoutCurrency strips currency symbols and ISO codes from money, before
// or after the number ("US$ 1,000", "1.000 €", "BRL 500"), pass after pass
// while any is left.
func withoutCurrency(s string) string {
	for {
		t := currencyPass(s)
		if t == s {
			return s
		}
		s = t
	}
}

// currencyPass is one pass: a sign or code that starts s, every €, and a
// code or $ that ends s (what is left of it after the start).
func currencyPass(s string) string {
	at := func(i int, p string) bool { return len(s)-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) }
	i := 0
	for _, p := range append(currencyPrefixes, currencyCodes...) {
		if at(0, p) {
			i = len(p)
			break
		}
	}
	var b strings.Builder
	for i < len(s) {
		if at(i, "€") {
			i += len("€")
			continue
		}
		if slices.ContainsFunc(append(currencyCodes, "$"), func(c string) bool { return len(s)-i == len(c) && at(i, c) }) {
			break
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// typedNumber turns a box's text into the link's plain form for a field
// of kind, with mark the locale's decimal mark.
func typedNumber(text string, kind funnel.Kind, mark string) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\t':
			return -1
		}
		return r
	}, strings.TrimSpace(text))
	if kind == funnel.KindMoney {
		s = withoutCurrency(s)
	}
	sign, digits, multiplier, percent, ok := typedParts(strings.ToLower(s))
	if !ok {
		return s
	}
	if percent != "" && kind != funnel.KindRate || multiplier != "" && kind == funnel.KindRate {
		return s
	}
	n := localNumber(digits, mark)
	switch multiplier {
	case "":
	case "k", "mil":
		n = shiftPoint(n, 3)
	default:
		n = shiftPoint(n, 6)
	}
	return sign + n
}

// localNumber turns digits typed the local way into plain form. With the
// locale's decimal mark present, the other separator groups ("1.000,5" in
// Spain, "1,000.5" in Mexico); without it, a separator followed by groups
// of three digits groups ("100.000", "100,000") and any other is a
// decimal mark ("2.75", "2,75").
func localNumber(text, mark string) string {
	group := ","
	if mark == "," {
		group = "."
	}
	switch {
	case strings.Contains(text, mark):
		return strings.ReplaceAll(strings.ReplaceAll(text, group, ""), mark, ".")
	case groupedThousands(text, group):
		return strings.ReplaceAll(text, group, "")
	}
	return strings.ReplaceAll(text, group, ".")
}

// groupedThousands tells "100.000" (sep ".") from "2.75": digits, then
// one or more groups of exactly three.
func groupedThousands(text, sep string) bool {
	parts := strings.Split(text, sep)
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for i, p := range parts {
		if i > 0 && len(p) != 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// shiftPoint multiplies a plain decimal by 10^n exactly, on its digits
// ("1.5", 6 → "1500000"); text that is not a plain decimal stays.
func shiftPoint(text string, n int) string {
	whole, frac, _ := strings.Cut(text, ".")
	if strings.Trim(whole+frac, "0123456789") != "" || strings.Contains(frac, ".") {
		return text
	}
	frac += strings.Repeat("0", max(0, n-len(frac)))
	whole, frac = whole+frac[:n], frac[n:]
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		return whole + "." + frac
	}
	return whole
}
