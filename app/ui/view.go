package ui

import (
	"time"

	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The what-if tools under the results (the sensitivity table, the saved
// scenarios, traffic ↔ leads) are large renders that a reader dragging a
// slider cannot see: out of view, they keep what they show while the
// scenario changes, and render it when they come into view (embudo.js
// watches them, with half a screen to spare) or once the reader pauses.
// The numbers on screen still land within the input's frame, with less
// work in it; the link, the month plan and the export follow the scenario
// as before.

// The held sections, by their root's data-view.
const (
	viewSensitivity = "sensitivity"
	viewScenarios   = "scenarios"
	viewLeads       = "leads"
)

// viewPause is how long after the last held-back render the held sections
// catch up: after a drag, not during it.
const viewPause = 300 * time.Millisecond

// heldView is a held section's last live render.
type heldView struct {
	ui     app.UI
	layout heldLayout // the page it was rendered for
	stale  bool       // a render was held back since
	due    bool       // render it live next time (the pause came)
}

// heldLayout is what must not change for a held render to stand in for a
// live one: the words, the currency and the mode.
type heldLayout struct {
	localeKey
	Mode funnel.Mode
}

// views holds the sections back: hidden says which are out of view (from
// embudo.js); held is each section's last live render.
type views struct {
	hidden map[string]bool
	held   map[string]heldView
	funcs  callbacks
	seen   app.Func  // embudo.js reports a section coming or going
	pause  app.Func  // the pause may have come: the held sections catch up
	now    app.Func  // the held sections catch up now
	timer  app.Value // pause's pending timer
	last   time.Time // the last held-back render
}

// hold renders a held section live, or, while it is out of view on the same
// page, as it was: go-app then finds its props unchanged and skips it.
func (c *calculator) hold(key string, live func() app.UI) app.UI {
	if c.view.hidden == nil { // not watching (the server, or before the mount)
		return live()
	}
	layout := heldLayout{c.localeKey(), c.sc.Mode}
	h, ok := c.view.held[key]
	if ok && c.view.hidden[key] && !h.due && h.layout == layout {
		if !h.stale {
			h.stale = true
			c.view.held[key] = h
		}
		c.view.wait()
		return h.ui
	}
	if !ok || h.layout != layout {
		watchViews() // a new section, or a new page of sections
	}
	if c.view.held == nil {
		c.view.held = map[string]heldView{}
	}
	ui := live()
	c.view.held[key] = heldView{ui: ui, layout: layout}
	return ui
}

// startViews listens for the sections coming into view and leaving it
// (OnMount).
func (c *calculator) startViews(ctx app.Context) {
	if !inBrowser {
		return
	}
	c.view.hidden = map[string]bool{}
	c.view.seen = c.view.funcs.add(func(_ app.Value, args []app.Value) any {
		if len(args) < 2 {
			return nil
		}
		key, shown := args[0].String(), args[1].Truthy()
		ctx.Dispatch(guard(func(ctx app.Context) {
			c.view.hidden[key] = !shown
			if !shown || !c.view.held[key].stale {
				ctx.PreventUpdate() // nothing to catch up
			}
		}))
		return nil
	})
	c.view.pause = c.view.funcs.add(func(app.Value, []app.Value) any {
		ctx.Dispatch(guard(func(ctx app.Context) {
			c.view.timer = nil
			if left := viewPause - time.Since(c.view.last); left > 0 {
				c.view.timer = setTimeout(c.view.pause, float64(left.Milliseconds()+1))
				ctx.PreventUpdate() // still dragging
				return
			}
			c.view.catchUpNow(ctx)
		}))
		return nil
	})
	// The held sections catch up at once when printing starts (a printout
	// shows them all), and before anything the reader does in one of them
	// (embudo.js calls it first, from the document's capture phase), so
	// that its handlers act on the scenario on screen: saving a scenario
	// right after a move saves that move. go-app renders within the event.
	c.view.now = c.view.funcs.add(func(app.Value, []app.Value) any {
		ctx.Dispatch(guard(c.view.catchUpNow))
		return nil
	})
	listenWindow("beforeprint", c.view.now)
	onView(c.view.seen, c.view.now)
	watchViews()
}

// wait counts the pause from a held-back render: one timer, which looks
// again when it fires (no timer calls on every move).
func (v *views) wait() {
	v.last = time.Now()
	if v.pause != nil && v.timer == nil {
		v.timer = setTimeout(v.pause, float64(viewPause.Milliseconds()))
	}
}

// catchUp marks every stale section for a live render; false when none is.
func (v *views) catchUp() bool {
	found := false
	for key, h := range v.held {
		if h.stale {
			h.due = true
			v.held[key] = h
			found = true
		}
	}
	return found
}

// catchUpNow renders the stale sections live, and nothing when none is.
func (v *views) catchUpNow(ctx app.Context) {
	if !v.catchUp() {
		ctx.PreventUpdate()
	}
}

// stopViews lets go of the listener and the timer (OnDismount).
func (c *calculator) stopViews() {
	if c.view.timer != nil {
		clearTimeout(c.view.timer)
	}
	if c.view.now != nil {
		unlistenWindow("beforeprint", c.view.now)
	}
	onView(nil, nil)
	c.view.funcs.release()
	c.view = views{}
}
