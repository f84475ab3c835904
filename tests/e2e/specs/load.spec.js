// The first paint (src/web/first_paint.rs): the core module draws the first chart and its
// figures from the link before the app has loaded, and the app replaces it with the same
// chart and numbers. The app's files are held back (or refused) through request routing, so
// what the first paint drew can be read before the app takes over.
const { test, expect } = require("@playwright/test");
const { ROOT, SEED, watch } = require("./helpers");

const APP_JS = /\/(minerhedge|program)-[0-9a-f]+\.js$/;

/** RGBA bytes of what `selectors` (canvases stacked in that order) show, composited on one
 * canvas of the first one's backing size. */
async function pixels(page, selectors) {
  return page.evaluate((sels) => {
    const canvases = sels.map((s) => document.querySelector(s));
    const out = document.createElement("canvas");
    out.width = canvases[0].width;
    out.height = canvases[0].height;
    const ctx = out.getContext("2d");
    for (const c of canvases) ctx.drawImage(c, 0, 0);
    return { width: out.width, height: out.height, data: Array.from(ctx.getImageData(0, 0, out.width, out.height).data) };
  }, selectors);
}

/** Share of pixels whose channels differ by more than 2 between two images of one size. */
function differing(a, b) {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let off = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let k = 0; k < 4; k++) {
      if (Math.abs(a.data[i + k] - b.data[i + k]) > 2) {
        off++;
        break;
      }
    }
  }
  return off / (a.data.length / 4);
}

/** The first paint of `url` with the app refused: its figures and its chart's pixels. */
async function firstPaintAlone(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(APP_JS, (route) => route.abort());
  await page.goto(url);
  await expect(page.locator("#first-paint[data-drawn]")).toBeAttached();
  const figures = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("#first-paint [data-figure]")].map((e) => [
        e.dataset.figure,
        { text: e.textContent.trim(), value: e.dataset.value ?? null },
      ]),
    ),
  );
  const drawn = await page.evaluate(() => performance.getEntriesByName("minerhedge:chart-drawn").length);
  const image = await pixels(page, ['[data-testid="first-chart"]']);
  await context.close();
  return { figures, drawn, image };
}

test("the period page's first paint draws the app's chart and figures before the app, and the app replaces it", async ({ browser, page }) => {
  const url = `${ROOT}/${SEED.replace("hedge=forward&fwd=260", "hedge=collar&kp=230&kc=zero")}`;
  const first = await firstPaintAlone(browser, url);
  expect(first.drawn).toBeGreaterThan(0);
  expect(Object.keys(first.figures).length).toBeGreaterThan(8);
  expect(first.figures["call-strike"].text).toMatch(/^\$\d/);

  const problems = watch(page, url);
  await page.goto(url);
  await expect(page.locator("#first-paint")).toHaveCount(0);
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  for (const [id, f] of Object.entries(first.figures)) {
    const dd = page.locator(`[data-testid="${id}"]`);
    await expect(dd, id).toHaveText(f.text);
    expect(await dd.getAttribute("data-value"), id).toBe(f.value);
  }
  const app = await pixels(page, ['[data-testid="chart"]', "canvas.chart-overlay"]);
  expect(differing(first.image, app)).toBeLessThan(0.001);
  expect(problems).toEqual([]);
});

test("the program page's first paint draws the cash-flow chart and the summary before the app", async ({ browser, page }) => {
  const url = `${ROOT}/program/?v=2&view=program&start=2027-01-01&months=12&mode=rig&coin=BTC&spot=95000&ph=forward,collar&pcov=80,60`;
  const first = await firstPaintAlone(browser, url);
  expect(first.drawn).toBeGreaterThan(0);
  expect(first.figures.output.value).not.toBeNull();

  const problems = watch(page, url);
  // The app's chart, before its simulation adds the bands, is the first paint's picture.
  await page.route(/\/worker\.js/, (route) => route.abort());
  await page.goto(url);
  await expect(page.locator("#first-paint")).toHaveCount(0);
  for (const [id, f] of Object.entries(first.figures)) {
    const el = page.locator(`[data-testid="program-summary"] [data-figure="${id}"]`);
    expect(await el.getAttribute("data-value"), id).toBe(f.value);
    await expect(el.locator("dd"), id).toHaveText(f.text);
  }
  const app = await pixels(page, ['[data-testid="program-chart"]']);
  expect(differing(first.image, app)).toBeLessThan(0.001);
  expect(problems.filter((p) => !p.includes("worker"))).toEqual([]);
});

test("the first paint's price slider works before the app has loaded, and the app opens at its price", async ({ page }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(APP_JS, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${ROOT}/${SEED}`);
  const slider = page.getByTestId("first-price-slider");
  await expect(slider).toBeEnabled();
  const before = await page.evaluate(() => performance.getEntriesByName("minerhedge:chart-drawn").length);
  await slider.evaluate((el) => {
    el.value = "280";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(page.locator('#first-paint [data-first="readout"]')).toContainText("At $280");
  expect(await page.evaluate(() => performance.getEntriesByName("minerhedge:chart-drawn").length)).toBeGreaterThan(before);
  await expect.poll(() => page.evaluate(() => location.search)).toContain("px=280");
  release();
  await expect(page.locator("#first-paint")).toHaveCount(0);
  await expect(page.getByTestId("price-slider")).toHaveValue("280");
  await expect(page.getByTestId("price-live")).toContainText("At $280");
});
