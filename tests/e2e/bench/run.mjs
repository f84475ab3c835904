// Browser benchmark (not a test): `npm run bench` in tests/e2e (after `bash .ci/setup --test`).
// Builds the site as shipped (`bash .ci/build`: the period page and the program page in its
// program/ folder) into target/dist-page and, for the engine's parts, with the cargo feature
// `bench` (`bash .ci/build … --features bench`) into target/dist-bench; serves each from a
// small loopback-only static server that sends html/js/wasm/css gzipped (as a real host
// would), and drives Debian's headless Chromium:
//  (a) moves the price slider 200 times on a page with 1,001-point curves and reports p50/p95
//      of input event → chart redrawn (the page's `minerhedge:chart-drawn` performance mark)
//      and input event → next animation frame (the frame that shows the redraw);
//  (d) drags each slider (price, coverage, days elapsed) one step per animation frame for 120
//      frames and reports the frames over 25 ms, the p95 frame gap, the Long Tasks API entries
//      (≥ 50 ms) and how long after the last move the simulation is current again; then drags
//      it again under a Chromium trace for the longest task on the page's main thread (the
//      trace slows the page, so frames come from the untraced drag); and the coverage
//      drag once more with a pause in the middle, so the simulation runs while the drag resumes;
//  (e) first chart: time from navigation start to the first `minerhedge:chart-drawn` mark on a
//      cold cache, unthrottled and under Lighthouse's mobile throttling (1.6 Mbps down,
//      750 Kbps up, 150 ms RTT, 4× CPU slowdown, through the DevTools protocol), with the bytes
//      transferred; the same for the program page (program/, 36 months in rig mode, 10,000
//      paths; its chart sets the same mark);
//  (p) the program page's simulation (10,000 paths x 36 months) from a cold load: animation
//      frames (requestAnimationFrame gaps) and Long Tasks (≥ 50 ms) from navigation until the
//      summary says the simulation is done (`data-mc="done"`), from the first chart (the panels
//      below it mount meanwhile, a stage per frame) and over the simulation alone (its
//      `minerhedge:simulation-started` mark -> done): frames over 25 ms, p95 frame gap,
//      longest task, and the simulation's wall time; then the same program with a treasury
//      (coins kept, lent, pledged to a loan and written as calls), which every path also runs;
//  (b) prices 1,000,000 options (best of three runs) with price and Greeks through the page's wasm engine and
//      through the npm packages @uqee/black-scholes (price + Greeks) and black-scholes (price
//      only: it has no Greeks), in the same browser, and reports the ratios;
//  (b') prices the same number of calls as option chains (1,000 strikes on each market): the
//      engine builds one model per market, @uqee/black-scholes gets the same inputs one by one;
//  (c) times the building blocks of one option (exp, ln, the normal CDF) in wasm and in
//      JavaScript, which bound what (b) can reach.
//  (f) the period page at 100,000 paths: frames from load until its coverage frontier (every
//      hedge × 101 coverages on the simulation's kept paths) is done, and while it computes.
//  (m) the period page at 1,000,000 paths (the most a link accepts): main-thread Long Tasks and
//      frames from the app ready until the frontier is done, and when the first progress, the
//      simulation's results and the frontier showed (the work runs in the page's worker).
// BENCH_PARTS (comma-separated, default `a,d,e,p,f,m,b,c`: all) picks parts; (b) includes (b').
// BENCH_OPTIONS sets the number of options of (b)/(c); BENCH_LOAD_RUNS the page loads of (e);
// BENCH_PAGE_DIST serves an existing build of the page instead of building one (to compare two
// builds in the same conditions).
import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { chromium } from "@playwright/test";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const PARTS = new Set(
  (process.env.BENCH_PARTS || "a,d,e,p,f,m,b,c")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
);
const unknown = [...PARTS].filter((p) => !["a", "b", "c", "d", "e", "p", "f", "m"].includes(p));
if (unknown.length > 0) {
  console.error(`BENCH_PARTS: unknown part(s) ${unknown.join(", ")} (known: a, b, c, d, e, p, f, m)`);
  process.exit(2);
}
const SEED = "?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=collar&kp=230&kc=zero&cov=100&lo=100&hi=400&step=10";
// The program page: 36 months of rig mining through a halving, a forward and collar ladder.
const PROGRAM =
  "program/?v=2&view=program&start=2027-01-01&months=36&mode=rig&coin=BTC&spot=95000&vol=50&rate=4&halvdate=2028-04-15" +
  "&pcov=80,80,80,60,60,60,40&ph=forward,forward,forward,collar&paths=10000";
