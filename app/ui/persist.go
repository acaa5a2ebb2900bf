package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// persistEvery is the shortest time between two writes of the scenario to
// the address bar: history.replaceState costs up to ~10 ms, and Chrome
// throttles pages that call it hundreds of times in a few seconds (a slider
// drag sends 60 inputs a second).
const persistEvery = 150 // ms

// persister writes the scenario to the address bar and localStorage in a
// task of its own, after the frame that shows the new numbers, at most
// every persistEvery ms and always with the latest scenario.
type persister struct {
	query     string  // the link query to write
	stored    string  // the query to keep for the next bare visit
	scheduled bool    // a write is pending
	last      float64 // performance.now() of the last write
	flush     app.Func
	funcs     callbacks
	timer     app.Value // the pending write's timer
}

// schedule records the latest scenario and makes sure a write follows.
func (p *persister) schedule(query, stored string) {
	p.query, p.stored = query, stored
	if p.scheduled {
		return
	}
	if p.flush == nil {
		p.flush = p.funcs.add(func(app.Value, []app.Value) any {
			p.write()
			return nil
		})
	}
	p.scheduled = true
	wait := max(0, p.last+persistEvery-now())
	p.timer = setTimeout(p.flush, wait)
}

func (p *persister) write() {
	p.scheduled = false
	p.last = now()
	replaceQuery(p.query)
	store(storageKey, p.stored)
}

// release drops a pending write (the page is going) and the callback.
func (p *persister) release() {
	if p.scheduled {
		clearTimeout(p.timer)
	}
	p.funcs.release()
	p.flush, p.scheduled = nil, false
}
