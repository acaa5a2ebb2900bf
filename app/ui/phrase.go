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
// figure in <strong>. The pre-rendered page writes it as markup, because
// go-app indents elements there, which would put a space inside "(16.7"
// and before a comma; the browser builds the same nodes as elements (the
// takeover adopts them), so a slider move sets a figure's text instead of
// parsing and replacing the whole sentence.
func (p phrase) paragraph(testid string) app.UI {
	parts := strings.Split(p.format, "%s")
	if inBrowser {
		body := make([]app.UI, 0, 2*len(parts))
		for i, part := range parts {
			if part != "" {
				body = append(body, app.Text(part))
			}
			if i < len(p.args) && i < len(parts)-1 {
				body = append(body, app.Strong().Text(p.args[i]))
			}
		}
		return app.P().DataSet("testid", testid).Body(body...)
	}
	var b strings.Builder
	b.WriteString(`<p data-testid="` + html.EscapeString(testid) + `">`)
	for i, part := range parts {
		b.WriteString(html.EscapeString(part))
		if i < len(p.args) && i < len(parts)-1 {
			b.WriteString("<strong>" + html.EscapeString(p.args[i]) + "</strong>")
		}
	}
	b.WriteString("</p>")
	return app.Raw(b.String())
}
