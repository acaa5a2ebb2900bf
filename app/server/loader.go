package server

import (
	"fmt"
	"regexp"
)

// goappFetch is go-app v10.1.10's fetchWithProgress in app.js: it pipes
// app.wasm through a JavaScript ReadableStream to count the bytes, each
// chunk as it comes (on a fast network, megabytes), in a loop of
// microtasks: the compiler's share of the work was one long task.
var goappFetch = regexp.MustCompile(`(?s)async function fetchWithProgress\(url, progess\) \{\n.*?\n  return res;\n\}\n`)

// streamingFetch hands the browser's own response to
// WebAssembly.compileStreaming, which compiles it as it arrives, and counts
// the bytes of a clone for the progress label: decoded bytes against the
// raw size of app.wasm (WasmContentLength), so the percentage is right
// under brotli or gzip too. (Feeding the compiler slices from JavaScript,
// a task each, shortened its tasks on a fast network but stalls headless
// Chromium's virtual time: its timers and messages wait while a fetch is
// pending, and the fetch waited for them.)
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

// goappInstantiate is where go-app's app.js compiles, instantiates and
// runs app.wasm in one go: the end of the compilation, the instance and
// the Go runtime's start were one long task.
var goappInstantiate = regexp.MustCompile(`const wasm = await instantiateStreaming\(\n\s*fetchWithProgress\(("[^"]*"), showProgress\),\n\s*go\.importObject\n\s*\);\n\n(\s*)go\.run\(wasm\.instance\);`)

// splitInstantiate compiles first, then lets the browser breathe before
// the instance and the Go runtime start, in a task of their own.
const splitInstantiate = `const module = await (WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetchWithProgress(${1}, showProgress))
      : fetchWithProgress(${1}, showProgress).then((r) => r.arrayBuffer()).then(WebAssembly.compile));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const instance = await WebAssembly.instantiate(module, go.importObject);
${2}go.run(instance);`

// streamingAppJS rewrites go-app's app.js to compile app.wasm as it
// streams in and to start it in shorter tasks. It fails on an app.js it
// does not know (a new go-app).
func streamingAppJS(appJS []byte) ([]byte, error) {
	for _, re := range []*regexp.Regexp{goappFetch, goappInstantiate} {
		if n := len(re.FindAllIndex(appJS, -1)); n != 1 {
			return nil, fmt.Errorf("app.js: go-app's code %q found %d times, want once", re.String()[:40], n)
		}
	}
	appJS = goappFetch.ReplaceAllLiteral(appJS, []byte(streamingFetch))
	return goappInstantiate.ReplaceAll(appJS, []byte(splitInstantiate)), nil
}
