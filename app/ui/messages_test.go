package ui

import (
	"regexp"
	"strings"
	"testing"

	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/stretchr/testify/assert"
)

// TestEveryMessageHasText renders every error code the funnel has, for
// every field it can be about (the result included) and every range it
// can carry (the field's own, a count of people, money, none), in every
// language of the registry and every currency, through the functions the
// screen uses: a box's error (fieldError, boxErrorText) and a link's
// notice (linkError, noticeText). None may be empty, half-formatted or
// end in a colon with nothing after it.
func TestEveryMessageHasText(t *testing.T) {
	fields := append(funnel.InputFields[:], funnel.FieldMode, funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed,
		funnel.FieldStep, funnel.FieldLeadVisits, funnel.FieldLeads, funnel.FieldSolve, funnel.FieldPast, funnel.FieldMonths, funnel.FieldResult,
		"go%zzal", "utm_source") // keys a link can hold that name no field (SplitQuery)
	limits := []funnel.Limits{
		{},                              // settings carry no range
		{Min: 0, Max: funnel.MaxPeople}, // counts of people
		{Min: 0, Max: int64(funnel.MaxRevenue), Scale: 2}, // money
		{Min: 1, Max: 10000, Scale: 2},                    // rates
	}
	var errs []*funnel.FieldError
	for _, f := range fields {
		lims := limits
		if own, ok := funnel.LimitsOf(f); ok {
			lims = append([]funnel.Limits{own}, limits...)
		}
		for _, code := range funnel.Codes {
			for _, lim := range lims {
				errs = append(errs, &funnel.FieldError{Field: f, Code: code, Min: lim.Min, Max: lim.Max, Scale: lim.Scale})
			}
		}
	}
	empty := regexp.MustCompile(`(:|“\s*”|«\s*»)\s*\.?\s*$`)
	for _, lang := range text.Codes() {
		t.Run(lang, func(t *testing.T) {
			c := text.For(lang)
			for _, cur := range funnel.Currencies {
				n := formatFor(lang, cur)
				for _, e := range errs {
					msgs := map[string]string{
						"fieldError": fieldError(c, e, n), "linkError": linkError(c, e, n),
						"noticeText": noticeText(c, e, n), "boxErrorText": boxErrorText(c, funnel.FieldTicket, e, n),
					}
					for how, msg := range msgs {
						assert.NotEmpty(t, strings.TrimSpace(msg), "%s %s %s", how, cur, e)
						assert.NotContains(t, msg, "%!", "%s %s %s: %q", how, cur, e, msg)
						assert.NotContains(t, msg, "%%", "%s %s %s: %q", how, cur, e, msg)
						assert.NotRegexp(t, empty, msg, "%s %s %s", how, cur, e)
					}
				}
			}
		})
	}
}
