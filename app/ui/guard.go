package ui

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A Go panic that leaves a function the browser called ends the wasm
// program: the page stays but nothing answers any more. So every function
// the UI hands to go-app or to the browser goes through one of these
// wrappers (TestEveryHandlerIsGuarded checks the sources): a panic stops
// that one action, is logged with console.error, and the calculator shows
// a notice; the app goes on.
//
//	handle        event handlers (OnClick, OnInput, …)
//	handleAction  action handlers (ctx.Handle)
//	guard         functions for ctx.Dispatch and ctx.Defer
//	callbacks.add and jsFunc (browser_wasm.go): the browser's callbacks

// handle wraps an event handler.
func handle(h app.EventHandler) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recoverFault("event handler")
		h(ctx, e)
	}
}

// handleAction wraps an action handler.
func handleAction(h app.ActionHandler) app.ActionHandler {
	return func(ctx app.Context, a app.Action) {
		defer recoverFault("action " + a.Name)
		h(ctx, a)
	}
}

// guard wraps a function for ctx.Dispatch or ctx.Defer.
func guard(fn func(app.Context)) func(app.Context) {
	return func(ctx app.Context) {
		defer recoverFault("dispatched function")
		fn(ctx)
	}
}

// recoverFault ends a panic, if any; it must be deferred directly.
func recoverFault(where string) {
	if r := recover(); r != nil {
		fault(where, r)
	}
}

var (
	faultMu     sync.Mutex
	faultNotice func() // shows the notice; set by the mounted calculator
)

// onFault sets what shows a recovered panic to the user (nil: nothing).
func onFault(f func()) {
	faultMu.Lock()
	defer faultMu.Unlock()
	faultNotice = f
}

// fault logs a recovered panic and shows the notice.
func fault(where string, r any) {
	consoleError(fmt.Sprintf("embudo: panic in %s: %v\n%s", where, r, debug.Stack()))
	faultMu.Lock()
	f := faultNotice
	faultMu.Unlock()
	if f != nil {
		f()
	}
}
