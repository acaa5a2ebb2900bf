package ui

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"embudo.app/funnel"
	"github.com/stretchr/testify/assert"
)

// The regular expressions typedParts and withoutCurrency spell out (the
// wasm leaves the regexp package out); the test holds them to the same
// answers.
var (
	typedPartsRE    = regexp.MustCompile(`^([+-]?)([0-9][0-9.,]*|[.,][0-9]+)(k|mil|m|mm|mn|millones|millón|millon|million|millions)?(%?)$`)
	currencySignsRE = regexp.MustCompile(`(?i)^(us|mx|r|s/|clp|col)?\$|^(usd|mxn|eur|cop|ars|clp|pen|brl)|€|(usd|mxn|eur|cop|ars|clp|pen|brl)$|\$$`)
)

// TestTypedPartsAgreeWithRegexp generates typed text from the pieces people
// use (signs, digits, separators, multipliers, currency signs and codes,
// stray letters) and compares both readings.
func TestTypedPartsAgreeWithRegexp(t *testing.T) {
	pieces := []string{"", "+", "-", "1", "25", "0", "000", ".", ",", "5", "k", "K", "mil", "m", "M", "mm", "mn",
		"millones", "millón", "millon", "million", "millions", "%", "$", "US$", "us$", "mx$", "R$", "s/$", "clp$", "COL$",
		"usd", "USD", "eur", "€", "brl", "pen", "ars", "cop", "mxn", "clp", "x", "e", "é", "İ", " "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()

		want := s
		for prev := ""; prev != want; {
			prev, want = want, currencySignsRE.ReplaceAllString(want, "")
		}
		if !assert.Equal(t, want, withoutCurrency(s), "withoutCurrency(%q)", s) {
			return
		}

		low := strings.ToLower(s)
		m := typedPartsRE.FindStringSubmatch(low)
		sign, digits, multiplier, percent, ok := typedParts(low)
		if !assert.Equal(t, m != nil, ok, "typedParts(%q) ok", low) {
			return
		}
		if ok && !assert.Equal(t, m[1:], []string{sign, digits, multiplier, percent}, "typedParts(%q)", low) {
			return
		}
	}
	assert.Equal(t, "2.5", typedNumber("2,5 %", funnel.KindRate, ","))
}
