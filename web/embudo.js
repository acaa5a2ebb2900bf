// Embudo page script: what must work before (or without) the wasm.
(function () {
  "use strict";

  // An update: a new service worker takes over a page an older one served.
  // go-app only listens for "updatefound" once its registration resolves,
  // which misses the update check the browser starts with the navigation;
  // "controllerchange" does not, unless the new worker took over before
  // this script ran: so the page also asks the worker in control for its
  // version (app/server/worker.go) and compares it with the version of the
  // app it runs (go-app's app.js). goappOnUpdate is go-app's hook (it
  // queues the signal until the wasm runs). In an opaque origin (a frame
  // sandboxed without allow-same-origin) reading navigator.serviceWorker
  // throws: there is no service worker, and the rest of this script still
  // runs.
  var workers = null;
  try {
    workers = "serviceWorker" in navigator ? navigator.serviceWorker : null;
  } catch (err) {}
  function updated() {
    if (typeof goappOnUpdate === "function") {
      goappOnUpdate();
    }
  }
  if (workers && workers.controller) {
    workers.addEventListener("controllerchange", updated);
    workers.addEventListener("message", function (e) {
      if (e.data && e.data.type === "embudo:version" && typeof goappEnv === "object" &&
          e.data.version !== goappEnv.GOAPP_VERSION) {
        updated();
      }
    });
    if (workers.startMessages) workers.startMessages();
    workers.controller.postMessage("embudo:version");
  }

  // The parts under the first screen come as inert text (a data block the
  // parser skips: app/server/later.go). After the first paint each becomes
  // its elements, in a frame of its own, so that no frame lays out more
  // than one; window.embudoParts settles once all are in (the wasm takes
  // the page over after that: app.js).
  // Where no paint is reported or no frame comes (a background tab, a
  // headless screenshot), timers stand in, so the page is never left
  // without its lower parts.
  window.embudoParts = new Promise(function (resolve) {
    var blocks = document.querySelectorAll('script[type="text/x-embudo-part"]');
    var i = 0, started = false;
    function frame(f) {
      var done = false;
      function run() {
        if (!done) {
          done = true;
          f();
        }
      }
      requestAnimationFrame(run);
      setTimeout(run, 100);
    }
    function next() {
      var t = document.createElement("template");
      t.innerHTML = blocks[i].textContent;
      blocks[i].replaceWith(t.content);
      if (++i < blocks.length) frame(next);
      else resolve();
    }
    function start() {
      if (!started) {
        started = true;
        frame(next);
      }
    }
    if (!blocks.length) {
      resolve();
      return;
    }
    if (typeof embudoAfterFirstPaint === "function") embudoAfterFirstPaint(start);
    setTimeout(start, 1000);
  });

  // The wasm puts each slider back on its position after a render
  // (syncSliders in app/ui/browser_wasm.go): one call from Go.
  window.embudoSyncSliders = function () {
    document.querySelectorAll("input[type=range][data-pos]").forEach(function (el) {
      if (el.value !== el.dataset.pos) el.value = el.dataset.pos;
    });
  };

  // The wasm holds back the renders of some sections while they are out of
  // view (app/ui/view.go): each [data-view] element is watched, and the
  // wasm hears (window.embudoOnView, its callback) when one comes into view
  // or leaves it. Half a screen around the view counts as in view, so a
  // section renders before it scrolls in. The wasm asks for a scan when its
  // sections may have changed; a section that left the page is let go.
  var watched = new Set();
  var viewObserver = null;
  var scanQueued = false;
  function scanViews() {
    scanQueued = false;
    if (!viewObserver) {
      viewObserver = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          // A replaced section reports once more as it goes: not a move.
          if (e.target.isConnected && window.embudoOnView) {
            window.embudoOnView(e.target.getAttribute("data-view"), e.isIntersecting);
          }
        });
      }, { rootMargin: "50% 0px" });
    }
    watched.forEach(function (el) {
      if (!el.isConnected) {
        viewObserver.unobserve(el);
        watched.delete(el);
      }
    });
    document.querySelectorAll("[data-view]").forEach(function (el) {
      if (!watched.has(el)) {
        watched.add(el);
        viewObserver.observe(el);
      }
    });
  }
  // Before the reader does anything in a held section, the wasm brings
  // it up to date (window.embudoUseView): its handlers then act on the
  // scenario on screen, whatever the observer has reported so far.
  ["pointerdown", "focusin", "keydown", "click", "input", "change"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var t = e.target;
      if (window.embudoUseView && t && t.closest && t.closest("[data-view]")) window.embudoUseView();
    }, true);
  });
  window.embudoWatchViews = function () {
    if (scanQueued || !("IntersectionObserver" in window)) return;
    scanQueued = true;
    setTimeout(scanViews, 0);
  };

  // A static host serves one pre-rendered page for every link: if the
  // link asks for other values than the page shows, dim the numbers until
  // the wasm renders the link (it replaces this element).
  var main = document.getElementById("embudo");
  if (main && !main.hasAttribute("data-wasm")) {
    var shown = new URLSearchParams(main.getAttribute("data-query") || "");
    new URLSearchParams(location.search).forEach(function (v, k) {
      if (k !== "embed" && shown.has(k) && shown.get(k) !== v) {
        main.classList.add("pending");
        main.setAttribute("aria-busy", "true");
      }
    });
  }

  // Until the wasm is live, the page is its pre-rendered HTML: sliders,
  // boxes, radios and selects work natively but nothing computes. What the
  // reader does then is kept (each control's last value, each button
  // pressed) and replayed on the live controls once the wasm marks the page
  // ready, so nothing done before that is lost. While the wasm takes the
  // page over (data-wasm=starting), controls already live are the wasm's
  // own; only those still shown as pre-rendered HTML are kept.
  var early = [];
  function keyOf(el) {
    if (el.dataset && el.dataset.testid) return '[data-testid="' + el.dataset.testid + '"]';
    if (el.id) return "#" + CSS.escape(el.id);
    return "";
  }
  function kept(target) {
    var root = document.getElementById("embudo");
    var state = root && root.getAttribute("data-wasm");
    if (state === "ready") return false;
    // The wasm marks the parts not yet live a task after it adopts the
    // page (its engine starts then): until it does, none is.
    if (!state || !document.querySelector("[data-prerendered]")) return true;
    return !!(target.closest && target.closest("[data-prerendered]"));
  }
  function keepValue(e) {
    var el = e.target, key = keyOf(el);
    if (!key || !kept(el) || !("value" in el)) return;
    var last = early.filter(function (a) { return a.key === key && a.value !== undefined; })[0] || {};
    early = early.filter(function (a) { return a.key !== key || a.value === undefined; });
    early.push({ key: key, value: el.value, checked: el.checked, input: last.input || e.type === "input",
      change: last.change || e.type === "change" });
    window.embudoPending = true; // the wasm brings every part alive at once
  }
  // A <summary> toggles its <details> natively: what is kept is the state
  // the reader left it in, set again (and told to the wasm) on replay.
  function keepOpen(d, open) {
    var key = keyOf(d);
    if (!key || !kept(d)) return;
    early = early.filter(function (a) { return a.key !== key; });
    early.push({ key: key, open: open });
    window.embudoPending = true;
  }
  function keepToggle(e) {
    if (e.target.tagName === "DETAILS") keepOpen(e.target, e.target.open);
  }
  function keepClick(e) {
    // A click on a summary is kept as the state it leaves its details in,
    // at once: the toggle event comes a task later, perhaps after ready.
    var summary = e.target.closest && e.target.closest("summary");
    if (summary && summary.parentElement.tagName === "DETAILS") {
      keepOpen(summary.parentElement, !summary.parentElement.open);
      return;
    }
    var el = e.target.closest && e.target.closest("button");
    var key = el && keyOf(el);
    if (key && kept(el)) {
      early.push({ key: key, click: true });
      window.embudoPending = true;
    }
  }
  // What the reader did before this script ran (the page parses and
  // paints first) is on the controls themselves: a value, a check or a
  // choice that is not the page's own.
  // pageValue is the value the page gave el, as the browser reads it (a
  // range snaps it to its step). A clone would carry the reader's value.
  function pageValue(el) {
    var c = document.createElement("input");
    ["type", "min", "max", "step"].forEach(function (a) { if (el.hasAttribute(a)) c.setAttribute(a, el.getAttribute(a)); });
    c.value = el.defaultValue;
    return c.value;
  }
  function keepEarlier() {
    var root = document.getElementById("embudo");
    if (!root) return;
    root.querySelectorAll("input, select").forEach(function (el) {
      var changed = el.type === "radio" || el.type === "checkbox" ? el.checked !== el.defaultChecked && el.checked
        : el.tagName === "SELECT" ? !(el.options[el.selectedIndex] || {}).defaultSelected
        : el.value !== el.defaultValue && el.value !== pageValue(el); // most are their page's value
      if (changed) keepValue({ target: el, type: "input" }), keepValue({ target: el, type: "change" });
    });
    root.querySelectorAll("details[open]").forEach(function (d) {
      keepToggle({ target: d });
    });
  }
  keepEarlier();
  function replay() {
    var todo = early;
    early = [];

    todo.forEach(function (a) {
      var el = document.querySelector(a.key);
      if (!el) return;
      if (a.click) {
        el.click();
        return;
      }
      if (a.open !== undefined) {
        el.open = a.open;
        el.dispatchEvent(new Event("toggle"));
        return;
      }
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = a.checked;
      } else {
        el.value = a.value;
      }
      if (a.input) el.dispatchEvent(new Event("input", { bubbles: true }));
      if (a.change) el.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
  document.addEventListener("input", keepValue, true);
  document.addEventListener("change", keepValue, true);
  document.addEventListener("click", keepClick, true);
  document.addEventListener("toggle", keepToggle, true);
  new MutationObserver(function (changes, mo) {
    var root = document.getElementById("embudo");
    if (root && root.getAttribute("data-wasm") === "ready") {
      mo.disconnect();
      document.removeEventListener("input", keepValue, true);
      document.removeEventListener("change", keepValue, true);
      document.removeEventListener("click", keepClick, true);
      document.removeEventListener("toggle", keepToggle, true);
      replay();
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-wasm"], childList: true });

  // Embedded in an iframe, the page reports its height to the host.
  if (window.parent === window) {
    return;
  }
  var last = 0;
  var timer = 0;
  // Coalesce bursts (the wasm replacing the pre-rendered page) so the host
  // sees the settled height, not a one-frame spike.
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(report, 60);
  }
  function report() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      window.parent.postMessage({ type: "embudo:height", height: h }, "*");
    }
  }
  new ResizeObserver(schedule).observe(document.documentElement);
  window.addEventListener("load", report);
  report();
})();
