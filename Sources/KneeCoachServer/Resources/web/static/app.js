// KneeCoach's small script for every page: registers the service worker that keeps Today
// and its guided session working without a connection, asks it to send the logs saved on
// this phone whenever a page opens or the browser comes back online, and says plainly how
// many are still waiting. Pages work without it.
"use strict";
(function () {
  if (!("serviceWorker" in navigator)) return;

  function say(message) {
    var main = document.getElementById("main");
    if (!main) return;
    var note = document.getElementById("outbox-note");
    if (!note) {
      note = document.createElement("p");
      note.id = "outbox-note";
      note.className = "queue-note";
      note.setAttribute("role", "status");
      main.insertBefore(note, main.firstChild);
    }
    note.textContent = message;
    note.hidden = !message;
  }

  function flush() {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "flush" });
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type !== "outbox") return;
    var text = "";
    if (data.waiting === 1) text = "One log is saved on this phone; it will be sent when you are back online.";
    else if (data.waiting > 1) text = data.waiting + " logs are saved on this phone; they will be sent when you are back online.";
    if (data.refused) text = (text ? text + " " : "") + "A log saved on this phone was refused by the server: log it again.";
    say(text);
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").then(flush).catch(function () { /* pages work without it */ });
  });
  window.addEventListener("online", flush);
})();
