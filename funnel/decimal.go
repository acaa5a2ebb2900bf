package funnel

import (
	"strconv"
	"strings"
)

// saturated stands for "more than any field allows" while reading digits,
// so a long digit string is too large instead of wrapping.
const saturated = 1 << 62

// parseFixed reads text as a plain decimal into units of 10^-lim.Scale and
// range-checks it. Accepted: optional surrounding spaces, digits with an
// optional '.' and decimals ("5", "0.5", ".5" and "5." all parse). Extra
// decimals are fine when they are zeros ("8.0" weeks is 8); a minus sign
// makes any non-zero value too small. Exponents, signs other than '-',
// hex, inf and nan are not numbers. The empty code means success.
func parseFixed(text string, lim Limits) (int64, Code) {
	if len(text) > MaxParamLen {
		return 0, CodeTooLong
	}
	s := strings.TrimSpace(text)
	negative := strings.HasPrefix(s, "-")
	if negative {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || !isDigits(whole) || !isDigits(frac) {
		return 0, CodeNotNumber
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		v = pushDigit(v, whole[i])
	}
	for i := 0; i < lim.Scale; i++ {
		d := byte('0')
		if i < len(frac) {
			d = frac[i]
		}
		v = pushDigit(v, d)
	}
	extra := len(frac) > lim.Scale && strings.Trim(frac[lim.Scale:], "0") != ""
	switch {
	case negative && (v != 0 || extra):
		return 0, CodeTooSmall
	case extra:
		return 0, CodeDecimals
	case v < lim.Min:
		return 0, CodeTooSmall
	case v > lim.Max:
		return 0, CodeTooLarge
	}
	return v, ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// pushDigit appends a decimal digit, sticking at saturated.
func pushDigit(v int64, d byte) int64 {
	if v >= saturated/10 {
		return saturated
	}
	return v*10 + int64(d-'0')
}

// FormatFixed writes units/10^scale as the shortest exact decimal, the way
// links write numbers (numfmt builds its digits on it):
// "100000", "100000.5", "2.75".
func FormatFixed(units int64, scale int) string {
	var buf [24]byte
	b := buf[:0]
	u := uint64(units)
	if units < 0 {
		b = append(b, '-')
		u = -u
	}
	p := uint64(1)
	for range scale {
		p *= 10
	}
	b = strconv.AppendUint(b, u/p, 10)
	frac := u % p
	if frac == 0 {
		return string(b)
	}
	b = append(b, '.')
	for p /= 10; frac > 0; p /= 10 {
		b = append(b, byte('0'+frac/p))
		frac %= p
	}
	return string(b)
}
