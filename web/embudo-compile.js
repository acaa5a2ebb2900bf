// Embudo's compile worker: fetches app.wasm and compiles it as it streams
// in, off the page's main thread (there, feeding the compiler the
// network's chunks took tasks of 40 to 150 ms), then hands the page the
// compiled module, and the download's progress on the way.
"use strict";
self.onmessage = async (e) => {
  const { url, total } = e.data;
  try {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error("app.wasm: HTTP " + response.status);
    }
    if (response.body && total > 0) {
      // Decoded bytes against the raw size: right under brotli and gzip.
      const reader = response.clone().body.getReader();
      (async () => {
        let loaded = 0, shown = -1;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          loaded += value.byteLength;
          const percent = Math.min(100, Math.round((loaded * 100) / total));
          if (percent !== shown) {
            shown = percent;
            self.postMessage({ progress: percent });
          }
        }
      })().catch(() => {});
    }
    self.postMessage({ module: await WebAssembly.compileStreaming(response) });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
