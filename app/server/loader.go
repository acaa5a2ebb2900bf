package server

import (
	"fmt"
	"regexp"
)

// goappFetch is go-app v10.1.10's fetchWithProgress in app.js: it pipes
// app.wasm through a JavaScript ReadableStream on the main thread to count
// the bytes, each chunk as it comes, in a loop of microtasks. The compile
// worker counts them instead (compileFuncs replaces it).
var goappFetch = regexp.MustCompile(`(?s)async function fetchWithProgress\(url, progess\) \{\n.*?\n  return res;\n\}\n`)

// goappInstantiate is where go-app's app.js compiles, instantiates and
// runs app.wasm in one go: the compilation, the instance and the Go
// runtime's start were long tasks of the main thread.
var goappInstantiate = regexp.MustCompile(`const wasm = await instantiateStreaming\(\n\s*fetchWithProgress\(("[^"]*"), showProgress\),\n\s*go\.importObject\n\s*\);\n\n(\s*)go\.run\(wasm\.instance\);`)

// workerInstantiate compiles app.wasm in a worker (web/embudo-compile.js),
// off the main thread, then lets the browser breathe before the instance
// and the Go runtime start, in a task of their own. Without workers, the
// page compiles it as it streams in.
const workerInstantiate = `const module = await embudoCompile(${1}, showProgress);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const instance = await WebAssembly.instantiate(module, go.importObject);
${2}embudoGuardStorage();
${2}go.run(instance);`

// compileFuncs are app.js's part of the worker's compile.
const compileFuncs = `
function embudoCompile(url, progress) {
  // A worker's script must be same-origin with the page, and an opaque
  // origin (a frame sandboxed without allow-same-origin) is same-origin
  // with nothing: there, the page compiles app.wasm itself.
  if (!window.Worker || self.origin === "null") {
    return embudoCompileHere(url, progress);
  }
  return new Promise((resolve, reject) => {
    let worker, compiled = false;
    const here = () => {
      worker.terminate();
      if (!compiled) {
        embudoCompileHere(url, progress).then(resolve, reject);
      }
    };
    try {
      worker = new Worker(url.replace(/app\.wasm(?=\?|$)/, "embudo-compile.js"));
    } catch (err) {
      embudoCompileHere(url, progress).then(resolve, reject);
      return;
    }
    worker.onerror = here;
    worker.onmessage = (e) => {
      if (e.data.warmed) {
        window.embudoWarmed = e.data.warmed;
        return;
      }
      if (e.data.progress !== undefined) {
        progress(e.data.progress);
        return;
      }
      if (!e.data.module) {
        here();
        return;
      }
      compiled = true;
      worker.terminate();
      resolve(e.data.module);
    };
    const exec = document.querySelector('script[src*="wasm_exec.js"]');
    worker.postMessage({
      url: new URL(url, location.href).href,
      total: parseInt(goappWasmContentLength, 10),
      // Before it hands the module over, the worker runs the app once
      // against a stand-in DOM, so that the page's start finds most of
      // its functions compiled (web/embudo-compile.js).
      warm: exec && {
        exec: exec.src,
        href: location.href,
        env: goappEnv,
        width: innerWidth,
        height: innerHeight,
        limit: 3000,
      },
    });
  });
}

// Without workers the page compiles app.wasm itself, as it streams in
// (the badge then jumps to 100 %).
function embudoCompileHere(url, progress) {
  const done = (module) => {
    progress(100);
    return module;
  };
  return WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch(url)).then(done)
    : fetch(url).then((r) => r.arrayBuffer()).then(WebAssembly.compile).then(done);
}
`

// goappServiceWorkerCheck is where go-app's app.js decides to register its
// service worker: "serviceWorker" in navigator holds in an opaque origin
// (a frame sandboxed without allow-same-origin), where reading
// navigator.serviceWorker throws and go-app logs the failure as an error.
var goappServiceWorkerCheck = regexp.MustCompile(`(async function goappInitServiceWorker\(\) \{\n\s*)if \("serviceWorker" in navigator\) \{`)

// serviceWorkerCheck registers the service worker only where it can be
// read, and guardFuncs are what app.js adds for an opaque origin.
const serviceWorkerCheck = `${1}if (embudoServiceWorkers()) {`

const guardFuncs = `
// embudoServiceWorkers is navigator.serviceWorker, or null where there is
// none or reading it throws (an opaque origin: a frame sandboxed without
// allow-same-origin). There the app runs without a service worker.
function embudoServiceWorkers() {
  try {
    return ("serviceWorker" in navigator && navigator.serviceWorker) || null;
  } catch (err) {
    return null;
  }
}

// embudoGuardStorage: in an opaque origin, or where the reader blocks
// storage, reading localStorage or sessionStorage throws, and a property
// read that throws cannot be recovered from in Go (wasm_exec.js's valueGet
// does not catch it): go-app reads localStorage as its engine starts, and
// the wasm would stop there. In that case each becomes an empty storage
// that refuses writes: nothing is remembered, and the app says so where it
// would store something the reader asked it to.
function embudoGuardStorage() {
  ["localStorage", "sessionStorage"].forEach((name) => {
    try {
      window[name].length;
      return;
    } catch (err) {}
    const none = {
      length: 0,
      key: () => null,
      getItem: () => null,
      setItem: () => {
        throw new DOMException("storage is not available here", "SecurityError");
      },
      removeItem: () => {},
      clear: () => {},
    };
    try {
      Object.defineProperty(window, name, { value: none, configurable: true });
    } catch (err) {}
  });
}
`

