package ui

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
)

// state is the calculator without the page: the scenario, what the funnel
// computed from it, and what the user typed that is not valid (yet). Every
// change goes through here, so it is tested natively (state_test.go).
type state struct {
	sc      funnel.Scenario
	result  results
	edits   map[funnel.Field]string             // raw text of number boxes being typed
	errs    map[funnel.Field]*funnel.FieldError // input errors shown beside fields
	notices []*funnel.FieldError                // ignored link parameters
	stale   bool                                // the saved scenario was unreadable
}

// results is everything computed from the last valid scenario.
type results struct {
	plan     funnel.Plan
	forecast funnel.Forecast
	sens     funnel.Sensitivity
	spread   *funnel.Range // the forecast's range, when the link gives past counts
}

func newState() state {
	s := state{edits: map[funnel.Field]string{}, errs: map[funnel.Field]*funnel.FieldError{}}
	s.open("", "", "")
	return s
}

// open loads a link from its raw query (read pair by pair: a pair that
// cannot be decoded is ignored with a notice naming it, and the rest
// apply). A bare link (no query at all: the installed app's start URL)
// reopens saved, the last scenario's query; any other link is exactly
// what it says. browserLang applies when neither sets the language.
func (s *state) open(raw, saved, browserLang string) {
	q, bad := funnel.SplitQuery(raw)
	s.sc, s.notices = parseLink(q)
	s.notices = append(s.notices, bad...)
	s.edits = map[funnel.Field]string{}
	s.errs = map[funnel.Field]*funnel.FieldError{}
	s.stale = false
	if saved != "" && len(q) == 0 && len(bad) == 0 {
		s.reopen(saved)
	}
	for _, lang := range []string{s.sc.Lang, browserLang, text.Fallback} {
		if lang != "" {
			s.sc.Lang = lang
			break
		}
	}
	if err := s.compute(s.sc); err != nil {
		s.dropTooLarge(q)
	}
}

// parseLink reads a link's query: funnel checks every parameter, and the
// text registry the language. A language the app does not speak is
// ignored with a notice, like any bad parameter.
func parseLink(q url.Values) (funnel.Scenario, []*funnel.FieldError) {
	sc, errs := funnel.ParseQuery(q)
	if err := checkLang(&sc); err != nil {
		// In the link's order, as funnel reports: lang comes before cur
		// and embed.
		at := len(errs)
		for i, e := range errs {
			if e.Field == funnel.FieldCur || e.Field == funnel.FieldEmbed {
				at = i
				break
			}
		}
		errs = slices.Insert(errs, at, err)
	}
	return sc, errs
}

// setField sets one field of sc from its link text (see parseLink).
func setField(sc *funnel.Scenario, f funnel.Field, value string) *funnel.FieldError {
	next := *sc
	if err := next.Set(f, value); err != nil {
		return fieldErrorOf(err)
	}
	if f == funnel.FieldLang {
		if err := checkLang(&next); err != nil {
			return err
		}
	}
	*sc = next
	return nil
}

// checkLang unsets a language the registry does not have.
func checkLang(sc *funnel.Scenario) *funnel.FieldError {
	if _, ok := text.Lookup(sc.Lang); sc.Lang == "" || ok {
		return nil
	}
	sc.Lang = ""
	return &funnel.FieldError{Field: funnel.FieldLang, Code: funnel.CodeUnknown}
}

// fieldErrorOf is the *funnel.FieldError in an error from funnel, which
// the screen puts in the user's words; nil for nil. funnel returns no
// other kind, but were one to reach here it is not about the text of any
// one field, so it becomes a FieldResult error, and CodeUnknown (a plain
// "unknown value") rather than CodeResultLarge, whose message names a
// cause and a remedy (raise the rates, lower the goal) that would be
// false. Callers go on as for any error: the last valid results stay.
func fieldErrorOf(err error) *funnel.FieldError {
	if err == nil {
		return nil
	}
	var fe *funnel.FieldError
	if errors.As(err, &fe) {
		return fe
	}
	return &funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeUnknown}
}

// dropTooLarge handles a link whose fields are valid one by one but too
// large together: starting from the example in the link's language,
// currency, mode and layout, it applies the link's inputs in the order of
// the spec's table and ignores, with a notice naming it, each one that
// would take a stage past the limit.
func (s *state) dropTooLarge(q url.Values) {
	link := s.sc
	next := funnel.DefaultScenario()
	next.Lang, next.Cur, next.Mode, next.Embed = link.Lang, link.Cur, link.Mode, link.Embed
	for _, f := range funnel.InputFields {
		if !q.Has(string(f)) || link.Text(f) == next.Text(f) {
			continue
		}
		try := next
		try.Set(f, link.Text(f))
		if _, err := funnel.ComputeForecast(try.Inputs); err != nil {
			notice := fieldErrorOf(err)
			notice.Field = f
			s.notices = append(s.notices, notice)
			continue
		}
		next = try
	}
	s.compute(next)
}

// reopen applies the saved query; anything unreadable keeps the example
// and flags it.
func (s *state) reopen(saved string) {
	sc, ok := readStored(saved)
	if !ok {
		s.stale = true
		return
	}
	s.sc = sc
}

