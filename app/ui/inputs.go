package ui

import (
	"math"
	"strconv"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// control describes the slider paired with a field's number box. Sliders
// for money and traffic move on a log scale (positions 0..logSteps) so one
// slider spans a small shop and a large company; the box takes any value.
type control struct {
	field         funnel.Field
	min, max, stp float64 // slider domain in field units (log: value bounds)
	log           bool
}

const logSteps = 1000

var (
	goalControls = []control{
		{funnel.FieldGoal, 1_000, 1_000_000_000, 0, true},
		{funnel.FieldTicket, 10, 1_000_000, 0, true},
	}
	// Rate sliders move a tenth of a point and land on round values; the
	// box still takes hundredths.
	rateControls = []control{
		{funnel.FieldR1, 0.1, 100, 0.1, false},
		{funnel.FieldR2, 0.1, 100, 0.1, false},
		{funnel.FieldR3, 0.1, 100, 0.1, false},
		{funnel.FieldR4, 0.1, 100, 0.1, false},
		{funnel.FieldR5, 0.1, 100, 0.1, false},
	}
	teamControls = []control{
		{funnel.FieldWeeks, 1, 53, 1, false},
		{funnel.FieldCap, 1, 100, 1, false},
		{funnel.FieldCalls, 0, 20, 1, false},
		{funnel.FieldEmails, 0, 20, 1, false},
	}
	forecastControls = []control{
		{funnel.FieldVisits, 100, 10_000_000, 0, true},
		{funnel.FieldReps, 0, 100, 1, false},
	}
)

// position is the slider value for a field's current text.
func (k control) position(text string) string {
	if !k.log {
		return text
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || v <= k.min {
		return "0"
	}
	p := math.Round(logSteps * math.Log(v/k.min) / math.Log(k.max/k.min))
	return strconv.Itoa(int(min(p, logSteps)))
}

// text is the field text for a slider position: log sliders land on three
// significant digits (121,000, not 121,627.3). Three, not two: one step is
// 1.4 %, so with two an arrow key could round back to where it was.
func (k control) text(pos string) string {
	if !k.log {
		return pos
	}
	p, err := strconv.ParseFloat(pos, 64)
	if err != nil {
		return pos
	}
	v := k.min * math.Exp(p/logSteps*math.Log(k.max/k.min))
	exp := int(math.Floor(math.Log10(v))) - 2
	mag := math.Pow(10, float64(exp))
	return strconv.FormatFloat(math.Round(v/mag)*mag, 'f', max(0, -exp), 64)
}

// nudge is the link text n steps away from value (the field's fixed-point
// units): the next slider position of a log control, the next multiple of
// the step of a linear one (2.75 goes up to 2.8 and down to 2.7), within
// the slider's range.
func (k control) nudge(value int64, n int) string {
	sp, _ := funnel.SpecOf(k.field)
	scale := sp.Limits.Scale
	if k.log {
		// The |n|-th position past value, in n's direction.
		text := funnel.FormatFixed(value, scale)
		v, _ := strconv.ParseFloat(text, 64)
		pos, _ := strconv.Atoi(k.position(text))
		for next, left := pos, abs(n); next >= 0 && next <= logSteps; next += sign(n) {
			t := k.text(strconv.Itoa(next))
			if p, _ := strconv.ParseFloat(t, 64); (p-v)*float64(sign(n)) > 0 {
				text, v = t, p
				if left--; left == 0 {
					break
				}
			}
		}
		return text
	}
	unit := int64(math.Round(math.Pow10(scale)))
	step := int64(math.Round(k.stp * float64(unit)))
	lo, hi := int64(math.Round(k.min*float64(unit))), int64(math.Round(k.max*float64(unit)))
	v := value
	for range abs(n) {
		if n > 0 {
			v = (v/step + 1) * step
		} else {
			v = (v+step-1)/step*step - step
		}
	}
	if v < lo { // a box may hold less than the slider's least (0.01 %)
		v = min(value, lo)
	}
	return funnel.FormatFixed(min(v, hi), scale)
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}

func abs(n int) int { return n * sign(n) }

func (k control) sliderRange() (lo, hi, step string) {
	if k.log {
		return "0", strconv.Itoa(logSteps), "1"
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return f(k.min), f(k.max), f(k.stp)
}

func (c *calculator) renderControls(legend string, ks []control) app.UI {
	return app.FieldSet().Class("group").Body(
		app.Legend().Text(legend),
		app.Range(ks).Slice(func(i int) app.UI {
			k := ks[i] // a control's memo is that control's for good (its CompoID)
			return newMemo("control-"+string(k.field), localControlKey{c.localeKey(), c.controlKey(k)}, func() app.UI { return c.renderControl(k) })
		}),
	)
}

func (c *calculator) renderControl(k control) app.UI {
	t := c.texts()
	name := string(k.field)
	text := c.sc.Text(k.field)
	box := c.boxText(k.field, c.numbers())
	lo, hi, step := k.sliderRange()
	pos := k.position(text)
	err := c.errs[k.field]
	errText := ""
	field := app.Input().Type("text").ID("field-"+name).
		DataSet("testid", "field-"+name).DataSet("field", name).
		Attr("inputmode", "decimal").AutoComplete(false).Spellcheck(false).
		Value(box).
		OnInput(handle(c.onField)).OnChange(handle(c.onFieldDone)).OnKeyDown(handle(c.onFieldKey))
	if k.log { // money and traffic take up to 16 characters
		field = field.Class("wide")
	}
	if err != nil {
		errText = boxErrorText(t, k.field, err, c.numbers())
		field = field.Aria("invalid", true).Aria("describedby", "error-"+name)
	}
	return app.Div().Class("control").Body(
		app.Label().ID("label-"+name).For("field-"+name).Text(t.Fields[k.field]),
		app.Div().Class("control-row").Body(
			app.Input().Type("range").ID("input-"+name).
				DataSet("testid", "input-"+name).DataSet("field", name).
				Min(lo).Max(hi).Attr("step", step).Value(pos).DataSet("pos", pos).
				Aria("labelledby", "label-"+name).
				Aria("valuetext", c.valueText(k.field)).
				OnInput(handle(c.onSlider)).OnKeyDown(handle(c.onSliderKey)),
			field,
			app.Span().Class("unit").Aria("hidden", true).Text(c.unit(k.field)),
		),
		// Present only while there is an error: it is a notice (test hook)
		// and an alert, read out as it appears.
		app.If(err != nil, func() app.UI {
			return app.P().ID("error-"+name).Class("error").Attr("role", "alert").
				DataSet("testid", "notice").DataSet("field", name).Text(errText)
		}),
	)
}

// valueText is what a screen reader says for a slider: the value with its
// unit, formatted for the locale.
func (c *calculator) valueText(f funnel.Field) string {
	v, _ := c.sc.Value(f)
	return quantityUnit(c.texts(), c.numbers(), f, v)
}

// unit is the short unit shown after a number box.
func (c *calculator) unit(f funnel.Field) string {
	switch sp, _ := funnel.SpecOf(f); sp.Kind {
	case funnel.KindMoney:
		return c.sc.Cur
	case funnel.KindRate:
		return "%"
	}
	return ""
}

// controlOf finds the control of the element that fired an event; handlers
// read the field from the element, never from a captured loop variable.
func controlOf(ctx app.Context) (control, string) {
	src := ctx.JSSrc()
	f := funnel.Field(src.Get("dataset").Get("field").String())
	for _, ks := range [][]control{goalControls, rateControls, teamControls, forecastControls} {
		for _, k := range ks {
			if k.field == f {
				return k, src.Get("value").String()
			}
		}
	}
	return control{}, ""
}

func (c *calculator) onSlider(ctx app.Context, e app.Event) {
	k, pos := controlOf(ctx)
	if k.field == "" {
		return
	}
	before := c.fieldView(k.field)
	if c.slid(k.field, k.text(pos)) {
		c.save(ctx)
	} else if c.fieldView(k.field) == before {
		ctx.PreventUpdate() // the same scenario and field: nothing to render
	}
}

func (c *calculator) onField(ctx app.Context, e app.Event) {
	k, text := controlOf(ctx)
	if k.field == "" {
		return
	}
	if c.typed(k.field, text, c.numbers().Mark()) {
		c.save(ctx)
	}
}

// onSliderKey: PageUp and PageDown move ten steps (a point on a rate);
// the arrows keep the browser's one step.
func (c *calculator) onSliderKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "PageUp":
		c.nudge(ctx, e, 10)
	case "PageDown":
		c.nudge(ctx, e, -10)
	}
}

// onFieldKey: ↑ and ↓ in a box move one step, ten with Shift.
func (c *calculator) onFieldKey(ctx app.Context, e app.Event) {
	n := 1
	if e.Get("shiftKey").Bool() {
		n = 10
	}
	switch e.Get("key").String() {
	case "ArrowUp":
		c.nudge(ctx, e, n)
	case "ArrowDown":
		c.nudge(ctx, e, -n)
	}
}

// nudge moves the event's field n steps from the value in force.
func (c *calculator) nudge(ctx app.Context, e app.Event, n int) {
	k, _ := controlOf(ctx)
	if k.field == "" {
		return
	}
	e.PreventDefault()
	v, _ := c.sc.Value(k.field)
	if c.slid(k.field, k.nudge(v, n)) {
		c.save(ctx)
	}
}

// onFieldDone shows the canonical text once the user leaves a valid field.
func (c *calculator) onFieldDone(ctx app.Context, e app.Event) {
	k, _ := controlOf(ctx)
	c.left(k.field)
}
