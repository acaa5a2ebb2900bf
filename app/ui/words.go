package ui

import (
	"fmt"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
)

// count is n with its noun in the right number: "1 rep", "3 reps".
func count(f numfmt.Formatter, n int64, w text.Noun) string {
	if n == 1 {
		return numfmt.Int(f, n) + " " + w[0]
	}
	return numfmt.Int(f, n) + " " + w[1]
}

// countUpto is count for a fixed-point amount: "1 call", "0.5 calls".
func countUpto(f numfmt.Formatter, units int64, scale int, w text.Noun) string {
	s := f.Upto(units, scale)
	if s == f.Upto(1, 0) {
		return s + " " + w[0]
	}
	return s + " " + w[1]
}

func percent(t *text.Catalog, s string) string { return fmt.Sprintf(t.Percent, s) }

// pp is an amount of percentage points: "1 pp".
func pp(t *text.Catalog, s string) string { return fmt.Sprintf(t.PP, s) }

// fieldError says what is wrong with a value typed in a box, in the
// user's words and number format.
func fieldError(t *text.Catalog, e *funnel.FieldError, f numfmt.Formatter) string {
	return errorText(t, e, f, f.Mark())
}

// linkError says what is wrong with a link parameter: links always write
// numbers with a decimal point.
func linkError(t *text.Catalog, e *funnel.FieldError, f numfmt.Formatter) string {
	return errorText(t, e, f, ".")
}

// noticeText is the notice about an ignored link parameter, naming it; a
// result past the limits is about no one parameter and says so alone.
func noticeText(t *text.Catalog, e *funnel.FieldError, f numfmt.Formatter) string {
	msg := linkError(t, e, f)
	if e.Field == funnel.FieldResult {
		return msg
	}
	return fmt.Sprintf(t.NoticeParam, e.Field, msg)
}

// boxErrorText is the error beside field's number box, naming the field
// (e may be about the result the box's value would give).
func boxErrorText(t *text.Catalog, field funnel.Field, e *funnel.FieldError, f numfmt.Formatter) string {
	return t.Fields[field] + ": " + fieldError(t, e, f)
}

func errorText(t *text.Catalog, e *funnel.FieldError, f numfmt.Formatter, mark string) string {
	msg := t.Errors[e.Code]
	if msg == "" { // a code without words of its own: still say something true
		msg = t.Errors[funnel.CodeUnknown]
	}
	switch e.Code {
	case funnel.CodeResultLarge:
		if e.Scale > 0 { // the limit is money, not people
			return t.RevenueLarge
		}
	case funnel.CodeNotNumber:
		return fmt.Sprintf(msg, mark)
	case funnel.CodeDecimals:
		if e.Scale == 0 {
			return t.WholeNumber
		}
		return fmt.Sprintf(msg, e.Scale)
	case funnel.CodeTooSmall:
		return fmt.Sprintf(msg, limit(t, e.Field, e.Min, e.Scale, f))
	case funnel.CodeTooLarge:
		return fmt.Sprintf(msg, limit(t, e.Field, e.Max, e.Scale, f))
	}
	return msg
}

// limit formats a range bound with the field's unit: "$0.01", "100%", "53".
func limit(t *text.Catalog, field funnel.Field, v int64, scale int, f numfmt.Formatter) string {
	if _, ok := funnel.SpecOf(field); ok {
		return quantity(t, f, field, v)
	}
	return f.Upto(v, scale)
}

// quantity formats an input's value (fixed point, as funnel keeps it) the
// way its kind is written: money, a percent, or a plain number.
func quantity(t *text.Catalog, f numfmt.Formatter, field funnel.Field, v int64) string {
	sp, _ := funnel.SpecOf(field)
	switch sp.Kind {
	case funnel.KindMoney:
		return f.Money(funnel.Money(v))
	case funnel.KindRate:
		return percent(t, f.Upto(v, sp.Limits.Scale))
	}
	return f.Upto(v, sp.Limits.Scale)
}

// quantityUnit is quantity with a count's unit: "$100,000", "50%", "48
// weeks".
func quantityUnit(t *text.Catalog, f numfmt.Formatter, field funnel.Field, v int64) string {
	s := quantity(t, f, field, v)
	if sp, _ := funnel.SpecOf(field); sp.Kind == funnel.KindCount {
		s += " " + t.Units[field]
	}
	return s
}
