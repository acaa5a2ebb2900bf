package server

import (
	"bytes"
	"regexp"
)

// finishPage is what a page go-app rendered gets before it is sent or
// written: the manifest of its language (linkPageManifest), no link to
// go-app's app.css (the page's style is in its head: pageStyle), and the
// parts under its first screen sent later (sendPartsLater).
func finishPage(page []byte) []byte {
	return sendPartsLater(withoutGoappStyle(linkPageManifest(page)))
}

// goappStyleLink is go-app's link to its app.css, on a line of its own
// (attributes in map order; a sub-path site prefixes the address).
var goappStyleLink = regexp.MustCompile(`(?m)^ *<link\b[^>]*\bhref="[^"]*/app\.css"[^>]*>\n`)

// withoutGoappStyle drops the page head's link to go-app's app.css: the
// loader badge, all the page uses of it, is styled in embudo.css.
func withoutGoappStyle(page []byte) []byte {
	end := bytes.Index(page, []byte("</head>"))
	if end < 0 {
		return page
	}
	loc := goappStyleLink.FindIndex(page[:end])
	if loc == nil {
		return page
	}
	return append(page[:loc[0]:loc[0]], page[loc[1]:]...)
}