// The treasury the program page's simulation also runs in part (p)'s second run.
const TREASURY =
  "&hold0=1000&sell=50&lend=50&lendy=2&lpd=1&lgd=60&loan=14250000&lrate=9&pledge=500&ltvmc=70&ltvliq=85&cc=25&cck=110";
// The period page at the most paths a link accepts (part m).
const MILLION = "?v=2&hedge=collar&kc=zero&dvol=30&corr=30&paths=1000000";
// The period page's coverage frontier: a zero-cost collar with difficulty risk, 100,000 paths.
const FRONTIER = "?v=2&hedge=collar&kc=zero&dvol=60&corr=50&paths=100000";
const N = Number(process.env.BENCH_OPTIONS || 1_000_000);
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS || 3);
const MOVES = 200;
const FRAMES = 120;

const home = process.env.CARGO_HOME || path.join(process.env.HOME || "/root", ".cargo");
/** The site's release build (`bash .ci/build DIST EXTRA…`: both pages) with `extra` trunk
 * arguments into `dist`; exits on failure. */
function build(dist, extra) {
  const built = spawnSync("bash", [path.join(root, ".ci", "build"), dist, ...extra], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PATH: `${path.join(root, ".ci", "bin")}:${path.join(home, "bin")}:${process.env.PATH}` },
  });
  if (built.status !== 0) {
    console.error(`bash .ci/build ${[dist, ...extra].join(" ")} failed`);
    process.exit(1);
  }
  return dist;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};
const GZIPPED = new Set([".html", ".js", ".css", ".wasm"]);

/** A static server for `dir` on 127.0.0.1:`port` that sends html/js/css/wasm gzipped (level
 * 9, compressed once per file) to clients that accept it. */
function serve(dir, port) {
  const top = realpathSync(dir);
  const bodies = new Map();
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(top, path.normalize(rel));
    const ext = path.extname(file);
    if (!file.startsWith(top + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    const gzip = GZIPPED.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const key = `${gzip ? "gz:" : ""}${file}`;
    let body = bodies.get(key);
    if (!body) {
      try {
        const raw = readFileSync(file);
        body = gzip ? zlib.gzipSync(raw, { level: 9 }) : raw;
      } catch {
        res.writeHead(404).end();
        return;
      }
      bodies.set(key, body);
    }
    const headers = {
      "Content-Type": TYPES[ext] || "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-cache",
    };
    if (GZIPPED.has(ext)) headers.Vary = "Accept-Encoding";
    if (gzip) headers["Content-Encoding"] = "gzip";
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);
const f = (x) => x.toFixed(2);
const ms0 = (x) => `${Math.round(x)} ms`;

const needPage = ["a", "d", "e", "p", "f", "m"].some((p) => PARTS.has(p));
const needEngine = ["b", "c"].some((p) => PARTS.has(p));
const servers = [];
let pageBase, engineBase;
if (needPage) {
  const dist = process.env.BENCH_PAGE_DIST || build(path.join(root, "target", "dist-page"), []);
  servers.push(await serve(dist, 8190));
  pageBase = "http://127.0.0.1:8190/";
}
if (needEngine) {
  // The engine's benchmark exports (cargo feature `bench`); the page's build does not carry them.
  const dist = build(path.join(root, "target", "dist-bench"), ["--features", "bench"]);
  servers.push(await serve(dist, 8191));
  engineBase = "http://127.0.0.1:8191/";
}

const { chromiumArgs } = require("../playwright.config.js");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs, headless: true });
console.log(`Chromium ${browser.version()}`);
const VIEWPORT = { width: 1280, height: 900 };

/** A new page at `base` + SEED with its first chart drawn. */
async function openPage(base) {
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + SEED);
  await page.waitForFunction(() => window.minerhedge && performance.getEntriesByName("minerhedge:chart-drawn").length > 0);
  return page;
}

/** Waits until the page's simulation is done and nothing was drawn for 500 ms. */
async function quiet(page) {
  await page.waitForFunction(() => document.querySelector("section.distribution")?.dataset.mc === "done", null, { timeout: 120_000 });
  await page.evaluate(async () => {
    const drawn = () =>
      [...document.querySelectorAll("[data-drawn]")].map((e) => e.dataset.drawn).join() +
      performance.getEntriesByName("minerhedge:chart-drawn").length;
    let last = drawn();
    let since = performance.now();
    while (performance.now() - since < 500) {
      await new Promise((r) => setTimeout(r, 50));
      const now = drawn();
      if (now !== last) {
        last = now;
        since = performance.now();
      }
    }
  });
}

