package funnel

import (
	"net/url"
	"strings"
)

// queryFields is the spec's table of link parameters, in the order errors
// are reported.
var queryFields = [...]Field{
	FieldGoal, FieldTicket, FieldR1, FieldR2, FieldR3, FieldR4, FieldR5,
	FieldWeeks, FieldCap, FieldCalls, FieldEmails,
	FieldMode, FieldVisits, FieldReps, FieldLang, FieldCur, FieldEmbed,
}

// ParseQuery reads a link. Missing parameters take their defaults; each
// invalid one is reported (in the order of the spec's table) and ignored,
// and the rest still apply. A repeated key counts once, by its first
// value; unknown keys (utm_source and the like) are ignored. Fields are
// checked one by one: a combination past MaxPeople is ComputePlan's to
// report.
func ParseQuery(q url.Values) (Scenario, []*FieldError) {
	s := DefaultScenario()
	var errs []*FieldError
	for _, f := range queryFields {
		vs := q[string(f)]
		if len(vs) == 0 {
			continue
		}
		if err := s.Set(f, vs[0]); err != nil {
			errs = append(errs, err)
		}
	}
	return s, errs
}

// Query encodes the whole scenario as link parameters (every input, mode,
// cur; lang when set; embed only when true). ParseQuery(s.Query()) gives s
// back for any valid s.
func (s Scenario) Query() url.Values {
	q := make(url.Values, len(queryFields))
	for _, f := range InputFields {
		q[string(f)] = []string{s.Inputs.Text(f)}
	}
	q[string(FieldMode)] = []string{string(s.Mode)}
	q[string(FieldCur)] = []string{s.Cur}
	if s.Lang != "" {
		q[string(FieldLang)] = []string{s.Lang}
	}
	if s.Embed {
		q[string(FieldEmbed)] = []string{"1"}
	}
	return q
}

// Set reads link text into any field of the scenario: the numeric inputs
// as Inputs.Set does, and mode (plan, forecast), lang (es, en, or empty
// for unset), cur (one of Currencies, any case) and embed (1, 0, true,
// false or empty), ignoring case and surrounding spaces. On error the
// scenario is left unchanged.
func (s *Scenario) Set(f Field, text string) *FieldError {
	if _, numeric := LimitsOf(f); numeric {
		return s.Inputs.Set(f, text)
	}
	if len(text) > MaxParamLen {
		return &FieldError{Field: f, Code: CodeTooLong}
	}
	text = strings.TrimSpace(text)
	switch f {
	case FieldMode:
		if m, ok := oneOf(text, string(ModePlan), string(ModeForecast)); ok {
			s.Mode = Mode(m)
			return nil
		}
	case FieldLang:
		if text == "" {
			s.Lang = ""
			return nil
		}
		if l, ok := oneOf(text, Langs...); ok {
			s.Lang = l
			return nil
		}
	case FieldCur:
		if c, ok := oneOf(text, Currencies...); ok {
			s.Cur = c
			return nil
		}
	case FieldEmbed:
		switch strings.ToLower(text) {
		case "1", "true":
			s.Embed = true
			return nil
		case "", "0", "false":
			s.Embed = false
			return nil
		}
	}
	return &FieldError{Field: f, Code: CodeUnknown}
}

// Text is the canonical link text of any field of the scenario ("" for
// an unset lang, "1" or "0" for embed).
func (s Scenario) Text(f Field) string {
	switch f {
	case FieldMode:
		return string(s.Mode)
	case FieldLang:
		return s.Lang
	case FieldCur:
		return s.Cur
	case FieldEmbed:
		if s.Embed {
			return "1"
		}
		return "0"
	}
	return s.Inputs.Text(f)
}

// oneOf is the allowed value equal to text ignoring case, in its
// canonical spelling.
func oneOf(text string, allowed ...string) (string, bool) {
	for _, a := range allowed {
		if strings.EqualFold(text, a) {
			return a, true
		}
	}
	return "", false
}
