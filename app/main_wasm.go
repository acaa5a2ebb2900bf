//go:build wasm

// Command embudo is the smarketing SLA calculator: in the browser it is the
// go-app PWA (app.wasm, this file); on a machine it serves or pre-renders
// it (main_other.go).
package main

import (
	"syscall/js"

	"embudo.app/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Routes()
	yieldToBrowser()
	app.RunWhenOnBrowser()
}

// yieldToBrowser ends the task that started the Go runtime before go-app
// mounts the page, so the browser may paint or answer input in between:
// two shorter tasks instead of one long one (total blocking time counts
// each task's time beyond 50 ms).
func yieldToBrowser() {
	done := make(chan struct{})
	var resume js.Func
	resume = js.FuncOf(func(js.Value, []js.Value) any {
		resume.Release()
		close(done)
		return nil
	})
	js.Global().Call("setTimeout", resume, 0)
	<-done
}