if (PARTS.has("a")) {
  const page = await openPage(pageBase);
  // (a) slider → chart.
  const slider = await page.evaluate(async (moves) => {
    const el = document.querySelector('[data-testid="price-slider"]');
    const lo = Number(el.min), hi = Number(el.max);
    const drawn = [], framed = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    await frame();
    for (let i = 0; i < moves; i++) {
      const v = lo + ((hi - lo) * ((i * 37) % moves)) / moves;
      const before = performance.getEntriesByName("minerhedge:chart-drawn").length;
      const t0 = performance.now();
      el.value = String(v);
      el.dispatchEvent(new Event("input", { bubbles: true }));
      const t1 = await frame();
      let marks = performance.getEntriesByName("minerhedge:chart-drawn");
      while (marks.length === before) {
        await frame();
        marks = performance.getEntriesByName("minerhedge:chart-drawn");
      }
      drawn.push(marks[marks.length - 1].startTime - t0);
      framed.push(Math.max(t1, marks[marks.length - 1].startTime) - t0);
      performance.clearMarks("minerhedge:chart-drawn");
    }
    const points = document.querySelector('[data-testid="chart"]').dataset.points;
    return { drawn, framed, points };
  }, MOVES);
  console.log(`(a) price slider, ${MOVES} moves, ${slider.points ?? "?"} points per curve`);
  console.log(`    input -> chart redrawn: p50 ${f(quantile(slider.drawn, 0.5))} ms, p95 ${f(quantile(slider.drawn, 0.95))} ms, max ${f(Math.max(...slider.drawn))} ms`);
  console.log(`    input -> next frame:    p50 ${f(quantile(slider.framed, 0.5))} ms, p95 ${f(quantile(slider.framed, 0.95))} ms`);
  await page.context().close();
}

/** The longest task on the main thread of the renderer that set the marks `start` and `end`,
 * between them, from a Chromium trace (category `toplevel`), ms. */
function longestTask(trace, start, end) {
  const events = trace.traceEvents || trace;
  const s = events.find((e) => e.name === start);
  const t = events.find((e) => e.name === end);
  if (!s || !t) return NaN;
  let longest = 0;
  for (const e of events) {
    if (e.ph === "X" && e.pid === s.pid && e.tid === s.tid && e.ts >= s.ts && e.ts <= t.ts && /RunTask$/.test(e.name)) {
      longest = Math.max(longest, (e.dur || 0) / 1000);
    }
  }
  return longest;
}

/** Drags the slider `testid` one step per animation frame for `frames` frames (bouncing at its
 * ends); with `pause`, stops for `pause.ms` after `pause.after` moves (those frames count too).
 * With `trace`, records a Chromium trace of the drag for the longest task (tracing slows the
 * page: frames are counted on an untraced drag). */
async function drag(page, testid, frames, pause, trace) {
  await quiet(page);
  if (trace) await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
  const r = await page.evaluate(
    async ({ testid, frames, pause }) => {
      const long = [];
      const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: "longtask" });
      const el = document.querySelector(`[data-testid="${testid}"]`);
      const min = Number(el.min), max = Number(el.max), step = Number(el.step) || 1;
      const decimals = (String(el.step).split(".")[1] || "").length;
      const n = Math.round((max - min) / step);
      let k = Math.round((Number(el.value) - min) / step);
      let dir = k > 0 ? -1 : 1;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const section = document.querySelector("section.distribution");
      const gaps = [];
      const generation = section.dataset.generation;
      let last = await frame();
      performance.mark("bench:drag-start");
      for (let i = 0; i < frames; i++) {
        if (pause && i === pause.after) {
          const until = performance.now() + pause.ms;
          while (performance.now() < until) {
            const t = await frame();
            gaps.push(t - last);
            last = t;
          }
        }
        if (k + dir < 0 || k + dir > n) dir = -dir;
        k += dir;
        el.value = (min + k * step).toFixed(decimals);
        el.dispatchEvent(new Event("input", { bubbles: true }));
        const t = await frame();
        gaps.push(t - last);
        last = t;
      }
      performance.mark("bench:drag-end");
      const ended = performance.now();
      // A drag that changed the simulation's inputs restarts it when the drag pauses (200 ms):
      // wait for that restart (a new generation) before waiting for it to finish.
      while (section.dataset.generation === generation && performance.now() - ended < 400) {
        await frame();
      }
      while (section.dataset.mc !== "done" && performance.now() - ended < 120_000) {
        await frame();
      }
      // 0 when the drag left the simulation's inputs as they were (it never went stale).
      const settled = section.dataset.generation === generation ? 0 : performance.now() - ended;
      await new Promise((r) => setTimeout(r, 100));
      long.push(...observer.takeRecords().map((e) => e.duration));
      observer.disconnect();
      return { gaps, long, settled, value: el.value };
    },
    { testid, frames, pause },
  );
  if (!trace) return r;
  const events = JSON.parse((await browser.stopTracing()).toString("utf8"));
  return { ...r, longest: longestTask(events, "bench:drag-start", "bench:drag-end") };
}

