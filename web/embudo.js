// Embudo page script: everything that must work before (or without) the
// wasm. Embedded in an iframe, the page reports its height to the host.
(function () {
  "use strict";
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
