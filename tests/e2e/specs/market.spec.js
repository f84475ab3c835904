// Values the user has not set follow the market (link format v2); set ones stay; v1 links read
// as they always did.
const { test, expect } = require("@playwright/test");
const { SEED, open, tableRows, shareUrl } = require("./helpers");

const dollars = (text) => Number(text.replace(/[$,()]/g, ""));

test("a v2 link with only the coin and spot gets a range, a forward and a slider around spot", async ({ page }) => {
  const problems = await open(page, "./?v=2&coin=BTC&spot=95000");
  const rows = await tableRows(page);
  const prices = rows.slice(1).map((r) => dollars(r[0]));
  expect(Math.min(...prices)).toBeLessThan(95000);
  expect(Math.max(...prices)).toBeGreaterThan(95000);
  const slider = page.getByTestId("price-slider");
  expect(Number(await slider.getAttribute("min"))).toBeLessThan(95000);
  expect(Number(await slider.getAttribute("max"))).toBeGreaterThan(95000);
  expect(Number(await slider.inputValue())).toBe(95000);
  const fwd = page.locator('input[data-field="fwd"]');
  await expect(fwd).toHaveValue("");
  const placeholder = await fwd.getAttribute("placeholder");
  const forward = Number(placeholder.replace("auto: ", ""));
  expect(Math.abs(forward / 95000 - 1)).toBeLessThan(0.1);
  // Derived values are not written into the link.
  const url = await shareUrl(page);
  expect(url).toContain("v=2");
  expect(url).not.toContain("fwd=");
  expect(url).not.toContain("lo=");
  expect(problems).toEqual([]);
});

test("typing a new spot moves the derived range; a set range and forward stay", async ({ page }) => {
  await open(page, "./?v=2&coin=ETH&spot=250");
  await page.locator('input[data-field="spot"]').fill("3000");
  // Spot ± 3 standard deviations of a 30-day period at 80 % volatility, on a round step.
  await expect.poll(async () => dollars((await tableRows(page)).at(-1)[0])).toBeGreaterThan(3000);
  const moved = await tableRows(page);
  expect(dollars(moved[1][0])).toBeGreaterThan(250);
  expect(dollars(moved[1][0])).toBeLessThan(3000);
  await open(page, "./?v=2&spot=3000&lo=2000&hi=4000&fwd=3100");
  const rows = await tableRows(page);
  expect(dollars(rows[1][0])).toBe(2000);
  expect(dollars(rows[rows.length - 1][0])).toBe(4000);
  await expect(page.locator('input[data-field="fwd"]')).toHaveValue("3100");
  const url = await shareUrl(page);
  expect(url).toContain("lo=2000");
  expect(url).toContain("hi=4000");
  expect(url).toContain("fwd=3100");
});

test("a forward far from spot is flagged next to its field", async ({ page }) => {
  await open(page, "./" + SEED);
  await expect(page.getByTestId("warning-fwd")).toBeHidden();
  await page.locator('input[data-field="spot"]').fill("3000");
  await expect(page.getByTestId("warning-fwd")).toBeVisible();
  await expect(page.getByTestId("warning-fwd")).toContainText("below spot");
});

test("README's seed link still gives the seed table", async ({ page }) => {
  await open(page, "./" + SEED);
  const rows = await tableRows(page);
  expect(rows[1][0]).toBe("$200");
  expect(rows[rows.length - 1][0]).toBe("$300");
  await expect(page.locator('input[data-field="fwd"]')).toHaveValue("260");
});
