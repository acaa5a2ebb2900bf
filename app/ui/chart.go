package ui

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// funnelChart draws one band per stage, its width on a log scale of the
// volume so that 3 % and 50 % rates both stay readable. It is SVG made of
// elements, not markup: a slider move sets a band's path and a figure's
// text, where parsing new markup would replace the whole drawing.
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

// svgNS is the namespace the browser creates SVG elements in.
const svgNS = "http://www.w3.org/2000/svg"

// svgElem is an SVG element (created in its namespace).
func svgElem(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

func (f *funnelChart) Render() app.UI {
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

	body := make([]app.UI, 0, 1+3*n)
	body = append(body, svgElem("title").ID("chart-title").Text(f.Title))
	for i := range n {
		w0 := width(f.Counts[i])
		w1 := w0
		if i+1 < n {
			w1 = width(f.Counts[i+1])
		}
		y0, y1 := float64(i)*chartBand, float64(i+1)*chartBand-3
		body = append(body,
			svgElem("path").Class("band band-"+strconv.Itoa(i)).Attr("d", "M"+num(centre-w0/2)+" "+num(y0)+
				"H"+num(centre+w0/2)+"L"+num(centre+w1/2)+" "+num(y1)+"H"+num(centre-w1/2)+"Z"),
			svgElem("text").Class("band-name").Attr("x", "4").Attr("y", num(y0+16)).Text(f.Labels[i]),
			svgElem("text").Class("band-value").Attr("x", "4").Attr("y", num(y0+33)).Text(f.Values[i]),
		)
	}
	return app.Figure().Class("chart").Body(
		svgElem("svg").Attr("role", "img").Attr("viewBox", "0 0 "+num(chartWidth)+" "+num(chartBand*float64(n))).
			Aria("labelledby", "chart-title").Body(body...),
	)
}
