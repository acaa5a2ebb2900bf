//go:build wasm

package main

// serve is server-only; the browser never gets past RunWhenOnBrowser.
func serve() {}
