package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The wasm takes over the pre-rendered page part by part. Mounting a part
// runs its Go code for the first time (the browser compiles each function
// on its first call), so mounting the whole page at once was one long task
// with the page frozen. Instead, the first render shows each part as the
// page's own pre-rendered HTML (app.Raw), and the parts come alive one per
// task, inputs first. The go-app copy app.wasm is built from adopts the
// pre-rendered nodes rather than replacing them (adopt.go.src in
// app/buildtools/wasmsrc): a raw part keeps its node, and the live part
// that follows takes over the same nodes, so nothing the reader sees is
// painted again. This holds only while the state is the scenario the page
// was pre-rendered with; any other state renders everything live.

// hydration is what remains of the pre-rendered page.
type hydration struct {
	query string            // the scenario the pre-rendered page shows
	html  map[string]string // a part's pre-rendered HTML, by key
	order []string          // the parts still to bring alive, in order
	next  app.Func          // brings the next part alive
	timer app.Value         // next's pending timer
	funcs callbacks         // next, released when the takeover ends
}

// drop lets go of the pre-rendered parts: every part renders live from
// the next render on, for good.
func (h *hydration) drop() { h.html, h.order = nil, nil }

// prerenderRead: only the page's first calculator finds the pre-rendered
// page (go-app creates one on every in-app navigation).
var prerenderRead bool

// partSelectors find each part in the pre-rendered page, in the order
// they come alive; the input groups and the result cards are parts each:
// "inputs/0"…, "results/0"…
var partSelectors = []struct {
	key, selector string
	many          bool
}{
	{"inputs", "#embudo > .layout > .inputs > *", true},
	{"header", "#embudo > .top", false},
	{"keys", "#embudo > .keybar", false},
	{"results", "#embudo > .layout > .results > *", true},
	{"tools", "#embudo > .tools > *", true},
}

// readPrerendered takes the parts of the pre-rendered page when it shows
// query (a static host shows the example for every link: then nothing).
func readPrerendered(query string) hydration {
	h := hydration{html: map[string]string{}}
	if prerenderRead {
		return h
	}
	prerenderRead = true
	if shown, ok := prerenderedQuery(); !ok || shown != query {
		return h
	}
	h.query = query
	for _, p := range partSelectors {
		for i, html := range prerendered(p.selector) {
			key := p.key
			if p.many {
				key += "/" + strconv.Itoa(i)
			}
			h.html[key] = html
			h.order = append(h.order, key)
		}
	}
	return h
}

// part renders a part of the page live, or as its pre-rendered HTML while
// that still shows the state.
func (c *calculator) part(key string, live func() app.UI) app.UI {
	if len(c.pre.html) == 0 { // hydrated: the slider's path stops here
		return live()
	}
	if html, ok := c.pre.html[key]; ok && c.pre.query == queryText(c.sc) {
		return app.Raw(html)
	}
	return live()
}

// startHydration brings the parts alive one per task after the mount
// (OnMount), then marks the page ready (data-wasm=ready).
func (c *calculator) startHydration(ctx app.Context) {
	if len(c.pre.order) == 0 {
		return
	}
	// The parts not alive yet are marked, so that embudo.js keeps what the
	// reader does on them and replays it once the page is ready (a part
	// that comes alive drops the mark with the attributes it lacks).
	for _, p := range partSelectors {
		markPrerendered(p.selector)
	}
	c.pre.next = c.pre.funcs.add(func(app.Value, []app.Value) any {
		ctx.Dispatch(guard(c.hydrateNext))
		return nil
	})
	c.pre.timer = setTimeout(c.pre.next, 0)
}

// hydrateNext brings the next part alive (this render mounts it) and
// schedules the one after; all of them at once when the state has moved
// on from the pre-rendered page.
func (c *calculator) hydrateNext(ctx app.Context) {
	ctx.Defer(guard(func(app.Context) { syncSliders() })) // the part that comes alive may hold sliders
	// The reader is waiting (embudo.js keeps what they did): every part
	// comes alive now, so that it is replayed at once.
	if len(c.pre.order) > 0 && c.pre.query == queryText(c.sc) && !readerWaiting() {
		delete(c.pre.html, c.pre.order[0])
		c.pre.order = c.pre.order[1:]
	} else {
		c.pre.drop()
	}
	if len(c.pre.order) > 0 {
		c.pre.timer = setTimeout(c.pre.next, 0)
		return
	}
	c.endHydration()
}

// endHydration marks the page ready and lets go of the takeover's
// callbacks (also when the calculator goes before it ends).
func (c *calculator) endHydration() {
	if c.pre.timer != nil {
		clearTimeout(c.pre.timer)
	}
	c.pre.funcs.release()
	c.pre = hydration{}
	c.ready = true
}
