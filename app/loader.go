//go:build !wasm

package main

import (
	"fmt"
	"regexp"
)

// goappFetch is go-app v10.1.10's fetchWithProgress in app.js: it pipes
// app.wasm through a JavaScript ReadableStream to count the bytes, so
// every chunk passes the main thread and the wasm is compiled there, in
// tasks of up to 40 ms at start (measured in Lighthouse's trace).
var goappFetch = regexp.MustCompile(`(?s)async function fetchWithProgress\(url, progess\) \{\n.*?\n  return res;\n\}\n`)

// streamingFetch hands the browser's own response to
// WebAssembly.instantiateStreaming, which compiles it off the main thread
// as it arrives, and counts the bytes of a clone for the progress label:
// decoded bytes against the raw size of app.wasm (WasmContentLength), so
// the percentage is right under brotli or gzip too.
const streamingFetch = `async function fetchWithProgress(url, progress) {
  const response = await fetch(url);
  const total = parseInt(goappWasmContentLength, 10);
  if (response.ok && response.body && total > 0) {
    const reader = response.clone().body.getReader();
    let loaded = 0, shown = -1;
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.byteLength;
        const percent = Math.min(100, Math.round((loaded * 100) / total));
        if (percent !== shown) {
          shown = percent;
          progress(percent);
        }
      }
    })().catch(() => {});
  }
  return response;
}
`

// streamingAppJS rewrites go-app's app.js to compile app.wasm as it
// streams in. It fails on an app.js it does not know (a new go-app).
func streamingAppJS(appJS []byte) ([]byte, error) {
	if n := len(goappFetch.FindAllIndex(appJS, -1)); n != 1 {
		return nil, fmt.Errorf("app.js: go-app's fetchWithProgress found %d times, want once", n)
	}
	return goappFetch.ReplaceAllLiteral(appJS, []byte(streamingFetch)), nil
}
