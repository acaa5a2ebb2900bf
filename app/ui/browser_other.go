//go:build !wasm

package ui

import (
	"log"
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser seam, server side: the server pre-renders pages and never
// runs what only a browser can do. Its twin is browser_wasm.go; these two
// files are the only ones that know which side they run on.

// inBrowser tells the components whether a browser runs them.
const inBrowser = false

// pageURL is the window's address; nil outside a browser.
func pageURL() *url.URL { return nil }

// browserLang is the registry's language for the browser's; "" when none.
func browserLang() string { return "" }

func loadStored(key string) string { return "" }

func store(key, value string) bool { return false }

func servedByWorker() bool { return false }

func online() bool { return false }

func clipboardWrite(text string, done func(ok bool)) { done(false) }

// consoleError is the server's log.
func consoleError(msg string) { log.Print(msg) }

func selectText(id string) {}

func downloadFile(name, mime, content string) {}

func printPage() {}

// today is the date in ISO form: only a pre-rendered, hidden printout
// shows it before the wasm replaces it.
func today(string) string { return time.Now().Format("2006-01-02") }

func syncSliders() {}

func watchViews() {}

func onView(seen, use app.Func) {}

func setTimeout(f app.Func, ms float64) app.Value { return app.Null() }

func clearTimeout(timer app.Value) {}

func now() float64 { return 0 }

func replaceQuery(query string) {}

func listenWindow(event string, f app.Func) {}

func unlistenWindow(event string, f app.Func) {}

func setValue(id, value string) {}

func focusTestID(testid, name string) {}

// linkManifest has no page to change: the server links the manifest of
// the language it renders (app/server).
func linkManifest(file string) {}

func readerWaiting() bool { return false }

func markPrerendered(selector string) {}

// prerendered finds nothing: the server renders the page it serves.
func prerendered(selector string) []string { return nil }

func prerenderedQuery() (string, bool) { return "", false }
