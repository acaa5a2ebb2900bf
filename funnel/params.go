package funnel

import (
	"net/url"
	"strings"
)

// param is a link parameter: a numeric input (spec), or with spec nil one
// of the scenario's settings (mode, lang, cur, embed).
type param struct {
	field Field
	spec  *FieldSpec
	// optional parameters are left out of Query when their text is unset.
	optional bool
	unset    string
}

// linkParams is the spec's table of link parameters, in the order errors
// are reported: the plan's inputs, mode, the forecast's own inputs (which
// mode brings in), then lang, cur and embed.
var linkParams = func() []param {
	ps := make([]param, 0, len(InputSpecs)+4)
	inputs := func(plan bool) {
		for i := range InputSpecs {
			if sp := &InputSpecs[i]; sp.Plan == plan {
				ps = append(ps, param{field: sp.Field, spec: sp})
			}
		}
	}
	inputs(true)
	ps = append(ps, param{field: FieldMode})
	inputs(false)
	return append(append(ps,
		param{field: FieldLang, optional: true}, // unset: the browser chooses
		param{field: FieldCur},
		param{field: FieldEmbed, optional: true, unset: "0"}, // the full page
		param{field: FieldStep, optional: true, unset: "1"},
		param{field: FieldLeadVisits, optional: true}, // unset: the scenario's visits
		param{field: FieldLeads, optional: true, unset: "100"},
		param{field: FieldSolve, optional: true},               // unset: no lever solved for
		param{field: FieldPast, optional: true},                // unset: no counts
		param{field: FieldMonths, optional: true, unset: "12"}, // DefaultMonths
	), calendarParams...)
}()

// paramOf is f's link parameter; an unknown f is treated as a setting,
// which no text matches.
func paramOf(f Field) param {
	for _, p := range linkParams {
		if p.field == f {
			return p
		}
	}
	return param{field: f}
}

func (p *param) set(s *Scenario, text string) *FieldError {
	if p.spec != nil {
		return s.Inputs.set(p.spec, text)
	}
	return s.setSetting(p.field, text)
}

func (p *param) text(s *Scenario) string {
	if p.spec != nil {
		return s.Inputs.text(p.spec)
	}
	return s.settingText(p.field)
}

// ParseQuery reads a link. Missing parameters take their defaults; each
// invalid one is reported (in the order of the spec's table) and ignored,
// and the rest still apply. A repeated key counts once, by its first
// value; unknown keys (utm_source and the like) are ignored. Fields are
// checked one by one: a combination past MaxPeople is ComputePlan's to
// report. The list is notices to show about the parameters ignored, not a
// failure (the scenario is always usable): hence FieldErrors, not an error.
func ParseQuery(q url.Values) (Scenario, []*FieldError) {
	s := DefaultScenario()
	var errs []*FieldError
	for i := range linkParams {
		p := &linkParams[i]
		vs := q[string(p.field)]
		if len(vs) == 0 {
			continue
		}
		if err := p.set(&s, vs[0]); err != nil {
			errs = append(errs, err)
		}
	}
	return s, errs
}

// SplitQuery reads a link's raw query (without the "?") pair by pair, as
// url.ParseQuery does, except that a pair it cannot read stops nothing:
// every readable pair is in the values, and each unreadable one whose
// key is a link parameter (IsParam), or cannot be decoded at all, is
// reported with that key as its Field: CodeEncoding for malformed
// percent-encoding, CodeSeparator for a pair holding ";" (each part of
// such a pair is reported, none applied: Go's net/url, and so the server,
// do not split on ";"). Keys are cut to MaxParamLen characters for the
// report. Unknown keys (utm_source and the like) are kept, not reported,
// as ParseQuery ignores them.
func SplitQuery(raw string) (url.Values, []*FieldError) {
	q := url.Values{}
	var errs []*FieldError
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if strings.Contains(pair, ";") {
			for _, part := range strings.Split(pair, ";") {
				if e := badPair(part, CodeSeparator); e != nil {
					errs = append(errs, e)
				}
			}
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		k, err := url.QueryUnescape(key)
		v, err2 := url.QueryUnescape(value)
		if err != nil || err2 != nil {
			if e := badPair(pair, CodeEncoding); e != nil {
				errs = append(errs, e)
			}
			continue
		}
		if pair != "" {
			q[k] = append(q[k], v)
		}
	}
	return q, errs
}

