package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStreamingAppJS rewrites go-app's own app.js: the wasm is compiled as
// it streams, instantiated in a task of its own, and the
// progress counts decoded bytes against the raw size.
func TestStreamingAppJS(t *testing.T) {
	h, err := newHandler(mfWeb, "")
	if err != nil {
		skipOrFail(t, "no handler (make wasm first): "+err.Error())
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	js, err := streamingAppJS(rec.Body.Bytes())
	require.NoError(t, err)
	s := string(js)
	assert.Contains(t, s, "await embudoCompile(\"/web/app.wasm?v="+h.Version+"\", showProgress)")
	assert.Contains(t, s, "WebAssembly.compileStreaming(fetch(url))", "without workers the page compiles it")
	assert.Contains(t, s, "await new Promise((resolve) => setTimeout(resolve, 0));\n    const instance = await WebAssembly.instantiate(module, go.importObject);")
	assert.Contains(t, s, "go.run(instance);")
	assert.Contains(t, s, "parseInt(goappWasmContentLength, 10)", "the worker counts decoded bytes against the raw size")
	assert.NotContains(t, s, "async function fetchWithProgress(", "go-app's main-thread byte pipe is gone")
	assert.NotContains(t, s, "go.run(wasm.instance)")
	assert.Contains(t, s, "\nembudoStartWasm(goappInitWebAssembly);\n", "the wasm waits for the first paint")
	assert.NotRegexp(t, `(?m)^goappInitWebAssembly\(\);`, s)

	// A frame sandboxed without allow-same-origin (an opaque origin):
	// no service worker, storage that throws, no same-origin worker.
	assert.Contains(t, s, "async function goappInitServiceWorker() {\n  if (embudoServiceWorkers()) {",
		"go-app registers its service worker only where navigator.serviceWorker can be read")
	assert.Contains(t, s, "embudoGuardStorage();\n    go.run(instance);", "storage is guarded before the wasm runs")
	assert.Contains(t, s, `if (!window.Worker || self.origin === "null") {`, "an opaque origin compiles on the page")

	_, err = streamingAppJS([]byte("console.log('another loader');"))
	assert.Error(t, err, "an app.js it does not know is an error, not a silent no-op")
}