if (PARTS.has("d")) {
  const page = await openPage(pageBase);
  console.log(`(d) sliders dragged one step per animation frame, ${FRAMES} frames each (60 Hz: a frame every 16.7 ms)`);
  const cases = [
    ["price", "price-slider"],
    ["coverage", "coverage-slider"],
    ["days elapsed", "elapsed-slider"],
    ["coverage, paused 400 ms after 60 moves", "coverage-slider", { after: 60, ms: 400 }],
  ];
  for (const [label, testid, pause] of cases) {
    const r = await drag(page, testid, FRAMES, pause, false);
    const { longest } = await drag(page, testid, FRAMES, pause, true);
    const over = r.gaps.filter((g) => g > 25).length;
    const long = r.long.length > 0 ? `${r.long.length}, up to ${ms0(Math.max(...r.long))}` : "none";
    console.log(
      `    ${label}: ${over} of ${r.gaps.length} frames over 25 ms; frame gap p95 ${f(quantile(r.gaps, 0.95))} ms, max ${f(Math.max(...r.gaps))} ms; ` +
        `longest task ${f(longest)} ms (traced drag; long tasks ≥ 50 ms: ${long}); simulation current ${ms0(r.settled)} after the last move`,
    );
  }
  await page.context().close();
}

/** Lighthouse's mobile throttling (its "slow 4G" figures: 1.6 Mbps = 1,638.4 Kbps down,
 * 750 Kbps up, 150 ms round trip, CPU 4× slower), applied through the DevTools protocol. */
const MOBILE = { latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, cpu: 4 };

/** One cold load of `url` (new context: empty cache): ms from navigation start to the first
 * `minerhedge:chart-drawn` mark (whichever module drew it: the core module's first paint),
 * bytes transferred by then, and the load's waterfall: each file's request start and end,
 * the core module ready (`minerhedge:core-ready`), the app ready (`minerhedge:app-ready`),
 * the app's own chart on screen (the skeleton gone), and, where the page has a price slider,
 * when a step of it first changed the chart (the step is made as soon as the app's chart is
 * there). */
async function firstChart(url, throttle) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: throttle.latency,
      downloadThroughput: throttle.download,
      uploadThroughput: throttle.upload,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpu });
  }
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByName("minerhedge:chart-drawn").length > 0, null, {
    polling: 100,
    timeout: 120_000,
  });
  const r = await page.evaluate(() => {
    const mark = performance.getEntriesByName("minerhedge:chart-drawn")[0].startTime;
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].filter(
      (e) => e.responseEnd <= mark,
    );
    return {
      mark,
      transferred: entries.reduce((s, e) => s + e.transferSize, 0),
      responses: entries.length,
    };
  });
  // The first paint's price slider (where the page has one): one step as soon as the first
  // chart is there; then the app: ready, its chart on screen (the skeleton gone), then one
  // step of its price slider.
  const later = await page.evaluate(async () => {
    const wait = async (ok) => {
      while (!ok()) await new Promise((res) => setTimeout(res, 10));
    };
    let early = null;
    const first = document.querySelector('[data-testid="first-price-slider"]');
    if (first && !first.disabled) {
      const before = performance.getEntriesByName("minerhedge:chart-drawn").length;
      first.stepUp();
      first.dispatchEvent(new Event("input", { bubbles: true }));
      await wait(() => performance.getEntriesByName("minerhedge:chart-drawn").length > before);
      early = performance.getEntriesByName("minerhedge:chart-drawn").at(-1).startTime;
    }
    // (A build without the first paint has no skeleton and no app-ready mark: its app is
    // ready when its exports are.)
    await wait(() => !document.getElementById("first-paint") && (window.minerhedge || performance.getEntriesByName("minerhedge:app-ready").length > 0));
    const handedOver = performance.now();
    let answered = null;
    const slider = document.querySelector('[data-testid="price-slider"]');
    if (slider) {
      const before = performance.getEntriesByName("minerhedge:chart-drawn").length;
      slider.stepUp();
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      slider.dispatchEvent(new Event("change", { bubbles: true }));
      await wait(() => performance.getEntriesByName("minerhedge:chart-drawn").length > before);
      answered = performance.getEntriesByName("minerhedge:chart-drawn").at(-1).startTime;
    }
    const at = (name) => performance.getEntriesByName(`minerhedge:${name}`)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType("navigation")[0];
    const files = [
      { name: "(page) " + new URL(nav.name).pathname, start: nav.requestStart, end: nav.responseEnd },
      ...performance.getEntriesByType("resource").map((e) => ({
        name: new URL(e.name).pathname.split("/").pop(),
        start: e.requestStart || e.startTime,
        end: e.responseEnd,
      })),
    ];
    return { files, coreReady: at("core-ready"), appReady: at("app-ready"), handedOver, answered, early };
  });
  await context.close();
  return { ...r, ...later };
}

