// Package text holds the words of the UI: one Catalog per language, and the
// registry of languages the app speaks. Adding a language is a catalog file
// and a line in languages.
package text

import "strings"

// Language is one language the app speaks.
type Language struct {
	Code    string   // the link's lang= value, ISO 639-1
	Name    string   // the language in its own words, for the picker
	Locale  string   // BCP 47 locale for numbers and dates (numfmt may pick a country's)
	Catalog *Catalog // every text, in this language
}

// languages is the registry, in the picker's order.
var languages = []Language{
	{Code: "es", Name: "Español", Locale: "es-419", Catalog: &spanish},
	{Code: "en", Name: "English", Locale: "en-US", Catalog: &english},
	{Code: "pt", Name: "Português", Locale: "pt-BR", Catalog: &portuguese},
}

// Fallback is the language of a page that names none the registry knows.
const Fallback = "en"

// Languages lists the registry, in the picker's order.
func Languages() []Language { return languages }

// Codes lists the registry's codes, in the picker's order.
func Codes() []string {
	codes := make([]string, len(languages))
	for i, l := range languages {
		codes[i] = l.Code
	}
	return codes
}

// Lookup finds a language by its code.
func Lookup(code string) (Language, bool) {
	for _, l := range languages {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// Of is the language of code, or the fallback's.
func Of(code string) Language {
	if l, ok := Lookup(code); ok {
		return l
	}
	l, _ := Lookup(Fallback)
	return l
}

// For is the catalog of code, or the fallback's.
func For(code string) *Catalog { return Of(code).Catalog }

// Match is the registry's code for a BCP 47 tag as browsers send it
// ("pt-BR", "es", "EN-us"), or "" when the registry has no such language.
func Match(tag string) string {
	base, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	base = strings.ToLower(base)
	if _, ok := Lookup(base); ok {
		return base
	}
	return ""
}
