package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Browser storage, read and written as plain strings. localStorage throws
// in sandboxed frames and when the user blocks storage: then nothing is
// remembered and nothing breaks. On the server both are no-ops.

// loadStored returns the value under key, or "".
func loadStored(key string) (v string) {
	if !app.IsClient {
		return ""
	}
	defer func() {
		if recover() != nil {
			v = ""
		}
	}()
	item := app.Window().Get("localStorage").Call("getItem", key)
	if item.Type() != app.TypeString {
		return ""
	}
	return item.String()
}

// store keeps value under key and reports whether the browser let it.
func store(key, value string) (ok bool) {
	if !app.IsClient {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	app.Window().Get("localStorage").Call("setItem", key, value)
	return true
}
