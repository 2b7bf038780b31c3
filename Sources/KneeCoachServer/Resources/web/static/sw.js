// KneeCoach's service worker: Today and its guided sessions keep working without a
// connection, in the gym or the basement (issue 17, item 5).
//
// - Pages: once Today has been opened, Today, the guided session pages it links to and the
//   web app's own files are kept on the phone. They are asked for from the network first;
//   the copy on the phone is used only when the network fails (or is silent for 5 s), and
//   only on the day it was kept. No other page is kept. Signing out, or being sent to sign
//   in, deletes the kept pages.
// - Logs: a guided session's form (/session/…) or a log form (/log/…) sent without a
//   connection is saved on the phone (IndexedDB) and the page says so plainly; it is sent when
//   the phone is back online (Background Sync where the browser has it, else when a page of
//   KneeCoach is opened or the browser says it is online). Each form carries its own
//   idempotency key, so a form sent twice is logged once. A form refused for an expired form
//   token is sent again with a fresh one.
"use strict";

var PAGES = "kc-pages-v1";
var ASSETS = "kc-assets-v1";
var DAY_HEADER = "X-KneeCoach-Kept-On";
var KEPT_PAGES = /^\/(today|session\/[a-z-]+)$/;
var QUEUED_FORMS = /^\/(session|log)\/[a-z-]+$/;
var ASSET_PATHS = ["/static/app.css", "/static/app.js", "/static/session.js", "/static/breath.css", "/static/icon.svg", "/manifest.webmanifest"];
var POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== PAGES && name !== ASSETS; })
      .map(function (name) { return caches.delete(name); }));
  }).then(forgetOtherDays).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "GET" && KEPT_PAGES.test(url.pathname)) {
    event.respondWith(page(request, url, event));
  } else if (request.method === "GET" && (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest")) {
    event.respondWith(asset(request, url));
  } else if (request.method === "POST" && QUEUED_FORMS.test(url.pathname)) {
    event.respondWith(sendOrSave(request, event));
  } else if (request.method === "POST" && url.pathname === "/signout") {
    event.respondWith(signOut(request));
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === "kc-outbox") event.waitUntil(flush());
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "flush") event.waitUntil(flush());
});

// --- Pages and files -----------------------------------------------------------------------

function today() {
  var d = new Date();
  return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
}

/** The network's answer, or `null` after `ms` without one (the fetch goes on). */
function fetchWithin(request, ms, keep) {
  var network = fetch(request).then(function (response) { keep(response.clone()); return response; });
  var silent = new Promise(function (resolve) { setTimeout(resolve, ms, null); });
  return { first: Promise.race([network, silent]), network: network };
}

function page(request, url, event) {
  var key = url.origin + url.pathname;
  var attempt = fetchWithin(request, 5000, function (response) {
    if (response.redirected && new URL(response.url).pathname === "/signin") return caches.delete(PAGES);
    if (response.status !== 200 || response.redirected || response.type !== "basic") return;
    event.waitUntil(keepPage(key, response.clone()).then(function () {
      return url.pathname === "/today" ? keepWhatTodayLinks(response) : null;
    }).then(flush));
  });
  return attempt.first.then(function (response) {
    return response || keptPage(key).then(function (kept) { return kept || attempt.network; });
  }).catch(function () {
    return keptPage(key).then(function (kept) { return kept || offlinePage(); });
  });
}

function keepPage(key, response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(DAY_HEADER, today());
    return caches.open(PAGES).then(function (cache) {
      return cache.put(key, new Response(body, { status: 200, headers: headers }));
    });
  });
}

function keptPage(key) {
  return caches.open(PAGES).then(function (cache) { return cache.match(key); }).then(function (response) {
    return response && response.headers.get(DAY_HEADER) === today() ? response : null;
  });
}

/** Keeps the guided session pages Today links to, and the app's files. */
function keepWhatTodayLinks(response) {
  return response.text().then(function (html) {
    var links = [], pattern = /href="(\/session\/[a-z-]+)"/g, match;
    while ((match = pattern.exec(html))) if (links.indexOf(match[1]) < 0) links.push(match[1]);
    var pages = links.map(function (path) {
      return fetch(path, { credentials: "same-origin" }).then(function (answer) {
        if (answer.status === 200 && !answer.redirected) return keepPage(self.location.origin + path, answer);
      }).catch(function () {});
    });
    var files = caches.open(ASSETS).then(function (cache) {
      return Promise.all(ASSET_PATHS.map(function (path) { return cache.add(path).catch(function () {}); }));
    });
    return Promise.all(pages.concat([files]));
  });
}

function forgetOtherDays() {
  return caches.open(PAGES).then(function (cache) {
    return cache.keys().then(function (keys) {
      return Promise.all(keys.map(function (key) {
        return cache.match(key).then(function (response) {
          if (!response || response.headers.get(DAY_HEADER) !== today()) return cache.delete(key);
        });
      }));
    });
  });
}

