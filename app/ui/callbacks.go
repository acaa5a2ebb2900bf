package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// callbacks are the Go functions a component hands to the browser (timers,
// listeners). The Go runtime keeps each one, and everything it refers to,
// until it is released: a component releases its callbacks when it goes.
type callbacks struct {
	funcs []app.Func
}

// add makes fn callable from the browser and keeps it for release.
func (c *callbacks) add(fn func(this app.Value, args []app.Value) any) app.Func {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		defer recoverFault("browser callback")
		return fn(this, args)
	})
	c.funcs = append(c.funcs, f)
	return f
}

// release frees every callback added so far.
func (c *callbacks) release() {
	for _, f := range c.funcs {
		f.Release()
	}
	c.funcs = nil
}

// live is how many callbacks are not released yet.
func (c *callbacks) live() int { return len(c.funcs) }

// ticker runs a function at an interval on a goroutine of its own until it
// is stopped.
type ticker struct {
	stop chan struct{} // closed by halt
	done chan struct{} // closed when the goroutine has returned
}

// start runs f every interval (a running ticker is halted first).
func (t *ticker) start(every time.Duration, f func()) {
	t.halt()
	stop, done := make(chan struct{}), make(chan struct{})
	t.stop, t.done = stop, done
	go func() {
		defer close(done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				f()
			case <-stop:
				return
			}
		}
	}()
}

// halt stops the ticker and waits until its goroutine has returned.
func (t *ticker) halt() {
	if t.stop == nil {
		return
	}
	close(t.stop)
	<-t.done
	t.stop = nil
}
