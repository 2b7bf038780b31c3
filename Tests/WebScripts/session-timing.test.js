// The guided session timer's timing logic, without a browser: node --test Tests/WebScripts/
// (scripts/web-scripts-test.sh also checks that every script of the web app parses).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const T = require("../../Sources/KneeCoachServer/Resources/web/static/session.js");

// Get ready 10 s, two sets of 3 × 5 s holds (relax 2 s) each side, with a side switch and a rest.
const steps = [
  { kind: "get-ready", item: 0, set: 1, sets: 2, seconds: "10" },
  { kind: "work", item: 0, set: 1, sets: 2, side: "left", seconds: "19", pace: "holds", units: "3", on: "5", off: "2" },
  { kind: "switch-side", item: 0, set: 1, sets: 2, side: "right", seconds: "5" },
  { kind: "work", item: 0, set: 1, sets: 2, side: "right", seconds: "19", pace: "holds", units: "3", on: "5", off: "2" },
  { kind: "rest", item: 0, set: 2, sets: 2, seconds: "30" },
  { kind: "work", item: 0, set: 2, sets: 2, side: "left", seconds: "19", pace: "holds", units: "3", on: "5", off: "2" },
  { kind: "switch-side", item: 0, set: 2, sets: 2, side: "right", seconds: "5" },
  { kind: "work", item: 0, set: 2, sets: 2, side: "right", seconds: "19", pace: "holds", units: "3", on: "5", off: "2" },
  { kind: "get-ready", item: 1, set: 1, sets: 1, seconds: "10" },
  { kind: "work", item: 1, set: 1, sets: 1, pace: "untimed" },
].map(T.parseStep);

test("parses the data attributes, untimed steps without seconds", () => {
  assert.equal(steps[1].seconds, 19);
  assert.equal(steps[1].units, 3);
  assert.equal(steps[9].seconds, null);
  assert.deepEqual(T.parseStep({ kind: "work", breath: "4,1,5" }).breath, [4, 1, 5]);
  assert.equal(T.parseStep({ kind: "work", breath: "4,x,5" }).breath, null);
});

test("locates the step from the elapsed time alone", () => {
  assert.deepEqual(T.locate(steps, 0), { index: 0, into: 0, remaining: 10000 });
  assert.equal(T.locate(steps, 9999).index, 0);
  assert.equal(T.locate(steps, 10000).index, 1);
  assert.deepEqual(T.locate(steps, 10000 + 19000 + 2500), { index: 2, into: 2500, remaining: 2500 });
  // Everything timed has passed: the untimed last step waits for the runner.
  const end = T.locate(steps, 3600 * 1000);
  assert.equal(end.index, 9);
  assert.equal(end.remaining, null);
});

test("a late tick passes every step that ran out, each ending on time", () => {
  const state = T.newState(steps);
  state.status = "running";
  assert.equal(T.tick(state, steps, 10000 + 19000 + 5000 + 1000), 3);
  assert.equal(state.index, 3);
  assert.equal(state.stepStart, 34000);
});

test("next, back, skip exercise and stop count sets as the terminal does", () => {
  const state = T.newState(steps);
  state.status = "running";
  T.tick(state, steps, 126000); // the first exercise, both sets, in full
  assert.equal(state.index, 8);
  T.next(state, steps, 126000); // get ready skipped
  T.next(state, steps, 130000); // untimed work marked done
  assert.equal(state.status, "finished");
  assert.deepEqual(T.setsDone(steps, state.outcomes), [2, 1]);

  const early = T.newState(steps);
  early.status = "running";
  T.tick(early, steps, 10000 + 19000 + 5000 + 19000); // set 1 both sides
  T.back(early, steps, 53000); // back to the right side, forgotten
  assert.equal(early.index, 3);
  assert.deepEqual(T.setsDone(steps, early.outcomes), [0, 0]);
  T.tick(early, steps, 53000 + 19000);
  T.skipExercise(early, steps, 72000);
  assert.equal(early.index, 8);
  T.stop(early, steps, 73000);
  assert.equal(early.status, "stopped");
  assert.deepEqual(T.setsDone(steps, early.outcomes), [1, 0]);
});

test("time left, beats and the breath pacer", () => {
  assert.equal(T.secondsLeft(steps, 0, 0), 136);
  assert.equal(T.secondsLeft(steps, 1, 4000), 136 - 10 - 4);
  assert.equal(T.beat(steps[1], 0), "hold 1 of 3");
  assert.equal(T.beat(steps[1], 5.5), "relax");
  assert.equal(T.beat(steps[1], 7), "hold 2 of 3");
  assert.equal(T.beat(T.parseStep({ pace: "lowering", units: "8", on: "3", off: "2" }), 3.5), "rep 1 of 8 · back up");
  assert.deepEqual(T.breath([4, 1, 5], 4.5), { phase: "hold", count: 1, fullness: 1 });
  assert.equal(T.breath([4, 1, 5], 12).phase, "in");
  assert.equal(T.breath([4, 1, 5], 7.5).fullness, 0.5);
});

test("the clock: speed from the address, and a phone asleep loses no time", () => {
  assert.equal(T.speedFrom("?speed=60"), 60);
  assert.equal(T.speedFrom("?a=1&speed=5000"), 1000);
  assert.equal(T.speedFrom("?speed=0"), 1);
  assert.equal(T.speedFrom(""), 1);
  let perf = 0, wall = 1e12;
  const clock = T.makeClock(() => perf, () => wall, 60);
  perf += 1000; wall += 1000;
  assert.equal(clock(), 60000);
  wall += 300000; // asleep five minutes: performance.now() stood still
  assert.equal(clock(), 60000 + 300000 * 60);
  wall -= 3600000; perf += 500; // the wall clock set back an hour
  assert.equal(clock(), 60000 + 300000 * 60 + 500 * 60);
  assert.equal(T.clockText(75), "1:15");
  assert.equal(T.clockText(0.2), "0:01");
});
