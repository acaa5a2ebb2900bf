package ui

import (
	"fmt"
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// phrase is a sentence with its figures apart: the screen sets them in
// bold, the copy and the printout write the same words plain. Its format
// holds only %s verbs, one per figure.
type phrase struct {
	format string
	args   []string
}

func newPhrase(format string, args ...string) phrase { return phrase{format, args} }

func (p phrase) String() string {
	a := make([]any, len(p.args))
	for i, s := range p.args {
		a[i] = s
	}
	return fmt.Sprintf(p.format, a...)
}

// paragraph is the sentence as a <p> with the testid given and each
// figure in <strong>. It is raw HTML: the pre-rendered page indents
// elements, which would put a space inside "(16.7" and before a comma.
func (p phrase) paragraph(testid string) app.UI {
	var b strings.Builder
	b.WriteString(`<p data-testid="` + html.EscapeString(testid) + `">`)
	parts := strings.Split(p.format, "%s")
	for i, part := range parts {
		b.WriteString(html.EscapeString(part))
		if i < len(p.args) && i < len(parts)-1 {
			b.WriteString("<strong>" + html.EscapeString(p.args[i]) + "</strong>")
		}
	}
	b.WriteString("</p>")
	return app.Raw(b.String())
}
