// KneeCoach's small script for every page: registers the service worker that keeps Today
// and its guided session working without a connection. Pages work without it.
"use strict";
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* pages work without it */ });
  });
}