/** The waterfall of one load (`firstChart`'s result), one line per file and event. */
function waterfall(run) {
  const lines = run.files.map((f) => `        ${ms0(f.start).padStart(8)} -> ${ms0(f.end).padStart(8)}  ${f.name}`);
  const events = [
    ["core module ready (compiled, instantiated)", run.coreReady],
    ["first chart drawn (minerhedge:chart-drawn)", run.mark],
    ["a step of the first paint's price slider changed the chart", run.early],
    ["app ready (compiled, instantiated, mounted)", run.appReady],
    ["app's chart on screen (skeleton replaced)", run.handedOver],
    ["a price-slider step changed the chart", run.answered],
  ];
  for (const [label, t] of events) if (t !== null && t !== undefined) lines.push(`        ${ms0(t).padStart(8)}              ${label}`);
  return lines.join("\n");
}

if (PARTS.has("e")) {
  console.log(`(e) first chart (navigation start -> first minerhedge:chart-drawn mark), cold cache, served gzipped, ${LOAD_RUNS} loads each`);
  for (const [pageLabel, url] of [
    ["period page", pageBase + SEED],
    ["program page (36 months, rig, 10,000 paths)", pageBase + PROGRAM],
  ]) {
    console.log(`    ${pageLabel}:`);
    for (const [label, throttle] of [
      ["localhost, no throttling", null],
      ["Lighthouse mobile throttling (1.6 Mbps / 750 Kbps, 150 ms RTT, 4x CPU)", MOBILE],
    ]) {
      const runs = [];
      for (let i = 0; i < LOAD_RUNS; i++) runs.push(await firstChart(url, throttle));
      const times = runs.map((r) => r.mark);
      const answers = runs.map((r) => r.answered).filter((t) => t !== null);
      const early = runs.map((r) => r.early).filter((t) => t !== null);
      const ready = runs.map((r) => r.handedOver);
      console.log(
        `      ${label}: first chart median ${ms0(median(times))} (${times.map(ms0).join(", ")}); ` +
          `${runs[0].transferred.toLocaleString("en-US")} bytes transferred in ${runs[0].responses} responses; ` +
          `app's chart on screen median ${ms0(median(ready))}` +
          (early.length ? `; the first paint's slider answered: median ${ms0(median(early))}, max ${ms0(Math.max(...early))}` : "") +
          (answers.length ? `; the app's slider answered: median ${ms0(median(answers))}, max ${ms0(Math.max(...answers))}` : ""),
      );
      console.log(`        waterfall of the first load (ms from navigation start: request -> response end):\n${waterfall(runs[0])}`);
    }
  }
}

/** Installed before the program page's own scripts: records every animation frame's time,
 * the Long Tasks, and when `doneSelector` (by default the summary saying `data-mc="done"`),
 * `startSelector` and each selector of `marks` (into `rec.at[name]`) first match. */