// maxStored is the longest stored query read: the app writes a few
// hundred bytes at most.
const maxStored = 4096

// readStored reads a query the app stored (the last scenario, a saved
// one): true only for what the app could have written itself, every pair
// readable, every key a link parameter, every value valid, the plan and
// forecast computable. Anything else is unreadable: too long, text the
// browser could not hand over intact (lone surrogates arrive as U+FFFD),
// malformed encoding, unknown keys.
func readStored(query string) (funnel.Scenario, bool) {
	if len(query) > maxStored || !utf8.ValidString(query) || strings.ContainsRune(query, utf8.RuneError) {
		return funnel.Scenario{}, false
	}
	q, bad := funnel.SplitQuery(query)
	if len(bad) > 0 {
		return funnel.Scenario{}, false
	}
	for k, vs := range q {
		if !funnel.IsParam(k) || len(vs) != 1 || strings.ContainsRune(vs[0], utf8.RuneError) {
			return funnel.Scenario{}, false
		}
	}
	sc, errs := parseLink(q)
	if len(errs) > 0 {
		return funnel.Scenario{}, false
	}
	if _, err := funnel.ComputeForecast(sc.Inputs); err != nil { // validates the plan too
		return funnel.Scenario{}, false
	}
	return sc, true
}

// compute recomputes every result for sc and makes it current; on error
// nothing changes. The sensitivity is an extra: where a lever would take
// revenue past the limit it is left out (the panel says so) and the
// scenario still applies.
func (s *state) compute(sc funnel.Scenario) *funnel.FieldError {
	plan, err := funnel.ComputePlan(sc.Inputs)
	if err != nil {
		return fieldErrorOf(err)
	}
	forecast, err := funnel.ComputeForecast(sc.Inputs)
	if err != nil {
		return fieldErrorOf(err)
	}
	sens, err := funnel.ComputeSensitivity(sc.Inputs, sc.Mode, sc.Step)
	if err != nil {
		sens = funnel.Sensitivity{}
	}
	s.sc = sc
	s.result = results{plan: plan, forecast: forecast, sens: sens, spread: forecastRange(sc)}
	return nil
}

// set applies a field's text (an input, or mode, lang or cur): valid text
// recomputes everything; invalid text leaves an error beside the field and
// keeps the last valid results. It reports whether the scenario changed.
func (s *state) set(f funnel.Field, text string) bool {
	next := s.sc
	if err := setField(&next, f, text); err != nil {
		s.errs[f] = err
		return false
	}
	if next == s.sc {
		// The scenario shown (a slider step that rounds to the same
		// value): the results stand, nothing to recompute.
		delete(s.errs, f)
		s.dropNotice(f)
		return false
	}
	if err := s.compute(next); err != nil {
		s.errs[f] = err
		return false
	}
	delete(s.errs, f)
	s.dropNotice(f)
	return true
}

// fieldView is what the screen shows of a field besides the results.
type fieldView struct {
	edit    string
	editing bool
	err     *funnel.FieldError
	notices int
}

func (s *state) fieldView(f funnel.Field) fieldView {
	edit, editing := s.edits[f]
	return fieldView{edit, editing, s.errs[f], len(s.notices)}
}

// dropNotice removes the link's notice about f once the user sets it.
func (s *state) dropNotice(f funnel.Field) {
	kept := s.notices[:0]
	for _, n := range s.notices {
		if n.Field != f {
			kept = append(kept, n)
		}
	}
	s.notices = kept
}

// typed records what the user typed in a number box and applies it, read
// with the locale's decimal mark (see typedNumber).
func (s *state) typed(f funnel.Field, text, mark string) bool {
	s.edits[f] = text
	sp, _ := funnel.SpecOf(f)
	return s.set(f, typedNumber(text, sp.Kind, mark))
}

// slid applies a slider's text; the box shows the canonical value again.
func (s *state) slid(f funnel.Field, text string) bool {
	delete(s.edits, f)
	return s.set(f, text)
}

// left is the user leaving a box: it shows the value in force again, the
// last valid one when what was typed is not.
func (s *state) left(f funnel.Field) {
	delete(s.edits, f)
	delete(s.errs, f)
}

// boxText is what a field's number box shows: what is being typed, else
// the value in the locale's digits, grouped (the box reads them back).
func (s *state) boxText(f funnel.Field, n numfmt.Formatter) string {
	if e, ok := s.edits[f]; ok {
		return e
	}
	v, _ := s.sc.Value(f)
	sp, _ := funnel.SpecOf(f)
	if sp.Kind == funnel.KindMoney && v%100 != 0 {
		return n.Fixed(v, sp.Limits.Scale) // cents in pairs: 1,234.50
	}
	return n.Upto(v, sp.Limits.Scale)
}

// staleFields are the fields whose text is not in force: the results
// and the link show their last valid value.
func (s *state) staleFields() []funnel.Field {
	var fs []funnel.Field
	for _, f := range funnel.InputFields {
		if s.errs[f] != nil {
			fs = append(fs, f)
		}
	}
	return fs
}