// badPair is the report about a pair SplitQuery cannot apply; nil for an
// empty key or one that decodes to no link parameter.
func badPair(pair string, code Code) *FieldError {
	key, _, _ := strings.Cut(pair, "=")
	if key == "" {
		return nil
	}
	name, err := url.QueryUnescape(key)
	if err == nil && !IsParam(name) {
		return nil
	}
	if err != nil {
		name = key
	}
	if r := []rune(name); len(r) > MaxParamLen {
		name = string(r[:MaxParamLen]) + "…"
	}
	return &FieldError{Field: Field(name), Code: code}
}

// IsParam tells whether name is one of the link's parameters.
func IsParam(name string) bool {
	for _, p := range linkParams {
		if string(p.field) == name {
			return true
		}
	}
	return false
}

// Query encodes the whole scenario as link parameters (every input, mode,
// cur; lang when set; embed only when true). ParseQuery(s.Query()) gives s
// back for any valid s.
func (s Scenario) Query() url.Values {
	q := make(url.Values, len(linkParams))
	for i := range linkParams {
		p := &linkParams[i]
		t := p.text(&s)
		if p.optional && t == p.unset {
			continue
		}
		q[string(p.field)] = []string{t}
	}
	return q
}

// Set reads link text into any field of the scenario: the numeric inputs
// as Inputs.Set does, and mode (plan, forecast), lang (a two-letter
// language code, or empty for unset), cur (one of Currencies, any case) and
// embed (1, 0, true, false or empty), ignoring case and surrounding spaces. On error, a
// *FieldError, the scenario is left unchanged.
func (s *Scenario) Set(f Field, text string) error {
	p := paramOf(f)
	return orNil(p.set(s, text))
}

// setSetting is Set for mode, lang, cur and embed, each its own kind of
// value.
func (s *Scenario) setSetting(f Field, text string) *FieldError {
	if isCalendarField(f) { // lists, longer than other values
		return s.Cal.set(f, text)
	}
	if f == FieldPast {
		return s.setPast(text)
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
		if l := strings.ToLower(text); IsLangCode(l) {
			s.Lang = l
			return nil
		}
	case FieldCur:
		if c, ok := oneOf(text, Currencies...); ok {
			s.Cur = c
			return nil
		}
	case FieldStep:
		v, code := parseFixed(text, rateLimits)
		if code != "" {
			return fieldError(f, code, rateLimits)
		}
		for _, st := range SensitivitySteps {
			if Rate(v) == st {
				s.Step = st
				return nil
			}
		}
	case FieldLeadVisits, FieldLeads:
		v := int64(-1)
		if text != "" || f == FieldLeads {
			var code Code
			if v, code = parseFixed(text, peopleLimits); code != "" {
				return fieldError(f, code, peopleLimits)
			}
		}
		if f == FieldLeads {
			s.LeadsWanted = v
		} else {
			s.LeadVisits = v
		}
		return nil
	case FieldSolve:
		if text == "" {
			s.Solve = ""
			return nil
		}
		if IsSolveField(Field(strings.ToLower(text))) {
			s.Solve = Field(strings.ToLower(text))
			return nil
		}
	case FieldMonths:
		v, code := parseFixed(text, monthsLimits)
		if code != "" {
			return fieldError(f, code, monthsLimits)
		}
		s.Past.Months = v
		return nil
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
	p := paramOf(f)
	return p.text(&s)
}

func (s *Scenario) settingText(f Field) string {
	if isCalendarField(f) {
		return s.Cal.text(f)
	}
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
	case FieldStep:
		return FormatFixed(int64(s.Step), 2)
	case FieldLeadVisits:
		if s.LeadVisits < 0 {
			return ""
		}
		return FormatFixed(s.LeadVisits, 0)
	case FieldLeads:
		return FormatFixed(s.LeadsWanted, 0)
	case FieldSolve:
		return string(s.Solve)
	case FieldPast:
		if !s.Past.Set {
			return ""
		}
		return PastText(s.Past.Counts)
	case FieldMonths:
		return FormatFixed(s.Past.Months, 0)
	}
	return ""
}

// setPast reads the past parameter (see ParsePast); empty text unsets
// the counts.
func (s *Scenario) setPast(text string) *FieldError {
	text = strings.TrimSpace(text)
	if text == "" {
		s.Past.Set, s.Past.Counts = false, [NumStages]int64{}
		return nil
	}
	counts, err := ParsePast(text)
	if err != nil {
		return err
	}
	s.Past.Set, s.Past.Counts = true, counts
	return nil
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

// IsLangCode tells a language code as links write it: two lowercase
// letters (ISO 639-1). Which languages the app speaks is the UI's to say.
func IsLangCode(code string) bool {
	return len(code) == 2 && 'a' <= code[0] && code[0] <= 'z' && 'a' <= code[1] && code[1] <= 'z'
}
