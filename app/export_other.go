//go:build !wasm

package main

import "time"

// The server pre-renders the page and never runs these: the browser side
// is export_wasm.go.

func clipboardWrite(text string, done func(ok bool)) { done(false) }

func downloadFile(name, mime, content string) {}

func printPage() {}

// today is the date in ISO form: only a pre-rendered, hidden printout
// shows it before the wasm replaces it.
func today(string) string { return time.Now().Format("2006-01-02") }
