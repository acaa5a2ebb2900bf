// Embudo's compile worker: fetches app.wasm and compiles it as it streams
// in, off the page's main thread (there, feeding the compiler the
// network's chunks took tasks of 40 to 150 ms), then hands the page the
// compiled module, and the download's progress on the way.
//
// Before handing it over, it warms the module: V8 compiles a wasm
// function the first time it runs, on the thread that runs it, and the
// compiled code belongs to the module, which the page shares. So the
// worker runs the app once against a small stand-in for the DOM, and the
// functions the page's start needs (the Go runtime's, the packages'
// init, the first render) are compiled here, not in the page's tasks.
"use strict";
self.onmessage = async (e) => {
  const { url, total, warm } = e.data;
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
    const module = await WebAssembly.compileStreaming(response);
    if (warm) {
      const from = performance.now();
      const outcome = await warmUp(module, warm).catch((err) => "failed: " + err);
      self.postMessage({ warmed: { outcome, ms: Math.round(performance.now() - from) } });
    }
    self.postMessage({ module });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};

// warmUp runs the app in this worker until it marks itself ready, it
// stops, or warm.limit ms pass, whichever comes first. Whatever it does
// here stays here: the stand-ins keep nothing and reach nothing.
async function warmUp(module, warm) {
  importScripts(warm.exec);
  standIns(warm);
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  self.embudoWarmReady = () => done("ready");
  const go = new Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance).then(() => done("stopped"), (err) => done("stopped: " + err));
  setTimeout(() => done("timeout"), warm.limit);
  return finished;
}

// standIns gives the app the window it asks for: a page at the page's
// address, in the page's languages, with a DOM that holds nodes and
// nothing else.
function standIns(warm) {
  const noop = () => {};
  const document = new FakeDocument();
  const self_ = self;
  Object.defineProperty(self_, "location", { value: new URL(warm.href) });
  Object.assign(self_, {
    window: self_,
    parent: self_,
    top: self_,
    document,
    goappEnv: warm.env,
    goappGetenv: (k) => warm.env[k],
    goappKeepBodyClean: () => noop,
    BroadcastChannel: undefined,
    history: { state: null, pushState: noop, replaceState: noop, back: noop },
    localStorage: { getItem: () => null, setItem: noop, removeItem: noop },
    sessionStorage: { getItem: () => null, setItem: noop, removeItem: noop },
    matchMedia: () => ({ matches: false, addEventListener: noop, removeEventListener: noop }),
    requestAnimationFrame: (f) => setTimeout(() => f(performance.now()), 0),
    cancelAnimationFrame: (id) => clearTimeout(id),
    requestIdleCallback: (f) => setTimeout(() => f({ timeRemaining: () => 0, didTimeout: true }), 0),
    getComputedStyle: () => ({ getPropertyValue: () => "" }),
    innerWidth: warm.width || 1280,
    innerHeight: warm.height || 900,
    devicePixelRatio: 1,
    scrollX: 0,
    scrollY: 0,
    scrollTo: noop,
    scrollBy: noop,
    print: noop,
    alert: noop,
    confirm: () => false,
    prompt: () => null,
    open: () => null,
    IntersectionObserver: FakeObserver,
    MutationObserver: FakeObserver,
    ResizeObserver: FakeObserver,
  });
}

class FakeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

