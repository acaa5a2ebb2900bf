package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// later runs an update in a browser task of its own, after the one that
// asked for it: one run for any number of asks meanwhile. (The engine's
// own ticker would not do: Go checks its timers whenever it resumes, so
// a due tick would run inside the next input's task.)
type later struct {
	funcs   callbacks
	next    app.Func
	timer   app.Value
	pending bool
	update  func()
}

// run schedules update (the latest one asked for wins); outside a
// browser it runs at once.
func (l *later) run(ctx app.Context, update func()) {
	if !inBrowser {
		update()
		return
	}
	l.update = update
	if l.pending {
		return
	}
	if l.next == nil {
		l.next = l.funcs.add(func(app.Value, []app.Value) any {
			ctx.Dispatch(guard(func(app.Context) {
				l.pending = false
				l.update()
			}))
			return nil
		})
	}
	l.pending = true
	l.timer = setTimeout(l.next, 0)
}

func (l *later) release() {
	if l.pending {
		clearTimeout(l.timer)
	}
	l.funcs.release()
	l.next, l.pending = nil, false
}
