package server

// workerJS is the service worker, from go-app's default with four changes:
// installation waits for the precache (the default can activate with an
// empty cache); pages are network-first and, offline, fall back to the
// cached page whatever the query (a shared link opens offline; the wasm
// reads the query); the root page is cached under the worker's own folder
// so a sub-path site works; and it tells a page that asks its version.
// go-app fills {{.Version}} and {{.ResourcesToCache}}.
const workerJS = `const cacheName = "app-" + "{{.Version}}";
const scopeRoot = new URL("./", self.location).href;
const resourcesToCache = {{.ResourcesToCache}}
  .map((r) => new URL(r, self.location).href)
  .map((r) => (r + "/" === scopeRoot ? scopeRoot : r));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The page asks which version this worker is (web/embudo.js): a new
// worker that took over before the page listened for it is an update too.
self.addEventListener("message", (event) => {
  if (event.data === "embudo:version" && event.source) {
    event.source.postMessage({ type: "embudo:version", version: "{{.Version}}" });
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(networkThenCachedPage(request));
    return;
  }
  event.respondWith(
    caches.match(request).then((cached) => cached || fetch(request).catch(() => Response.error()))
  );
});

async function networkThenCachedPage(request) {
  try {
    return await withTimeout(fetch(request), 4000);
  } catch (err) {
    const cache = await caches.open(cacheName);
    return (await cache.match(request, { ignoreSearch: true })) ||
      (await cache.match(scopeRoot)) ||
      Response.error();
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e) => { clearTimeout(timer); reject(e); }
    );
  });
}
`