function recordFromLoad(
  [doneSelector, startSelector, marks] = ['[data-testid="program-summary"][data-mc="done"]', null, {}],
) {
  const rec = (window.__bench = { frames: [], long: [], done: null, started: null, at: {} });
  const tick = (t) => {
    rec.frames.push(t);
    if (rec.done === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (rec.started === null && startSelector && document.querySelector(startSelector)) {
      rec.started = performance.now();
    }
    for (const [name, selector] of Object.entries(marks || {})) {
      if (rec.at[name] === undefined && document.querySelector(selector)) rec.at[name] = performance.now();
    }
    if (rec.done === null && document.querySelector(doneSelector)) {
      rec.done = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-mc", "data-state"] });
}

if (PARTS.has("f")) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(recordFromLoad, [
    '[data-testid="coverage-frontier"][data-state="done"]',
    '[data-testid="coverage-frontier"][data-state="running"]',
  ]);
  const page = await context.newPage();
  await page.goto(pageBase + FRONTIER, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__bench && window.__bench.done !== null, null, { polling: 100, timeout: 300_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const r = await page.evaluate(() => {
    const rec = window.__bench;
    const frames = rec.frames.filter((t) => t <= rec.done + 20);
    return { frames, long: rec.long, done: rec.done, started: rec.started, note: document.querySelector('[data-testid="coverage-frontier"] .mc-status')?.textContent ?? "" };
  });
  await context.close();
  console.log(`(f) period page's coverage frontier, cold load until it is done ("${r.note}"), localhost, no throttling`);
  for (const [label, from] of [["navigation -> frontier done", 0], ["frontier started -> done (the simulation has finished)", r.started]]) {
    const frames = r.frames.filter((t) => t >= from);
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    const over = gaps.filter((g) => g > 25).length;
    const long = r.long.filter((e) => e.start >= from && e.start <= r.done);
    console.log(
      `    ${label} (${ms0(from)} -> ${ms0(r.done)}): ${over} of ${gaps.length} frames over 25 ms; frame gap p95 ${gaps.length ? f(quantile(gaps, 0.95)) : "-"} ms, ` +
        `max ${gaps.length ? f(Math.max(...gaps)) : "-"} ms; long tasks ≥ 50 ms: ${long.length ? long.map((e) => `${ms0(e.duration)} at ${ms0(e.start)}`).join(", ") : "none"}`,
    );
  }
}

/** Part (p) on the program page at `url` (`label` names it). */
async function programRun(label, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(recordFromLoad);
  const page = await context.newPage();
  await page.goto(pageBase + url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__bench && window.__bench.done !== null, null, { polling: 100, timeout: 300_000 });
  // One more frame after done, so the last gap is measured, and the last Long Task entries.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const r = await page.evaluate(() => {
    const rec = window.__bench;
    const drawn = performance.getEntriesByName("minerhedge:chart-drawn")[0]?.startTime ?? NaN;
    const started = performance.getEntriesByName("minerhedge:simulation-started")[0]?.startTime ?? NaN;
    return {
      started,
      frames: rec.frames,
      long: rec.long,
      done: rec.done,
      drawn,
      status: document.querySelector('[data-testid="program-mc-status"]')?.textContent ?? "",
      months: document.querySelectorAll('[data-testid="program-table"] tbody tr').length,
    };
  });
  await context.close();
  /** Frames, gaps and Long Tasks between `from` and `to` (ms since navigation start). */
  const window_ = (from, to) => {
    const frames = r.frames.filter((t) => t >= from && t <= to);
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    // Tasks that started in the window (the task that draws the first chart is the page's start).
    const long = r.long.filter((e) => e.start >= from && e.start <= to);
    return { gaps, long };
  };
  const line = (label, { gaps, long }) => {
    const over = gaps.filter((g) => g > 25).length;
    const tasks =
      long.length > 0
        ? `${long.length}, longest ${ms0(Math.max(...long.map((e) => e.duration)))} (${long
            .map((e) => `${ms0(e.duration)} at ${ms0(e.start)}`)
            .join(", ")})`
        : "none";
    console.log(
      `    ${label}: ${over} of ${gaps.length} frames over 25 ms; frame gap p95 ${gaps.length ? f(quantile(gaps, 0.95)) : "-"} ms, ` +
        `max ${gaps.length ? f(Math.max(...gaps)) : "-"} ms; long tasks ≥ 50 ms: ${tasks}`,
    );
  };
  console.log(`(p) ${label}, ${r.months} months, cold load until the simulation is done ("${r.status}"), localhost, no throttling`);
  line("navigation -> simulation done", window_(0, r.done));
  line("first chart drawn -> simulation done (the panels below the chart mount meanwhile)", window_(r.drawn, r.done));
  line("simulation started -> done", window_(r.started, r.done));
  console.log(
    `    simulation wall time: ${ms0(r.done - r.drawn)} from the first chart to done; ${ms0(r.done)} from navigation start ` +
      `(first chart at ${ms0(r.drawn)}, simulation started at ${ms0(r.started)})`,
  );
}

if (PARTS.has("p")) {
  await programRun("program page", PROGRAM);
  // The same with a treasury: 1,000 coins, half of each month's kept, half lent, a loan
  // against 500 of them and covered calls on a quarter (the treasury presets' terms).
  await programRun("program page with a treasury", PROGRAM + TREASURY);
}

if (PARTS.has("m")) {
  // (m) the period page's largest simulation a link can ask for: 1,000,000 paths, then the
  // coverage frontier on them, all in the page's worker. Main-thread Long Tasks and frames
  // from the app's first paint until the frontier is done; when the first progress and the
  // results showed.
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(recordFromLoad, [
    '[data-testid="coverage-frontier"][data-state="done"]',
    'section.distribution[data-mc="running"]',
    { mc: 'section.distribution[data-mc="done"]' },
  ]);
  const page = await context.newPage();
  await page.goto(pageBase + MILLION, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__bench && window.__bench.done !== null, null, { polling: 100, timeout: 300_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const r = await page.evaluate(() => {
    const rec = window.__bench;
    const app = performance.getEntriesByName("minerhedge:app-ready")[0]?.startTime ?? 0;
    return { ...rec, running: rec.started, mc: rec.at.mc, frontier: rec.done, app };
  });
  await context.close();
  const frames = r.frames.filter((t) => t >= r.app && t <= r.frontier);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const long = r.long.filter((e) => e.start >= r.app && e.start <= r.frontier);
  console.log(`(m) period page, 1,000,000 paths (${MILLION}), cold load, localhost, no throttling; from the app ready (${ms0(r.app)}) until the frontier is done`);
  console.log(
    `    first progress shown ${ms0(r.running)}, simulation's results shown ${ms0(r.mc)}, frontier shown ${ms0(r.frontier)} (ms from navigation start)`,
  );
  console.log(
    `    main thread: long tasks ≥ 50 ms: ${long.length ? long.map((e) => `${ms0(e.duration)} at ${ms0(e.start)}`).join(", ") : "none"}; ` +
      `${gaps.filter((g) => g > 25).length} of ${gaps.length} frames over 25 ms, frame gap max ${gaps.length ? f(Math.max(...gaps)) : "-"} ms`,
  );
}

if (needEngine) {
  const page = await openPage(engineBase);
  const uqee = readFileSync(require.resolve("@uqee/black-scholes"), "utf8");
  const mattl = readFileSync(require.resolve("black-scholes"), "utf8");
  await page.evaluate(([a, b]) => {
    const load = (src) => {
      const module = { exports: {} };
      new Function("module", "exports", src)(module, module.exports);
      return module.exports;
    };
    window.__uqee = load(a);
    window.__mattl = load(b);
  }, [uqee, mattl]);
  // Best of three runs after a warm-up (the machine is shared; the minimum is the least noisy).
  await page.evaluate(() => {
    window.__time = (n, fn) => {
      fn(Math.min(n, 10_000));
      let best = Infinity, checksum = 0;
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        checksum = fn(n);
        best = Math.min(best, performance.now() - t0);
      }
      return { ms: best, checksum };
    };
  });

  if (PARTS.has("b")) {
    // (b) 1,000,000 options, price + Greeks.
    const pricing = await page.evaluate((n) => {
      const time = (fn) => window.__time(n, fn);
      const input = (i) => ({
        underlying: 100 + (i % 100),
        strike: 50 + (i % 101),
        sigma: 0.2 + (i % 50) / 100,
        time: 0.1 + (i % 30) / 30,
        rate: 0.05,
      });
      const wasm = time((k) => window.minerhedge.bench_price_options(k));
      // The package option by option: its default (interpolated) normal CDF, then its
      // double-precision one (Hart's approximation, one exp per call), the setting closest to the
      // engine's accuracy.
      const byOption = (pricer) => (k) => {
        let s = 0;
        for (let i = 0; i < k; i++) {
          const o = pricer.option({ ...input(i), type: "call" });
          s += o.price + o.delta + o.gamma + o.vega + o.theta + o.rho;
        }
        return s;
      };
      const bs = new window.__uqee.BlackScholes();
      const bsd = new window.__uqee.BlackScholes({ sigmaToPricePrecision: "double" });
      const uqee = time(byOption(bs));
      const uqeeDouble = time(byOption(bsd));
      // Option chains: the same kind of inputs, grouped as 1,000 strikes on each market. The engine
      // validates each market once (SpotModel::new) and prices every strike on it with price and
      // Greeks; the package (no market object in its API) gets the same inputs option by option.
      const CHAIN = 1000;
      const wasmChains = time((k) => window.minerhedge.bench_price_chains(Math.ceil(k / CHAIN), CHAIN));
      const uqeeChains = time((k) => {
        let s = 0;
        for (let j = 0; j < Math.ceil(k / CHAIN); j++) {
          const market = { underlying: 100 + (j % 100), sigma: 0.2 + (j % 50) / 100, time: 0.1 + (j % 30) / 30, rate: 0.05 };
          for (let i = 0; i < CHAIN; i++) {
            const o = bs.option({ ...market, strike: 50 + (i % 101), type: "call" });
            s += o.price + o.delta + o.gamma + o.vega + o.theta + o.rho;
          }
        }
        return s;
      });
      const mattl = time((k) => {
        let s = 0;
        for (let i = 0; i < k; i++) {
          const p = input(i);
          s += window.__mattl.blackScholes(p.underlying, p.strike, p.time, p.sigma, p.rate, "call");
        }
        return s;
      });
      // Accuracy: largest price difference from the engine over 10,000 of the same options.
      let uqeeErr = 0, uqeeDoubleErr = 0, mattlErr = 0;
      for (let i = 0; i < 10_000; i++) {
        const p = input(i);
        const ours = window.minerhedge.bench_call_price(p.underlying, p.strike, p.sigma, p.time, p.rate);
        uqeeErr = Math.max(uqeeErr, Math.abs(bs.option({ ...p, type: "call" }).price - ours));
        uqeeDoubleErr = Math.max(uqeeDoubleErr, Math.abs(bsd.option({ ...p, type: "call" }).price - ours));
        mattlErr = Math.max(mattlErr, Math.abs(window.__mattl.blackScholes(p.underlying, p.strike, p.time, p.sigma, p.rate, "call") - ours));
      }
      return { wasm, uqee, uqeeDouble, mattl, wasmChains, uqeeChains, uqeeErr, uqeeDoubleErr, mattlErr };
    }, N);
    console.log(`(b) ${N.toLocaleString("en-US")} European calls`);
    console.log(`    wasm engine (price + Greeks):       ${f(pricing.wasm.ms)} ms (checksum ${pricing.wasm.checksum.toExponential(6)})`);
    console.log(`    @uqee/black-scholes (price + Greeks): ${f(pricing.uqee.ms)} ms (checksum ${pricing.uqee.checksum.toExponential(6)})`);
    console.log(`    @uqee/black-scholes, double-precision CDF: ${f(pricing.uqeeDouble.ms)} ms (checksum ${pricing.uqeeDouble.checksum.toExponential(6)}); ratio ${f(pricing.uqeeDouble.ms / pricing.wasm.ms)}x`);
    console.log(`    black-scholes (price only):           ${f(pricing.mattl.ms)} ms (checksum ${pricing.mattl.checksum.toExponential(6)})`);
    const fastest = Math.min(pricing.uqee.ms, pricing.mattl.ms);
    console.log(`    ratio fastest JS / wasm: ${f(fastest / pricing.wasm.ms)}x (@uqee ${f(pricing.uqee.ms / pricing.wasm.ms)}x, black-scholes ${f(pricing.mattl.ms / pricing.wasm.ms)}x)`);

    console.log(`(b') the same number of calls as option chains: ${Math.ceil(N / 1000).toLocaleString("en-US")} markets x 1,000 strikes`);
    console.log(`    wasm engine (one model per market, price + Greeks per strike): ${f(pricing.wasmChains.ms)} ms (checksum ${pricing.wasmChains.checksum.toExponential(6)})`);
    console.log(`    @uqee/black-scholes (price + Greeks, option by option):       ${f(pricing.uqeeChains.ms)} ms (checksum ${pricing.uqeeChains.checksum.toExponential(6)})`);
    console.log(`    ratio @uqee / wasm: ${f(pricing.uqeeChains.ms / pricing.wasmChains.ms)}x`);
    console.log(`    largest price difference from the engine (10,000 options): @uqee ${pricing.uqeeErr.toExponential(2)} (double-precision CDF ${pricing.uqeeDoubleErr.toExponential(2)}), black-scholes ${pricing.mattlErr.toExponential(2)}`);
  }

  if (PARTS.has("c")) {
    // (c) The building blocks: what one option costs at least.
    const c = await page.evaluate((n) => {
      const time = (fn) => window.__time(n, fn);
      const blocks = [0, 1, 2, 3].map((what) => time((k) => window.minerhedge.bench_building_block(what, k)));
      const jsExp = time((k) => {
        let s = 0;
        for (let i = 0; i < k; i++) s += Math.exp(-(i % 1000) / 100);
        return s;
      });
      const jsLn = time((k) => {
        let s = 0;
        for (let i = 0; i < k; i++) s += Math.log((i % 1000) + 0.5);
        return s;
      });
      return { blocks, jsExp, jsLn };
    }, N);
    console.log(`(c) building blocks, ${N.toLocaleString("en-US")} evaluations each (what one option is made of)`);
    const [bExp, bLn, bCody, bErfc] = c.blocks;
    console.log(`    wasm exp ${f(bExp.ms)} ms, ln ${f(bLn.ms)} ms; JavaScript Math.exp ${f(c.jsExp.ms)} ms, Math.log ${f(c.jsLn.ms)} ms`);
    console.log(`    wasm N(x): engine's (Cody + its exp) ${f(bCody.ms)} ms, libm erfc-based ${f(bErfc.ms)} ms`);
  }
  await page.context().close();
}

await browser.close();
for (const s of servers) s.close();
