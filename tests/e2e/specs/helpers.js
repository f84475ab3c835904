// Shared helpers for the page specs.
const { expect } = require("@playwright/test");

const ROOT = `http://127.0.0.1:${process.env.E2E_PORT || 8181}`;
const SUB = `http://127.0.0.1:${Number(process.env.E2E_PORT || 8181) + 1}`;

const SEED =
  "?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100&lo=200&hi=300&step=10";

/** Records, from now on, `page`'s page errors, console errors and requests to an origin other
 * than `url`'s; returns the (live) list. */
function watch(page, url) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  const target = new URL(url, ROOT + "/");
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol !== "data:" && u.origin !== target.origin) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  return problems;
}

/** Opens `url`, failing the test on any page error, console error or request to another origin. */
async function open(page, url) {
  const problems = watch(page, url);
  await page.goto(url);
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(page.getByTestId("chart")).toBeVisible();
  return problems;
}

/** Opens `url` on the program page (directly or through the period page's `view=program`
 * redirect), recording problems as `open` does; waits for its table and chart. */
async function openProgram(page, url) {
  const problems = watch(page, url);
  await page.goto(url);
  await expect(page.getByTestId("program-table")).toBeVisible();
  await expect(page.getByTestId("program-chart")).toBeVisible();
  return problems;
}

/** The program table's body as rows of `{ col: { text, value } }` (value `null` without
 * `data-value`). */
async function programRows(page) {
  return page.getByTestId("program-table").evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Object.fromEntries(
        Array.from(tr.querySelectorAll("td")).map((c) => [
          c.dataset.col,
          { text: c.textContent.trim(), value: c.hasAttribute("data-value") ? c.dataset.value : null },
        ]),
      ),
    ),
  );
}

/** The table as an array of rows of cell texts, header row first. */
async function tableRows(page) {
  return page.getByTestId("payoff-table").evaluate((t) =>
    Array.from(t.querySelectorAll("tr")).map((tr) =>
      Array.from(tr.querySelectorAll("th,td")).map((c) => c.textContent.trim()),
    ),
  );
}

/** Sets a range input like a user dragging it (value + input event). */
async function slide(page, testid, value) {
  await page.getByTestId(testid).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}

/** Number of canvas pixels that differ from the top-left (background) pixel, and colours seen,
 * on the canvas `testid` (the period page's chart by default). */
async function chartInk(page, testid = "chart") {
  return page.getByTestId(testid).evaluate((c) => {
    const ctx = c.getContext("2d");
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const bg = [data[0], data[1], data[2], data[3]];
    let ink = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== bg[0] || data[i + 1] !== bg[1] || data[i + 2] !== bg[2] || data[i + 3] !== bg[3]) {
        ink++;
        if (colours.size < 64) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      }
    }
    return { ink, colours: colours.size, width: c.width, height: c.height };
  });
}

/** The share link as the serialized DOM shows it (the `value` attribute). */
async function shareUrl(page) {
  return page.getByTestId("share-url").getAttribute("value");
}

/** The error function by its series (|z| < 6; ±1 beyond): about 1e-12. */
function erf(z) {
  if (Math.abs(z) > 6) return Math.sign(z);
  let sum = 0;
  let term = z;
  for (let n = 0; n < 200; n++) {
    const t = term / (2 * n + 1);
    sum += t;
    if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    term *= (-z * z) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** The standard normal distribution function Φ(x). */
const normalCdf = (x) => 0.5 * (1 + erf(x / Math.SQRT2));

module.exports = { ROOT, SUB, SEED, watch, open, openProgram, programRows, tableRows, slide, chartInk, shareUrl, normalCdf };
