//go:build wasm

package ui

import (
	"fmt"
	"net/url"
	"strings"
	"syscall/js"

	"embudo.app/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser seam: everything the components ask of the browser that
// go-app does not wrap. Its twin for the server is browser_other.go; these
// two files are the only ones that know which side they run on.

// inBrowser tells the components whether a browser runs them.
const inBrowser = true

// pageURL is the window's address.
func pageURL() *url.URL {
	u, err := url.Parse(js.Global().Get("location").Get("href").String())
	if err != nil {
		return &url.URL{Path: "/"}
	}
	return u
}

// browserLang is the registry's language for the browser's first
// preferred one that it knows, or "".
func browserLang() string {
	nav := js.Global().Get("navigator")
	if langs := nav.Get("languages"); langs.Truthy() {
		for i := range langs.Length() {
			if code := text.Match(langs.Index(i).String()); code != "" {
				return code
			}
		}
	}
	return text.Match(nav.Get("language").String())
}

// loadStored returns the value under key, or "". localStorage throws in
// sandboxed frames and when the user blocks storage: then nothing is
// remembered and nothing breaks.
func loadStored(key string) (v string) {
	defer func() {
		if recover() != nil {
			v = ""
		}
	}()
	item := js.Global().Get("localStorage").Call("getItem", key)
	if item.Type() != js.TypeString {
		return ""
	}
	return item.String()
}

// store keeps value under key and reports whether the browser let it.
func store(key, value string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	js.Global().Get("localStorage").Call("setItem", key, value)
	return true
}

// servedByWorker tells whether a service worker answered this page's
// navigation.
func servedByWorker() bool {
	nav := js.Global().Get("performance").Call("getEntriesByType", "navigation")
	return nav.Length() > 0 && nav.Index(0).Get("workerStart").Float() > 0
}

// online is the browser's guess that the network is there.
func online() bool { return js.Global().Get("navigator").Get("onLine").Bool() }

// syncSliders puts each slider back on its position after a render. go-app
// sets attributes in map order: a new slider whose value comes before its
// max is clamped to the default max of 100. web/embudo.js does it in one
// call (it was five calls across the wasm's boundary a slider, on every
// move); the worker's warm-up has no page to sync.
func syncSliders() {
	if sync := js.Global().Get("embudoSyncSliders"); sync.Truthy() {
		sync.Invoke()
	}
}

// watchViews asks embudo.js to watch the page's [data-view] sections
// (view.go); onView hands it the callbacks that hear them come and go, and
// the reader start something in one.
func watchViews() {
	if watch := js.Global().Get("embudoWatchViews"); watch.Truthy() {
		watch.Invoke()
	}
}

func onView(seen, use app.Func) {
	app.Window().Set("embudoOnView", seen)
	app.Window().Set("embudoUseView", use)
}

// clipboardWrite writes text to the clipboard and reports whether it worked.
// navigator.clipboard needs a secure context (https or localhost); without
// it, or when the browser refuses, a hidden textarea and
// document.execCommand("copy") are tried before giving up.
//
// Where navigator.clipboard is there but refuses (permission denied, a
// rejected promise, a throw), done(false) follows and the caller shows the
// text selected in a box: an old-style copy there would only be refused
// too, or report a copy that did not happen.
func clipboardWrite(text string, done func(ok bool)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done(execCopy(text))
		return
	}
	var ok, fail js.Func
	release := func() { ok.Release(); fail.Release() }
	ok = jsFunc(func(js.Value, []js.Value) any {
		release()
		done(true)
		return nil
	})
	fail = jsFunc(func(_ js.Value, args []js.Value) any {
		release()
		consoleError("embudo: clipboard refused: " + jsText(args))
		done(false)
		return nil
	})
	promise, err := writeText(clip, text)
	if err != nil || promise.Type() != js.TypeObject || promise.Get("then").Type() != js.TypeFunction {
		release()
		consoleError("embudo: clipboard failed: " + fmt.Sprint(err))
		done(false)
		return
	}
	promise.Call("then", ok, fail)
}

// writeText calls navigator.clipboard.writeText, catching a throw.
func writeText(clip js.Value, text string) (promise js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return clip.Call("writeText", text), nil
}

// jsText is the first argument of a callback as text ("" when none).
func jsText(args []js.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = "?"
		}
	}()
	if len(args) == 0 {
		return ""
	}
	return js.Global().Call("String", args[0]).String()
}

