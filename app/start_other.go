//go:build !wasm

package main

// yieldToBrowser is the browser's; the server has nothing to yield to.
func yieldToBrowser() {}
