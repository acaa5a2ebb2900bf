package ui

import (
	"regexp"
	"strings"

	"embudo.app/funnel"
)

// What people type and paste into a number box, read into the link's plain
// form ("250000", "2.5"): grouping, a currency sign or code, a k/M
// multiplier (mil and M in Spanish), a % on rates and the locale's decimal
// mark. Anything else goes to funnel as it is, which names the problem.

// typedParts splits a typed number: sign, digits with separators, a
// multiplier, a percent sign.
var typedParts = regexp.MustCompile(`^([+-]?)([0-9][0-9.,]*|[.,][0-9]+)(k|mil|m|mm|mn|millones|millón|millon|million|millions)?(%?)$`)

// currencySigns are stripped from money: symbols and ISO codes, before or
// after the number.
var currencySigns = regexp.MustCompile(`(?i)^(us|mx|r|s/|clp|col)?\$|^(usd|mxn|eur|cop|ars|clp|pen|brl)|€|(usd|mxn|eur|cop|ars|clp|pen|brl)$|\$$`)

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
		for prev := ""; prev != s; {
			prev, s = s, currencySigns.ReplaceAllString(s, "")
		}
	}
	m := typedParts.FindStringSubmatch(strings.ToLower(s))
	if m == nil {
		return s
	}
	sign, digits, multiplier, percent := m[1], m[2], m[3], m[4]
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
