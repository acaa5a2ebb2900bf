package ui

import (
	"fmt"
	"strings"
	"testing"

	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/stretchr/testify/assert"
)

// TestEveryMessageHasText renders every error the funnel can report, for
// every field it can be about, in every language of the registry, as a
// box's error and as a link's notice: none may be empty or half-formatted.
func TestEveryMessageHasText(t *testing.T) {
	codes := []funnel.Code{funnel.CodeNotNumber, funnel.CodeDecimals, funnel.CodeTooSmall, funnel.CodeTooLarge,
		funnel.CodeTooLong, funnel.CodeUnknown, funnel.CodeResultLarge}
	var errs []*funnel.FieldError
	for _, f := range funnel.InputFields {
		lim, _ := funnel.LimitsOf(f)
		for _, code := range codes {
			errs = append(errs, &funnel.FieldError{Field: f, Code: code, Min: lim.Min, Max: lim.Max, Scale: lim.Scale})
		}
	}
	for _, f := range []funnel.Field{funnel.FieldMode, funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed} {
		for _, code := range codes {
			errs = append(errs, &funnel.FieldError{Field: f, Code: code})
		}
	}
	errs = append(errs,
		&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: funnel.MaxPeople},
		&funnel.FieldError{Field: funnel.FieldResult, Code: funnel.CodeResultLarge, Max: int64(funnel.MaxRevenue), Scale: 2})
	for _, lang := range text.Codes() {
		t.Run(lang, func(t *testing.T) {
			c := text.For(lang)
			for _, cur := range funnel.Currencies {
				n := formatFor(lang, cur)
				for _, e := range errs {
					for _, msg := range []string{fieldError(c, e, n), linkError(c, e, n)} {
						assert.NotEmpty(t, strings.TrimSpace(msg), "%s %s", cur, e)
						assert.NotContains(t, msg, "%!", "%s %s: %q", cur, e, msg)
					}
					notice := fmt.Sprintf(c.NoticeParam, e.Field, linkError(c, e, n))
					assert.NotRegexp(t, `:\s*\.?$`, notice, "%s %s", cur, e)
				}
			}
		})
	}
}
