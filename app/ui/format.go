package ui

import (
	"sync"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
)

// localeOf is the locale numbers are written in for a language and a
// currency.
func localeOf(lang, cur string) string { return numfmt.Locale(lang, text.Of(lang).Locale, cur) }

// formatFor returns the shared number formatter of a language and
// currency. The server pre-renders pages concurrently, hence the lock.
func formatFor(lang, cur string) numfmt.Formatter {
	key := formatKey{lang, cur}
	formatsMu.Lock()
	defer formatsMu.Unlock()
	f, ok := formats[key]
	if !ok {
		f = numfmt.Table(localeOf(lang, cur), cur)
		formats[key] = f
	}
	return f
}

var (
	formatsMu sync.Mutex
	formats   = map[formatKey]numfmt.Formatter{}
)

type formatKey struct{ lang, cur string }