class FakeNode {
  constructor(type, name, owner) {
    this.nodeType = type;
    this.nodeName = name;
    this.ownerDocument = owner;
    this.parentNode = null;
    this.childNodes = [];
    this.nodeValue = null;
  }
  get parentElement() {
    return this.parentNode && this.parentNode.nodeType === 1 ? this.parentNode : null;
  }
  get firstChild() {
    return this.childNodes[0] || null;
  }
  get lastChild() {
    return this.childNodes[this.childNodes.length - 1] || null;
  }
  get children() {
    return this.childNodes.filter((n) => n.nodeType === 1);
  }
  get firstElementChild() {
    return this.children[0] || null;
  }
  get nextSibling() {
    const s = this.parentNode ? this.parentNode.childNodes : [];
    return s[s.indexOf(this) + 1] || null;
  }
  get previousSibling() {
    const s = this.parentNode ? this.parentNode.childNodes : [];
    return s[s.indexOf(this) - 1] || null;
  }
  get textContent() {
    return this.nodeType === 3 ? this.nodeValue : this.childNodes.map((n) => n.textContent).join("");
  }
  set textContent(v) {
    if (this.nodeType === 3) {
      this.nodeValue = String(v);
      return;
    }
    this.childNodes.forEach((n) => (n.parentNode = null));
    this.childNodes = [];
  }
  appendChild(c) {
    return this.insertBefore(c, null);
  }
  insertBefore(c, ref) {
    if (c.parentNode) c.parentNode.removeChild(c);
    const i = ref ? this.childNodes.indexOf(ref) : -1;
    if (i < 0) this.childNodes.push(c);
    else this.childNodes.splice(i, 0, c);
    c.parentNode = this;
    return c;
  }
  removeChild(c) {
    const i = this.childNodes.indexOf(c);
    if (i >= 0) this.childNodes.splice(i, 1);
    c.parentNode = null;
    return c;
  }
  replaceChild(n, o) {
    this.insertBefore(n, o);
    return this.removeChild(o);
  }
  remove() {
    if (this.parentNode) this.parentNode.removeChild(this);
  }
  contains(n) {
    for (; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  addEventListener() {}
  removeEventListener() {}
  dispatchEvent() {
    return true;
  }
}

class FakeElement extends FakeNode {
  constructor(name, owner) {
    super(1, name.toUpperCase(), owner);
    this.tagName = this.nodeName;
    this.attrs = new Map();
    this.style = { setProperty() {}, removeProperty() {}, getPropertyValue: () => "" };
    this.dataset = {};
    this.classList = { add() {}, remove() {}, toggle() {}, contains: () => false };
    this.value = "";
    this.checked = false;
    this.scrollTop = 0;
    this.scrollLeft = 0;
  }
  get id() {
    return this.getAttribute("id") || "";
  }
  set innerHTML(v) {
    this.textContent = "";
  }
  get innerHTML() {
    return "";
  }
  set innerText(v) {
    this.textContent = v;
  }
  get outerHTML() {
    return "";
  }
  setAttribute(k, v) {
    this.attrs.set(k, String(v));
    if (k === "data-wasm" && String(v) === "ready" && self.embudoWarmReady) {
      self.embudoWarmReady();
    }
  }
  getAttribute(k) {
    return this.attrs.has(k) ? this.attrs.get(k) : null;
  }
  hasAttribute(k) {
    return this.attrs.has(k);
  }
  removeAttribute(k) {
    this.attrs.delete(k);
  }
  querySelector() {
    return null;
  }
  querySelectorAll() {
    return [];
  }
  getElementsByTagName() {
    return [];
  }
  closest() {
    return null;
  }
  getBoundingClientRect() {
    return { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 };
  }
  focus() {}
  blur() {}
  click() {}
  select() {}
  scrollIntoView() {}
  setPointerCapture() {}
  releasePointerCapture() {}
}

class FakeDocument extends FakeNode {
  constructor() {
    super(9, "#document", null);
    this.documentElement = new FakeElement("html", this);
    this.head = new FakeElement("head", this);
    this.body = new FakeElement("body", this);
    this.documentElement.appendChild(this.head);
    this.documentElement.appendChild(this.body);
    this.appendChild(this.documentElement);
    this.title = "";
    this.hidden = false;
    this.visibilityState = "visible";
    this.readyState = "complete";
    this.activeElement = this.body;
    this.referrer = "";
  }
  createElement(tag) {
    return new FakeElement(tag, this);
  }
  createElementNS(ns, tag) {
    return new FakeElement(tag, this);
  }
  createTextNode(v) {
    const n = new FakeNode(3, "#text", this);
    n.nodeValue = String(v);
    return n;
  }
  createDocumentFragment() {
    return new FakeNode(11, "#document-fragment", this);
  }
  getElementById() {
    return null;
  }
  querySelector() {
    return null;
  }
  querySelectorAll() {
    return [];
  }
  getElementsByTagName() {
    return [];
  }
  hasFocus() {
    return false;
  }
  execCommand() {
    return false;
  }
}
