// The coverage frontier (issue 11) on the period page: computed after the simulation on the
// same paths, drawn, its least-CVaR and target coverages with "use" buttons that move the coverage
// slider and the link, volume risk explained. (Its frames are measured by `npm run bench`.)
const { test, expect } = require("@playwright/test");
const { open, shareUrl, slide } = require("./helpers");

const frontier = (page) => page.getByTestId("coverage-frontier");
const value = async (page, id) => Number(await page.getByTestId(id).getAttribute("data-value"));

test("the frontier of a forward without difficulty volatility: least CVaR at 100 %, drawn", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=forward&cov=40");
  await expect(frontier(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  await expect(frontier(page)).not.toHaveAttribute("data-drawn", "0");
  expect(await value(page, "frontier-min-cvar")).toBe(100);
  await expect(page.getByTestId("frontier-why")).toContainText("full coverage");
  // The chart is not blank: some pixels differ from the first one.
  const painted = await page.getByTestId("frontier-chart").evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(1000);
  // "use" moves the coverage slider and the link.
  await page.getByTestId("use-frontier-min-cvar").click();
  await expect(page.getByTestId("coverage-slider")).toHaveValue("100");
  await expect.poll(() => shareUrl(page)).toContain("cov=100");
  expect(problems).toEqual([]);
});

test("difficulty that rises with the price puts the least CVaR below 100 % and says why", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=forward&days=90&dvol=150&corr=80&ptarget=40");
  await expect(frontier(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  const best = await value(page, "frontier-min-cvar");
  expect(best).toBeLessThan(100);
  await expect(page.getByTestId("frontier-why")).toContainText("volume risk");
  await expect(page.getByTestId("frontier-why")).toContainText("correlation 80%");
  await expect(page.locator("#field-corr")).toHaveValue("80");
  const target = await value(page, "frontier-target");
  await page.getByTestId("use-frontier-target").click();
  await expect.poll(() => shareUrl(page)).toContain(`cov=${target}`);
  await expect(page.getByTestId("coverage-slider")).toHaveValue(String(target));
  // A coverage change keeps the frontier (same paths, same hedges) and moves its mark only.
  await expect(frontier(page)).toHaveAttribute("data-state", "done");
  expect(await value(page, "frontier-min-cvar")).toBe(best);
  expect(problems).toEqual([]);
});

test("a bad ptarget is named and the frontier keeps the last valid target", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=forward");
  await page.locator("#field-ptarget").fill("120");
  await expect(page.locator("#field-ptarget-error")).toContainText("ptarget");
  await expect(page.locator("#field-ptarget-error")).toContainText("between 0 and 100");
  await expect(frontier(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  expect(problems).toEqual([]);
});

test("a run above 100,000 paths: the frontier runs on its first 100,000", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=collar&kc=zero&dvol=60&corr=50&paths=150000");
  await expect(frontier(page)).toHaveAttribute("data-state", "done", { timeout: 30000 });
  await expect(frontier(page)).toContainText("On the first 100,000 of the simulation's 150,000 paths.");
  expect(problems).toEqual([]);
});

test("a coverage drag keeps the frontier and its figures; the mark follows once the drag pauses", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=put&cov=60&dvol=30");
  await expect(frontier(page)).toHaveAttribute("data-state", "done", { timeout: 20000 });
  const best = await value(page, "frontier-min-cvar");
  for (const v of [50, 40, 30]) await slide(page, "coverage-slider", v);
  await expect.poll(() => shareUrl(page)).toContain("cov=30");
  await expect(frontier(page)).toHaveAttribute("data-state", "done");
  expect(await value(page, "frontier-min-cvar")).toBe(best);
  expect(problems).toEqual([]);
});