// goappRegister is where go-app's app.js registers its service worker: as
// soon as the script runs. The worker's start and its precache (app.wasm
// among the files) then compete with the first paint for the machine;
// registered after the paint, the page is offline-ready all the same.
var goappRegister = regexp.MustCompile(`(?m)^goappInitServiceWorker\(\);\n`)

const registerAfterPaint = "embudoAfterFirstPaint(goappInitServiceWorker);\n"

// goappStart is where go-app's app.js starts loading app.wasm: as soon as
// the script runs, before the first paint.
var goappStart = regexp.MustCompile(`(?m)^goappInitWebAssembly\(\);\n`)

// deferredStart: the pre-rendered page is the page, and nothing waits for
// the wasm to paint it. A page requests app.wasm once it has painted (a
// task after the first frame) and its parts sent later are in, so the
// download is never in front of the first or the largest paint. An embed
// (the calculator in a blog post, which most readers never touch: a frame,
// or any embed=1 page) requests it when the reader first interacts with
// it, or once it has stayed in view for embedDwellMs and the browser is
// idle, whichever comes first: a reader who scrolls past pays nothing.
// embudo.js keeps what the reader does meanwhile and replays it on the
// live page.
const deferredStart = `embudoStartWasm(goappInitWebAssembly);

// embedDwellMs is how long an embed stays in view before it loads unused.
const embedDwellMs = 3000;

function embudoStartWasm(start) {
  let started = false;
  const once = () => {
    if (!started) {
      started = true;
      embudoPageDone().then(start);
    }
  };
  // app.js is deferred: the page's markup is there to ask.
  const embed = window.parent !== window || !!document.querySelector("main.embed");
  if (!embed || !("IntersectionObserver" in window)) {
    embudoAfterFirstPaint(once);
    return;
  }
  const interactions = ["pointerdown", "keydown", "focusin", "touchstart", "wheel"];
  const onInteraction = () => {
    interactions.forEach((type) => removeEventListener(type, onInteraction, true));
    once();
  };
  interactions.forEach((type) => addEventListener(type, onInteraction, { capture: true, passive: true }));
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 500));
  let dwell = 0;
  const seen = new IntersectionObserver((entries) => {
    clearTimeout(dwell);
    if (entries.some((e) => e.isIntersecting)) {
      dwell = setTimeout(() => {
        seen.disconnect();
        idle(once, { timeout: 2000 });
      }, embedDwellMs);
    }
  });
  seen.observe(document.documentElement);
}

// embudoPageDone settles once the page is all there: parsed, its scripts
// run and the parts it sends later in (embudo.js's embudoParts, see
// later.go). The wasm starts after, so its download competes with no
// paint of the page and its takeover finds every part it adopts.
function embudoPageDone() {
  return new Promise((resolve) => {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", resolve);
    } else {
      resolve();
    }
  }).then(() => window.embudoParts);
}

// embudoAfterFirstPaint runs f once the browser reports the first
// contentful paint (a frame's rAF callback runs before its paint, not
// after).
function embudoAfterFirstPaint(f) {
  try {
    const paints = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) {
        paints.disconnect();
        setTimeout(f, 0);
      }
    });
    paints.observe({ type: "paint", buffered: true });
  } catch (err) {
    requestAnimationFrame(() => setTimeout(f, 0));
  }
}
`

// streamingAppJS rewrites go-app's app.js to register the service worker
// after the page has painted, to start loading app.wasm then too (or, in
// a frame, when it is used or seen), to
// compile it as it streams in and to start it in shorter tasks. It fails
// on an app.js it does not know (a new go-app).
func streamingAppJS(appJS []byte) ([]byte, error) {
	for _, re := range []*regexp.Regexp{goappStart, goappRegister, goappFetch, goappInstantiate, goappServiceWorkerCheck} {
		if n := len(re.FindAllIndex(appJS, -1)); n != 1 {
			return nil, fmt.Errorf("app.js: go-app's code %q found %d times, want once", abbrev(re.String(), 40), n)
		}
	}
	appJS = goappStart.ReplaceAllLiteral(appJS, []byte(deferredStart))
	appJS = goappRegister.ReplaceAllLiteral(appJS, []byte(registerAfterPaint))
	appJS = goappFetch.ReplaceAllLiteral(appJS, []byte(compileFuncs+guardFuncs))
	appJS = goappServiceWorkerCheck.ReplaceAll(appJS, []byte(serviceWorkerCheck))
	return goappInstantiate.ReplaceAll(appJS, []byte(workerInstantiate)), nil
}

// abbrev cuts s to at most n bytes, for messages.
func abbrev(s string, n int) string { return s[:min(n, len(s))] }
