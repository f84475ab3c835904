// Browser benchmark (not a test): `npm run bench` in tests/e2e (after `bash .ci/setup --test`).
// Builds the page with the cargo feature `bench` into target/dist-bench, serves it on
// 127.0.0.1:8190 and drives Debian's headless Chromium:
//  (a) moves the price slider 200 times on a page with 1,001-point curves and reports p50/p95
//      of input event → chart redrawn (the page's `minerhedge:chart-drawn` performance mark)
//      and input event → next animation frame (the frame that shows the redraw);
//  (b) prices 1,000,000 options (best of three runs) with price and Greeks through the page's wasm engine and
//      through the npm packages @uqee/black-scholes (price + Greeks) and black-scholes (price
//      only: it has no Greeks), in the same browser, and reports the ratios;
//  (b') prices the same number of calls as option chains (1,000 strikes on each market): the
//      engine builds one model per market, @uqee/black-scholes gets the same inputs one by one;
//  (c) times the building blocks of one option (exp, ln, the normal CDF) in wasm and in
//      JavaScript, which bound what (b) can reach.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
// Its own build, with the engine's benchmark exports (cargo feature `bench`); the page's
// dist/ does not carry them.
const root = path.resolve(here, "../../..");
const dist = path.join(root, "target", "dist-bench");
const home = process.env.CARGO_HOME || path.join(process.env.HOME || "/root", ".cargo");
const built = spawnSync("trunk", ["build", "--release", "--features", "bench", "--dist", dist], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PATH: `${path.join(root, ".ci", "bin")}:${path.join(home, "bin")}:${process.env.PATH}` },
});
if (built.status !== 0) {
  console.error("trunk build --release --features bench failed");
  process.exit(1);
}
const port = 8190;
const base = `http://127.0.0.1:${port}/`;
const SEED = "?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=collar&kp=230&kc=zero&cov=100&lo=100&hi=400&step=10";
const N = Number(process.env.BENCH_OPTIONS || 1_000_000);
const MOVES = 200;

const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dist], {
  stdio: "ignore",
});
const stop = () => server.kill();
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(base + "index.html");
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("static server did not start");
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const f = (x) => x.toFixed(2);

await waitForServer();
const { chromiumArgs } = require("../playwright.config.js");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs, headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
const page = await context.newPage();
await page.goto(base + SEED);
await page.waitForFunction(() => window.minerhedge && performance.getEntriesByName("minerhedge:chart-drawn").length > 0);
console.log(`Chromium ${browser.version()}`);

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

// (b) 1,000,000 options, price + Greeks.
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
const pricing = await page.evaluate((n) => {
  // Best of three runs after a warm-up (the machine is shared; the minimum is the least noisy).
  const time = (fn) => {
    fn(Math.min(n, 10_000));
    let best = Infinity, checksum = 0;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      checksum = fn(n);
      best = Math.min(best, performance.now() - t0);
    }
    return { ms: best, checksum };
  };
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
  // (c) The building blocks: what one option costs at least.
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
  return { blocks, jsExp, jsLn, wasm, uqee, uqeeDouble, mattl, wasmChains, uqeeChains, uqeeErr, uqeeDoubleErr, mattlErr };
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
console.log(`(c) building blocks, ${N.toLocaleString("en-US")} evaluations each (what one option is made of)`);
const [bExp, bLn, bCody, bErfc] = pricing.blocks;
console.log(`    wasm exp ${f(bExp.ms)} ms, ln ${f(bLn.ms)} ms; JavaScript Math.exp ${f(pricing.jsExp.ms)} ms, Math.log ${f(pricing.jsLn.ms)} ms`);
console.log(`    wasm N(x): engine's (Cody + its exp) ${f(bCody.ms)} ms, libm erfc-based ${f(bErfc.ms)} ms`);

await browser.close();
stop();
