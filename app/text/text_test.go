package text

import (
	"reflect"
	"regexp"
	"testing"

	"embudo.app/funnel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogsComplete walks every language of the registry: every text is
// set, every map has the fallback's keys, and every sentence takes the
// fallback's arguments in the same order.
func TestCatalogsComplete(t *testing.T) {
	ref := reflect.ValueOf(*For(Fallback))
	verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
	for _, l := range Languages() {
		v := reflect.ValueOf(*l.Catalog)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			got, want := v.Field(i), ref.Field(i)
			switch got.Kind() {
			case reflect.String:
				assert.NotEmpty(t, got.String(), "%s: %s", l.Code, name)
				assert.Equal(t, verbs.FindAllString(want.String(), -1), verbs.FindAllString(got.String(), -1),
					"%s: %s takes other arguments than in %s", l.Code, name, Fallback)
			case reflect.Map:
				for _, k := range want.MapKeys() {
					e := got.MapIndex(k)
					if assert.True(t, e.IsValid(), "%s: %s[%v] missing", l.Code, name, k) {
						assert.NotEmpty(t, e.String(), "%s: %s[%v]", l.Code, name, k)
						assert.Equal(t, verbs.FindAllString(want.MapIndex(k).String(), -1), verbs.FindAllString(e.String(), -1),
							"%s: %s[%v]", l.Code, name, k)
					}
				}
			case reflect.Array:
				for j := range got.Len() {
					assert.NotEmpty(t, got.Index(j).String(), "%s: %s[%d]", l.Code, name, j)
				}
			default:
				t.Fatalf("%s: a field of kind %s: teach this test to check it", name, got.Kind())
			}
		}
	}
}

// TestCatalogsCoverTheFunnel: every field, code, bottleneck and lead
// qualification the funnel knows has its words in every language.
func TestCatalogsCoverTheFunnel(t *testing.T) {
	fields := append(funnel.InputFields[:], funnel.FieldMode, funnel.FieldLang, funnel.FieldCur, funnel.FieldEmbed, funnel.FieldResult)
	codes := funnel.Codes
	for _, l := range Languages() {
		c := l.Catalog
		for _, f := range fields {
			assert.NotEmpty(t, c.Fields[f], "%s: field %s", l.Code, f)
		}
		for _, f := range funnel.InputFields {
			if _, rate := map[funnel.Field]bool{funnel.FieldGoal: true, funnel.FieldTicket: true,
				funnel.FieldR1: true, funnel.FieldR2: true, funnel.FieldR3: true, funnel.FieldR4: true, funnel.FieldR5: true}[f]; !rate {
				assert.NotEmpty(t, c.Units[f], "%s: unit of %s", l.Code, f)
			}
		}
		for _, code := range codes {
			assert.NotEmpty(t, c.Errors[code], "%s: error %s", l.Code, code)
		}
		for _, b := range []funnel.Bottleneck{funnel.BottleneckTraffic, funnel.BottleneckSales} {
			assert.NotEmpty(t, c.Bottleneck[b], "%s: bottleneck %s", l.Code, b)
		}
		for _, q := range funnel.Qualification {
			assert.NotEmpty(t, c.ActionTitle[q.Action], "%s: action %s", l.Code, q.Action)
			assert.NotEmpty(t, c.ActionText[q.Action], "%s: action %s", l.Code, q.Action)
			assert.NotEmpty(t, c.Fit[q.Fit], "%s: fit %s", l.Code, q.Fit)
			assert.NotEmpty(t, c.Interest[q.Interest], "%s: interest %s", l.Code, q.Interest)
		}
	}
}

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range Languages() {
		assert.Regexp(t, `^[a-z]{2}$`, l.Code)
		assert.False(t, seen[l.Code], "%s twice", l.Code)
		seen[l.Code] = true
		assert.NotEmpty(t, l.Name, l.Code)
		assert.Regexp(t, `^[a-z]{2}-[A-Z0-9]+$`, l.Locale, l.Code)
		require.NotNil(t, l.Catalog, l.Code)
		assert.Equal(t, l.Catalog, For(l.Code))
	}
	_, ok := Lookup(Fallback)
	assert.True(t, ok, "the fallback must be registered")
	assert.Equal(t, For(Fallback), For("xx"))
	assert.Equal(t, Codes()[0], Languages()[0].Code)
}

func TestMatch(t *testing.T) {
	for tag, want := range map[string]string{
		"es": "es", "es-MX": "es", "EN-us": "en", " en ": "en", "fr-FR": "", "": "", "e": "", "english": "",
	} {
		assert.Equal(t, want, Match(tag), tag)
	}
}
