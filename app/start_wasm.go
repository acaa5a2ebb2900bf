//go:build wasm

package main

import "syscall/js"

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
