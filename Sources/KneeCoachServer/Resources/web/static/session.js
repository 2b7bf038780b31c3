// KneeCoach's guided session timer: turns the page's list of steps into a full-screen timer
// and, at the end, fills the page's own form (sets done per exercise, active seconds), which
// the runner then sends. No framework, no build step; the page works without this script.
//
// - The steps come from the list's data-* attributes (#steps li[data-step]): data-kind,
//   data-item, data-set, data-sets, data-side, data-seconds (none: untimed), data-pace,
//   data-units, data-on, data-off, data-breath ("in,hold,out" seconds).
// - Time is recomputed from timestamps (performance.now(), or Date.now() when the phone slept
//   and the first stood still), so a locked phone loses no time: steps that ran out meanwhile
//   are passed when the page is seen again.
// - A screen wake lock where the browser has one (taken again when the page is shown), a short
//   beep (Web Audio) and a vibration at each new step, and each step announced through an
//   aria-live region.
// - For tests: `?speed=N` (1 to 1000) runs the session clock N times faster, e.g.
//   /session/strength?speed=60; "Next" passes a step at once. The timer's state is in
//   #timer's data-state (ready, running, paused, finished, stopped).
//
// The timing logic at the top has no DOM and is exported for node: see
// Tests/WebScripts/session-timing.test.js (run by scripts/web-scripts-test.sh).
"use strict";
(function () {
  var T = {};

  function num(value) {
    if (value === undefined || value === null || value === "") return null;
    var n = Number(value);
    return isFinite(n) ? n : null;
  }

  /** One step from its data-* attributes (a dataset, or any object of strings). */
  T.parseStep = function (data) {
    var breath = data.breath ? String(data.breath).split(",").map(Number) : null;
    return {
      kind: data.kind || "work", item: num(data.item) || 0, set: num(data.set) || 1, sets: num(data.sets) || 1,
      side: data.side || null, seconds: num(data.seconds), pace: data.pace || null, units: num(data.units),
      on: num(data.on), off: num(data.off), breath: breath && breath.length === 3 && breath.every(isFinite) ? breath : null
    };
  };

  /** A session about to start: what SessionRunner keeps, in active milliseconds. */
  T.newState = function (steps) {
    return { status: steps.length ? "ready" : "finished", index: 0, stepStart: 0, outcomes: steps.map(function () { return null; }) };
  };

  T.isOver = function (state) { return state.status === "finished" || state.status === "stopped"; };

  /** Passes every timed step that has run out by `active` ms, each ending exactly on time. */
  T.tick = function (state, steps, active) {
    if (state.status !== "running") return 0;
    var ended = 0;
    while (state.index < steps.length && steps[state.index].seconds !== null &&
           active - state.stepStart >= steps[state.index].seconds * 1000) {
      state.stepStart += steps[state.index].seconds * 1000;
      state.outcomes[state.index] = "done";
      state.index += 1;
      ended += 1;
    }
    if (state.index >= steps.length) state.status = "finished";
    return ended;
  };

  function moveTo(state, steps, target, active) {
    state.index = target;
    state.stepStart = active;
    if (state.index >= steps.length) state.status = "finished";
  }

  /** "Next": an untimed work step counts as done, any other step as skipped. */
  T.next = function (state, steps, active) {
    T.tick(state, steps, active);
    if (T.isOver(state) || state.status === "ready") return;
    var step = steps[state.index];
    state.outcomes[state.index] = step.kind === "work" && step.seconds === null ? "done" : "skipped";
    moveTo(state, steps, state.index + 1, active);
  };

  /** Leaves the rest of the current exercise. */
  T.skipExercise = function (state, steps, active) {
    T.tick(state, steps, active);
    if (T.isOver(state) || state.status === "ready") return;
    var item = steps[state.index].item, i = state.index;
    while (i < steps.length && steps[i].item === item) { state.outcomes[i] = "skipped"; i += 1; }
    moveTo(state, steps, i, active);
  };

  /** Back to the start of the previous step (the first restarts), forgetting both. */
  T.back = function (state, steps, active) {
    T.tick(state, steps, active);
    if (T.isOver(state) || state.status === "ready") return;
    var target = Math.max(0, state.index - 1);
    state.outcomes[state.index] = null;
    state.outcomes[target] = null;
    moveTo(state, steps, target, active);
  };

  /** Ends the session early. */
  T.stop = function (state, steps, active) {
    T.tick(state, steps, active);
    if (T.isOver(state)) return;
    if (state.index < steps.length) state.outcomes[state.index] = "stopped";
    state.status = "stopped";
  };

  /** Where a session left alone is after `elapsed` ms: the step, ms into it and ms left (null: untimed). */
  T.locate = function (steps, elapsed) {
    var state = T.newState(steps);
    if (state.status === "ready") state.status = "running";
    T.tick(state, steps, elapsed);
    var step = steps[state.index];
    var into = elapsed - state.stepStart;
    return { index: state.index, into: into, remaining: step && step.seconds !== null ? step.seconds * 1000 - into : null };
  };

  /** Sets done per exercise: a set counts when every side of it ran to its end. */
  T.setsDone = function (steps, outcomes) {
    var done = [];
    steps.forEach(function (step) { if (done[step.item] === undefined) done[step.item] = 0; });
    var sets = {};
    steps.forEach(function (step, i) {
      if (step.kind !== "work") return;
      var key = step.item + ":" + step.set;
      if (!(key in sets)) sets[key] = true;
      if (outcomes[i] !== "done") sets[key] = false;
    });
    Object.keys(sets).forEach(function (key) { if (sets[key]) done[Number(key.split(":")[0])] += 1; });
    return done;
  };

  /** Seconds of timed steps from `index` on, less what the current one has run. */
  T.secondsLeft = function (steps, index, intoMs) {
    var left = 0;
    for (var i = index; i < steps.length; i++) if (steps[i].seconds !== null) left += steps[i].seconds;
    return Math.max(0, left - (index < steps.length && steps[index].seconds !== null ? intoMs / 1000 : 0));
  };

  /** What is happening `into` seconds into a work step: "hold 2 of 5", "relax", "rep 3 of 10 · lower slowly". */
  T.beat = function (step, into) {
    var n = step.units, on = step.on || 0, off = step.off || 0, index, at;
    if (!n) return null;
    if (step.pace === "holds") {
      if (n < 2) return null;
      index = Math.min(n - 1, Math.floor(into / Math.max(on + off, 1)));
      at = into - index * (on + off);
      return at < on || index === n - 1 ? "hold " + (index + 1) + " of " + n : "relax";
    }
    if (step.pace === "reps") {
      return "rep " + (Math.min(n - 1, Math.floor(into / Math.max(on, 1))) + 1) + " of " + n;
    }
    if (step.pace === "lowering") {
      var per = Math.max(on + off, 1);
      index = Math.min(n - 1, Math.floor(into / per));
      at = into - index * per;
      return "rep " + (index + 1) + " of " + n + " · " + (at < on ? "lower slowly" : "back up");
    }
    return null;
  };

  /** The breath `into` seconds into a pattern [in, hold, out]: phase, second of it, fullness 0–1. */
  T.breath = function (pattern, into) {
    var cycle = pattern[0] + pattern[1] + pattern[2];
    if (!(cycle > 0)) return { phase: "in", count: 1, fullness: 0 };
    var t = into % cycle;
    if (t < 0) t += cycle;
    if (t < pattern[0]) return { phase: "in", count: Math.floor(t) + 1, fullness: t / pattern[0] };
    t -= pattern[0];
    if (t < pattern[1]) return { phase: "hold", count: Math.floor(t) + 1, fullness: 1 };
    t -= pattern[1];
    return { phase: "out", count: Math.floor(t) + 1, fullness: pattern[2] > 0 ? Math.max(0, 1 - t / pattern[2]) : 0 };
  };

  /** 75 → "1:15". */
  T.clockText = function (seconds) {
    var s = Math.max(0, Math.ceil(seconds - 1e-6));
    var m = Math.floor(s / 60);
    s -= m * 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  };

  /** The `speed` query parameter, 1 to 1000 (default 1). */
  T.speedFrom = function (search) {
    var match = /[?&]speed=([0-9.]+)/.exec(search || "");
    var speed = match ? Number(match[1]) : 1;
    return isFinite(speed) && speed >= 1 ? Math.min(speed, 1000) : 1;
  };

  /**
   * A clock of session milliseconds: the larger of the two clocks' steps, so that neither a
   * performance.now() that stood still while the phone slept nor a wall clock set back loses
   * or adds time; times `speed`.
   */
  T.makeClock = function (perfNow, dateNow, speed) {
    var lastP = perfNow(), lastD = dateNow(), total = 0;
    return function () {
      var p = perfNow(), d = dateNow(), dp = p - lastP, dd = d - lastD;
      var step = dd > dp + 1000 ? dd : dp;
      if (step > 0) total += step;
      lastP = p;
      lastD = d;
      return total * speed;
    };
  };

  if (typeof module === "object" && module.exports) module.exports = T;
  if (typeof document === "undefined" || !document.querySelector || !window.addEventListener) return;

  // --- The page ---------------------------------------------------------------------------

  function page() {
    var list = document.getElementById("steps"), timer = document.getElementById("timer");
    var startBox = document.querySelector(".timer-start"), form = document.getElementById("session-form");
    if (!list || !timer || !startBox || !form) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-step]"));
    var steps = items.map(function (li) { return T.parseStep(li.dataset); });
    if (!steps.length) return;
    var $ = function (id) { return document.getElementById(id); };
    var speed = T.speedFrom(window.location.search);
    var now = T.makeClock(function () { return window.performance ? performance.now() : Date.now(); }, Date.now, speed);
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var state = T.newState(steps), base = 0, since = null, shown = -1, audio = null, lock = null, loop = null;
    var circle = timer.querySelector(".pacer-circle");

    function active() { return base + (since === null ? 0 : now() - since); }
    function text(li, selector) { var el = li.querySelector(selector); return el ? el.textContent.trim() : ""; }
    function setState(name) { timer.setAttribute("data-state", name); }

    function beep() {
      try {
        if (audio) {
          var osc = audio.createOscillator(), gain = audio.createGain(), t = audio.currentTime;
          osc.frequency.value = 880;
          gain.gain.setValueAtTime(0.2, t);
          gain.gain.exponentialRampToValueAtTime(0.001, t + 0.15);
          osc.connect(gain);
          gain.connect(audio.destination);
          osc.start(t);
          osc.stop(t + 0.16);
        }
      } catch (e) { /* no sound */ }
      if (navigator.vibrate) navigator.vibrate(120);
    }

    function wake() {
      if (!("wakeLock" in navigator) || lock || T.isOver(state) || document.visibilityState !== "visible") return;
      navigator.wakeLock.request("screen").then(function (l) {
        lock = l;
        l.addEventListener("release", function () { lock = null; });
      }).catch(function () { /* the screen may sleep */ });
    }

    function sleep() { if (lock) { lock.release().catch(function () {}); lock = null; } }

    function showStep() {
      var step = steps[state.index], li = items[state.index];
      items.forEach(function (el, i) { el.classList.toggle("current", i === state.index); });
      $("timer-count").textContent = "Step " + (state.index + 1) + " of " + steps.length;
      $("timer-title").textContent = text(li, ".step-title");
      $("timer-detail").textContent = text(li, ".step-detail");
      var cues = $("timer-cues");
      while (cues.firstChild) cues.removeChild(cues.firstChild);
      var exercise = li.closest ? li.closest(".exercise") : null;
      if (exercise && step.kind !== "rest" && step.kind !== "switch-side") {
        Array.prototype.forEach.call(exercise.querySelectorAll(".cues li"), function (cue) {
          var el = document.createElement("li");
          el.textContent = cue.textContent;
          cues.appendChild(el);
        });
      }
      var after = items[state.index + 1];
      $("timer-next").textContent = after ? "Next: " + text(after, ".step-title") + " · " + text(after, ".step-time") : "Last step.";
      $("timer-pacer").hidden = !(step.breath && step.kind === "work");
      var detail = text(li, ".step-detail");
      $("timer-live").textContent = "Step " + (state.index + 1) + " of " + steps.length + ": " + text(li, ".step-title") +
        (detail ? ", " + detail : "") + ", " + (step.seconds === null ? "untimed: tap Next when done." : T.clockText(step.seconds) + ".");
    }

    function render() {
      var at = active();
      var ended = T.tick(state, steps, at);
      if (T.isOver(state)) { finish(); return; }
      if (state.index !== shown) {
        if (shown >= 0 || ended) beep();
        shown = state.index;
        showStep();
      }
      var step = steps[state.index], into = (at - state.stepStart) / 1000;
      $("timer-clock").textContent = step.seconds === null ? "–" : T.clockText(step.seconds - into);
      $("timer-left").textContent = "about " + T.clockText(T.secondsLeft(steps, state.index, at - state.stepStart)) + " left";
      $("timer-beat").textContent = step.seconds === null ? "Untimed: tap Next when done" : (step.kind === "work" && T.beat(step, into)) || "";
      if (step.breath && step.kind === "work") {
        var b = T.breath(step.breath, into);
        $("timer-breath").textContent = { "in": "Breathe in", hold: "Hold", out: "Breathe out" }[b.phase] + " · " + b.count;
        if (circle && !reduced) circle.style.transform = "scale(" + (0.4 + 0.6 * b.fullness).toFixed(3) + ")";
      } else {
        $("timer-breath").textContent = "";
      }
    }

    function frame() {
      render();
      if (!T.isOver(state) && window.requestAnimationFrame) loop = window.requestAnimationFrame(frame);
    }

    function act(action) {
      var at = active();
      if (action === "pause") {
        if (state.status === "running") {
          T.tick(state, steps, at);
          base = at;
          since = null;
          state.status = T.isOver(state) ? state.status : "paused";
        } else if (state.status === "paused") {
          since = now();
          state.status = "running";
        }
        var paused = state.status === "paused", button = timer.querySelector('[data-action="pause"]');
        button.textContent = paused ? "Resume" : "Pause";
        button.setAttribute("aria-pressed", paused ? "true" : "false");
        timer.classList.toggle("paused", paused);
        $("timer-live").textContent = paused ? "Paused." : "Going on.";
        setState(state.status);
      } else if (action === "next") {
        T.next(state, steps, at);
      } else if (action === "back") {
        T.back(state, steps, at);
        shown = -2;
      } else if (action === "skip") {
        T.skipExercise(state, steps, at);
      } else if (action === "stop") {
        T.stop(state, steps, at);
      }
      render();
    }

    function finish() {
      if (timer.hidden) return;
      var seconds = Math.round(active() / 1000);
      if (loop && window.cancelAnimationFrame) window.cancelAnimationFrame(loop);
      sleep();
      setState(state.status);
      var done = T.setsDone(steps, state.outcomes);
      Array.prototype.forEach.call(form.querySelectorAll("[data-sets-for]"), function (input) {
        var value = done[Number(input.getAttribute("data-sets-for"))];
        if (value !== undefined) input.value = String(value);
      });
      form.elements.seconds.value = String(seconds);
      form.elements.ended.value = state.status === "stopped" ? "stopped" : "";
      timer.hidden = true;
      document.body.classList.remove("timing");
      items.forEach(function (el) { el.classList.remove("current"); });
      var note = document.getElementById("timer-done") || document.createElement("p");
      note.id = "timer-done";
      note.className = "notice";
      note.setAttribute("role", "status");
      note.textContent = (state.status === "stopped" ? "Stopped after " : "Done in ") + T.clockText(seconds) +
        ". The sets you did are filled in below: rate knee pain and effort, then log the session.";
      form.parentNode.insertBefore(note, form);
      beep();
      var pain = form.elements.pain;
      if (pain) pain.focus();
      if (note.scrollIntoView) note.scrollIntoView();
    }

    function start() {
      try {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (Context && !audio) audio = new Context();
      } catch (e) { audio = null; }
      state = T.newState(steps);
      state.status = "running";
      base = 0;
      since = now();
      shown = -1;
      var old = document.getElementById("timer-done");
      if (old) old.parentNode.removeChild(old);
      timer.hidden = false;
      document.body.classList.add("timing");
      setState("running");
      wake();
      frame();
      $("timer-title").focus();
    }

    timer.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-action]") : null;
      if (button) act(button.getAttribute("data-action"));
    });
    document.getElementById("timer-start").addEventListener("click", start);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && !timer.hidden) { wake(); render(); }
    });
    // When frames stop (a hidden page), a slower tick keeps the announcements going.
    window.setInterval(function () { if (!timer.hidden && state.status === "running") render(); }, 500);
    setState("ready");
    startBox.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page);
  else page();
})();
