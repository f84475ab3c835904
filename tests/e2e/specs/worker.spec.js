// The simulations run in the page's Web Worker (src/ui/worker.rs, src/web/worker.rs): its
// figures are the native engine's for the same seed, a result of older inputs never shows
// after newer ones, and a page whose worker cannot start says so and works on.
const fs = require("fs");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { ROOT, SEED, open, openProgram, watch, chartInk } = require("./helpers");

const EXPECTED = JSON.parse(fs.readFileSync(path.join(__dirname, "worker-expected.json"), "utf8"));

test("the program's simulated summary, computed in the worker, is the native engine's for the same seed", async ({ page }) => {
  const problems = await openProgram(page, `${ROOT}/program/?${EXPECTED.query}`);
  const summary = page.getByTestId("program-summary");
  await expect(summary).toHaveAttribute("data-mc", "done", { timeout: 60_000 });
  for (const [id, value] of Object.entries(EXPECTED.figures)) {
    expect(await summary.locator(`[data-figure="${id}"]`).getAttribute("data-value"), id).toBe(value);
  }
  expect(problems).toEqual([]);
});

/** The Monte Carlo panel's summary once the simulation of `url` is done. */
async function finished(page, url) {
  await open(page, url);
  const panel = page.locator("section.distribution");
  await expect(panel).toHaveAttribute("data-mc", "done", { timeout: 60_000 });
  return panel.locator(".mc-summary").textContent();
}

test("a result of older inputs never shows after newer ones", async ({ page }) => {
  const base = `${ROOT}/${SEED.replace("hedge=forward", "hedge=put")}&paths=1000000`;
  const old = await finished(page, base + "&vol=80");
  const fresh = await finished(page, base + "&vol=60");
  expect(old).not.toBe(fresh);

  await open(page, base + "&vol=80");
  // Near the end of the old run (its result would arrive while the new inputs settle), the
  // volatility is typed; every summary the panel shows from then on is recorded.
  const seen = await page.evaluate(async () => {
    const panel = document.querySelector("section.distribution");
    const bar = () => document.querySelector('[data-testid="mc-progress"]');
    while (!(bar() && bar().value / bar().max >= 0.85) && panel.dataset.mc !== "done") {
      await new Promise((r) => setTimeout(r, 2));
    }
    const shown = [];
    const summary = () => panel.querySelector(".mc-summary").textContent;
    new MutationObserver(() => shown.push(summary())).observe(panel, { subtree: true, childList: true, characterData: true });
    const field = document.querySelector("#field-vol");
    field.value = "60";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    const started = performance.now();
    while (panel.dataset.mc !== "done" || shown.length === 0) {
      if (performance.now() - started > 60_000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return { shown: shown.filter((t) => t !== ""), last: summary() };
  });
  expect(seen.shown).not.toContain(old);
  expect(seen.last).toBe(fresh);
});

test("a page whose worker cannot start says so, and its chart, figures and sliders work", async ({ page }) => {
  const problems = watch(page, ROOT);
  await page.route(/\/worker\.js/, (route) => route.abort());
  await page.goto(`${ROOT}/${SEED}`);
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(page.locator("section.distribution")).toContainText("The simulation could not start");
  expect((await chartInk(page)).ink).toBeGreaterThan(1000);
  const slider = page.getByTestId("price-slider");
  await slider.evaluate((el) => {
    el.value = "280";
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await expect(page.getByTestId("price-live")).toContainText("At $280");
  // The refused worker script is the only problem.
  expect(problems.filter((p) => !/worker|Failed to load resource/.test(p))).toEqual([]);
});
