//go:build wasm

package main

import "syscall/js"

// clipboardWrite writes text to the clipboard and reports whether it worked.
// navigator.clipboard needs a secure context (https or localhost); without
// it, or when the browser refuses, a hidden textarea and
// document.execCommand("copy") are tried before giving up.
func clipboardWrite(text string, done func(ok bool)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done(execCopy(text))
		return
	}
	var ok, fail js.Func
	release := func() { ok.Release(); fail.Release() }
	ok = js.FuncOf(func(js.Value, []js.Value) any {
		release()
		done(true)
		return nil
	})
	fail = js.FuncOf(func(js.Value, []js.Value) any {
		release()
		done(execCopy(text))
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, fail)
}

// execCopy is the old way to copy, for pages without navigator.clipboard.
func execCopy(text string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	doc := js.Global().Get("document")
	ta := doc.Call("createElement", "textarea")
	ta.Set("value", text)
	ta.Call("setAttribute", "readonly", "")
	ta.Get("style").Set("position", "fixed")
	ta.Get("style").Set("opacity", "0")
	doc.Get("body").Call("appendChild", ta)
	ta.Call("select")
	ok = doc.Call("execCommand", "copy").Truthy()
	ta.Call("remove")
	return ok
}

// downloadFile saves content as a file named name: a Blob, an object URL
// and a click on a temporary <a download> (go-app's link handler leaves
// download links alone).
func downloadFile(name, mime, content string) {
	data := []byte(content)
	bytes := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(bytes, data)
	blob := js.Global().Get("Blob").New([]any{bytes}, map[string]any{"type": mime})
	urls := js.Global().Get("URL")
	href := urls.Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// Revoke once the browser has started the download.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		urls.Call("revokeObjectURL", href)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 10000)
}

// printPage opens the browser's print dialog.
func printPage() { js.Global().Call("print") }

// today is the date in the locale's long form ("27 de noviembre de 2025").
func today(loc string) string {
	return js.Global().Get("Date").New().Call("toLocaleDateString", loc,
		map[string]any{"year": "numeric", "month": "long", "day": "numeric"}).String()
}