// jsFunc is js.FuncOf for a callback the page hands the browser itself
// (not through callbacks.add): a panic in it is recovered (guard.go).
func jsFunc(fn func(this js.Value, args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) any {
		defer recoverFault("browser callback")
		return fn(this, args)
	})
}

// consoleError logs msg as an error in the browser's console.
func consoleError(msg string) {
	defer func() { recover() }()
	js.Global().Get("console").Call("error", msg)
}

// selectText focuses the text box with id and selects its text, ready for
// Ctrl+C. It looks again for a few frames: a component's box may come, or
// be replaced, with a render after the current one; once the box it
// selected is still there, it stops (where the focus goes next is the
// user's).
func selectText(id string) {
	tries := 10
	var last js.Value
	var f js.Func
	f = jsFunc(func(js.Value, []js.Value) any {
		el := js.Global().Get("document").Call("getElementById", id)
		switch {
		case el.Truthy() && last.Truthy() && el.Equal(last):
			tries = 0
		case el.Truthy():
			el.Call("focus")
			el.Call("select")
			last = el
		}
		if tries--; tries > 0 {
			js.Global().Call("setTimeout", f, 30)
		} else {
			f.Release()
		}
		return nil
	})
	js.Global().Call("setTimeout", f, 0)
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
	revoke = jsFunc(func(js.Value, []js.Value) any {
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

// setTimeout runs f after ms milliseconds, in a task of its own.
func setTimeout(f app.Func, ms float64) app.Value { return app.Window().Call("setTimeout", f, ms) }

func clearTimeout(timer app.Value) { app.Window().Call("clearTimeout", timer) }

// now is performance.now(): milliseconds since the navigation.
func now() float64 { return js.Global().Get("performance").Call("now").Float() }

// replaceQuery puts query in the address bar without a navigation.
func replaceQuery(query string) {
	u := pageURL()
	if u.RawQuery != query {
		u.RawQuery = query
		js.Global().Get("history").Call("replaceState", nil, "", u.String())
	}
}

func listenWindow(event string, f app.Func) { app.Window().Call("addEventListener", event, f) }

func unlistenWindow(event string, f app.Func) { app.Window().Call("removeEventListener", event, f) }

// setValue sets the value of the element with id (go-app v10.1.10 does not
// render an empty value).
func setValue(id, value string) {
	if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() {
		el.Set("value", value)
	}
}

// focusTestID focuses the first element with that data-testid whose
// data-name is name ("" for any): names are the reader's text, so they
// are compared here rather than put in a selector.
func focusTestID(testid, name string) {
	nodes := js.Global().Get("document").Call("querySelectorAll", `[data-testid="`+testid+`"]`)
	for i := range nodes.Length() {
		el := nodes.Index(i)
		if name == "" || el.Get("dataset").Get("name").String() == name {
			el.Call("focus")
			return
		}
	}
}

// readerWaiting tells that the reader used a control not live yet
// (embudo.js keeps it, to replay once the page is ready).
func readerWaiting() bool { return js.Global().Get("embudoPending").Truthy() }

// markPrerendered marks the elements selector finds as pre-rendered HTML.
func markPrerendered(selector string) {
	nodes := js.Global().Get("document").Call("querySelectorAll", selector)
	for i := range nodes.Length() {
		nodes.Index(i).Call("setAttribute", "data-prerendered", "")
	}
}

// prerenderedQuery is the scenario the pre-rendered page shows (the
// root's data-query); false when there is no pre-rendered page.
func prerenderedQuery() (string, bool) {
	root := js.Global().Get("document").Call("getElementById", "embudo")
	if !root.Truthy() {
		return "", false
	}
	return root.Call("getAttribute", "data-query").String(), true
}

// prerendered is the HTML of each element selector finds, in order.
func prerendered(selector string) []string {
	nodes := js.Global().Get("document").Call("querySelectorAll", selector)
	html := make([]string, nodes.Length())
	for i := range html {
		html[i] = nodes.Index(i).Get("outerHTML").String()
	}
	return html
}

// linkManifest points the page's manifest link at file, in the folder of
// the one it names (a static site may live under a sub-path).
func linkManifest(file string) {
	link := js.Global().Get("document").Call("querySelector", `link[rel="manifest"]`)
	if !link.Truthy() {
		return
	}
	href := link.Call("getAttribute", "href")
	if href.Type() != js.TypeString {
		return
	}
	dir := href.String()[:strings.LastIndex(href.String(), "/")+1]
	if next := dir + file; next != href.String() {
		link.Call("setAttribute", "href", next)
	}
}
