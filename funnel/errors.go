package funnel

import "strconv"

// Error is a plain English message for logs and tests; the UI builds its
// own, translated, from Field, Code, Min, Max and Scale.
func (e *FieldError) Error() string {
	if e == nil {
		return "<nil>"
	}
	return string(e.Field) + ": " + e.problem()
}

func (e *FieldError) problem() string {
	switch e.Code {
	case CodeNotNumber:
		return "not a number"
	case CodeDecimals:
		return "at most " + strconv.Itoa(e.Scale) + " decimals"
	case CodeTooSmall:
		return "below " + FormatFixed(e.Min, e.Scale)
	case CodeTooLarge:
		return "above " + FormatFixed(e.Max, e.Scale)
	case CodeTooLong:
		return "longer than " + strconv.Itoa(MaxParamLen) + " characters"
	case CodeUnknown:
		return "not an allowed value"
	case CodeResultLarge:
		return "a result past " + FormatFixed(e.Max, e.Scale)
	case CodeEncoding:
		return "not valid percent-encoding"
	case CodeSeparator:
		return `";" is not a separator`
	}
	return string(e.Code)
}

// orNil is e as an error: nil, not a nil *FieldError (which is a non-nil
// error), when there is none. Exported functions return the internal
// helpers' *FieldError through it, or after a nil check.
func orNil(e *FieldError) error {
	if e == nil {
		return nil
	}
	return e
}

// fieldError is an error about f carrying f's range, so the UI can say
// what is allowed whatever went wrong.
func fieldError(f Field, c Code, lim Limits) *FieldError {
	return &FieldError{Field: f, Code: c, Min: lim.Min, Max: lim.Max, Scale: lim.Scale}
}

// checkRange reports v outside lim as a problem with f.
func checkRange(f Field, lim Limits, v int64) *FieldError {
	switch {
	case v < lim.Min:
		return fieldError(f, CodeTooSmall, lim)
	case v > lim.Max:
		return fieldError(f, CodeTooLarge, lim)
	}
	return nil
}

// peopleTooLarge reports a needed count past MaxPeople.
func peopleTooLarge() *FieldError {
	return &FieldError{Field: FieldResult, Code: CodeResultLarge, Max: MaxPeople}
}

// revenueTooLarge reports a forecast revenue past MaxRevenue.
func revenueTooLarge() *FieldError {
	return &FieldError{Field: FieldResult, Code: CodeResultLarge, Max: int64(MaxRevenue), Scale: 2}
}
