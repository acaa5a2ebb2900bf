// Embudo page script: what must work before (or without) the wasm.
(function () {
  "use strict";

  // An update: a new service worker takes over a page an older one served.
  // go-app only listens for "updatefound" once its registration resolves,
  // which misses the update check the browser starts with the navigation;
  // "controllerchange" does not. goappOnUpdate is go-app's hook (it queues
  // the signal until the wasm runs).
  if ("serviceWorker" in navigator && navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (typeof goappOnUpdate === "function") {
        goappOnUpdate();
      }
    });
  }

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

  // A page's first Intl.NumberFormat loads ICU's data (about 20 ms). Doing
  // it while app.wasm downloads, in a task of its own after the first
  // paint, keeps it out of both the first paint and the wasm's start.
  requestAnimationFrame(function () {
    setTimeout(function () {
      try {
        new Intl.NumberFormat(document.documentElement.lang || undefined).format(1.5);
      } catch (e) {}
    }, 0);
  });

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
