package ui

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// funnelChart draws one band per stage, its width on a log scale of the
// volume so that 3 % and 50 % rates both stay readable. It is plain SVG
// text: cheap to build and identical when pre-rendered.
type funnelChart struct {
	app.Compo

	Title  string
	Labels []string // stage names
	Values []string // formatted volumes
	Counts []float64
}

const (
	chartWidth  = 360.0
	chartBand   = 40.0
	chartLabels = 132.0 // left column for names and numbers
)

func (f *funnelChart) Render() app.UI {
	return app.Figure().Class("chart").Body(app.Raw(f.svg()))
}

func (f *funnelChart) svg() string {
	n := len(f.Counts)
	top := 0.0
	for _, v := range f.Counts {
		top = max(top, v)
	}
	area := chartWidth - chartLabels - 4
	centre := chartLabels + area/2
	width := func(v float64) float64 {
		if top <= 1 {
			return area
		}
		return area * (0.18 + 0.82*math.Log1p(v)/math.Log1p(top))
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

	var b strings.Builder
	h := chartBand * float64(n)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ` + num(chartWidth) + ` ` + num(h) +
		`" aria-labelledby="chart-title"><title id="chart-title">` + html.EscapeString(f.Title) + `</title>`)
	for i := range n {
		w0 := width(f.Counts[i])
		w1 := w0
		if i+1 < n {
			w1 = width(f.Counts[i+1])
		}
		y0, y1 := float64(i)*chartBand, float64(i+1)*chartBand-3
		b.WriteString(`<path class="band band-` + strconv.Itoa(i) + `" d="M` + num(centre-w0/2) + ` ` + num(y0) +
			`H` + num(centre+w0/2) + `L` + num(centre+w1/2) + ` ` + num(y1) + `H` + num(centre-w1/2) + `Z"/>`)
		b.WriteString(`<text class="band-name" x="4" y="` + num(y0+16) + `">` + html.EscapeString(f.Labels[i]) + `</text>`)
		b.WriteString(`<text class="band-value" x="4" y="` + num(y0+33) + `">` + html.EscapeString(f.Values[i]) + `</text>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}
