// Shared helpers for the page specs.
const { expect } = require("@playwright/test");

const ROOT = `http://127.0.0.1:${process.env.E2E_PORT || 8181}`;
const SUB = `http://127.0.0.1:${Number(process.env.E2E_PORT || 8181) + 1}`;

const SEED =
  "?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&hedge=forward&fwd=260&cov=100&lo=200&hi=300&step=10";

/** Opens `url`, failing the test on any page error, console error or request to another origin. */
async function open(page, url) {
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
  await page.goto(url);
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(page.getByTestId("chart")).toBeVisible();
  return problems;
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

/** Number of canvas pixels that differ from the top-left (background) pixel, and colours seen. */
async function chartInk(page) {
  return page.getByTestId("chart").evaluate((c) => {
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

module.exports = { ROOT, SUB, SEED, open, tableRows, slide, chartInk, shareUrl };