function asset(request, url) {
  var key = url.origin + url.pathname;
  var attempt = fetchWithin(request, 5000, function (response) {
    if (response.status === 200) return caches.open(ASSETS).then(function (cache) { return cache.put(key, response); });
  });
  return attempt.first.then(function (response) {
    return response || caches.match(key).then(function (kept) { return kept || attempt.network; });
  }).catch(function () {
    return caches.match(key).then(function (kept) { return kept || new Response("", { status: 504 }); });
  });
}

function html(title, text) {
  var body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " · KneeCoach</title>" +
    "<link rel=\"stylesheet\" href=\"/static/app.css\"><link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\"></head><body><header class=\"top\"><a class=\"brand\" href=\"/today\">KneeCoach</a></header>" +
    "<main id=\"main\"><h1>" + title + "</h1>" + text + "<p><a class=\"button\" href=\"/today\">Back to Today</a></p></main></body></html>";
  return new Response(body, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": POLICY } });
}

function offlinePage() {
  return html("Offline", "<p>You are offline, and this page was not kept on this phone. Today and its sessions are kept once you have opened Today with a connection.</p>");
}

// --- Forms sent offline --------------------------------------------------------------------

function sendOrSave(request, event) {
  var copy = request.clone();
  return fetch(request).then(function (response) {
    event.waitUntil(flush());
    return response;
  }).catch(function () {
    return copy.text().then(function (body) {
      return save({ url: request.url, body: body, type: request.headers.get("Content-Type") || "application/x-www-form-urlencoded", at: Date.now() });
    }).then(function () {
      if (self.registration.sync) self.registration.sync.register("kc-outbox").catch(function () {});
      tell({ saved: true });
      return html("Saved on this phone", "<p class=\"notice\" role=\"status\">Saved on this phone; it will be sent when you are back online.</p>" +
        "<p>Keep KneeCoach on this phone until then: it is sent the next time a KneeCoach page is opened with a connection.</p>");
    });
  });
}

function signOut(request) {
  return flush().then(function () { return fetch(request); }).then(function (response) {
    return Promise.all([caches.delete(PAGES), clear()]).then(function () { return response; });
  }).catch(function () {
    return html("Offline", "<p>You are offline. Sign out again when you are back online.</p>");
  });
}

var flushing = null;

/** Sends every saved form in turn; stops at the first that cannot go yet. */
function flush() {
  if (flushing) return flushing;
  flushing = all().then(function (entries) {
    return entries.reduce(function (previous, entry) {
      return previous.then(function (going) { return going ? send(entry) : false; });
    }, Promise.resolve(true));
  }).catch(function () {}).then(function () {
    flushing = null;
    return tell({});
  });
  return flushing;
}

/** Sends one saved form: `true` when it is done with (stored, or refused for good). */
function send(entry) {
  return post(entry, entry.body).then(function (response) {
    if (response.status !== 403) return response;
    // The form token changed while the form waited: take the current one from a page.
    return fetch("/today", { credentials: "same-origin" }).then(function (page) { return page.text(); }).then(function (text) {
      var token = /name="csrf" value="([^"]+)"/.exec(text);
      if (!token) return response;
      var body = entry.body.replace(/(^|&)csrf=[^&]*/, "$1csrf=" + encodeURIComponent(token[1]));
      return post(entry, body);
    });
  }).then(function (response) {
    if (response.redirected && new URL(response.url).pathname === "/signin") return false;
    if (response.status >= 500 || response.status === 429) return false;
    if (response.status >= 400) tell({ refused: true });
    return remove(entry.id).then(function () { return true; });
  }, function () { return false; });
}

function post(entry, body) {
  return fetch(entry.url, {
    method: "POST", body: body, credentials: "same-origin", redirect: "follow",
    headers: { "Content-Type": entry.type }
  });
}

function tell(news) {
  return count().then(function (waiting) {
    return self.clients.matchAll({ type: "window" }).then(function (clients) {
      clients.forEach(function (client) {
        client.postMessage({ type: "outbox", waiting: waiting, saved: !!news.saved, refused: !!news.refused });
      });
    });
  }).catch(function () {});
}

// --- The outbox in IndexedDB ---------------------------------------------------------------

function db() {
  return new Promise(function (resolve, reject) {
    var open = indexedDB.open("kneecoach", 1);
    open.onupgradeneeded = function () { open.result.createObjectStore("outbox", { keyPath: "id", autoIncrement: true }); };
    open.onsuccess = function () { resolve(open.result); };
    open.onerror = function () { reject(open.error); };
  });
}

function withStore(mode, work) {
  return db().then(function (database) {
    return new Promise(function (resolve, reject) {
      var transaction = database.transaction("outbox", mode), result;
      var request = work(transaction.objectStore("outbox"));
      if (request) request.onsuccess = function () { result = request.result; };
      transaction.oncomplete = function () { database.close(); resolve(result); };
      transaction.onerror = function () { database.close(); reject(transaction.error); };
    });
  });
}

function save(entry) { return withStore("readwrite", function (store) { return store.add(entry); }); }
function all() { return withStore("readonly", function (store) { return store.getAll(); }).then(function (list) { return list || []; }); }
function count() { return withStore("readonly", function (store) { return store.count(); }); }
function remove(id) { return withStore("readwrite", function (store) { return store.delete(id); }); }
function clear() { return withStore("readwrite", function (store) { return store.clear(); }); }
