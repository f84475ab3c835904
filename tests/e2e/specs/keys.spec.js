// One range per key, keys named by their link word: values a link accepts open a working page,
// and an engine error names the key that is wrong (src/view/keys.rs, tests/native/ranges.rs).
const { test, expect } = require("@playwright/test");
const { watch, open, openProgram, tableRows } = require("./helpers");

test("lo=0 draws a table starting at $0", async ({ page }) => {
  const problems = await open(page, "./?v=1&coin=ETH&mode=direct&cost=1100&qty=5&spot=250&lo=0&hi=300&step=10");
  const rows = await tableRows(page);
  // Header, then $0, $10, …, $300.
  expect(rows.length).toBe(32);
  expect(rows[1][0]).toBe("$0");
  expect(rows[31][0]).toBe("$300");
  // At $0 the coins earn nothing and the forward pays (260 − 0) × 5 = $1,300.
  expect(rows[1].join(" ")).toContain("$1,300");
  await expect(page.locator(".engine-errors")).toBeHidden();
  await expect(page.getByTestId("link-error")).toBeHidden();
  expect(problems).toEqual([]);
});

test("free power in rig mode shows the rig's economics and names pwr", async ({ page }) => {
  const url = "./?v=2&coin=BTC&mode=rig&pwr=0";
  const problems = watch(page, url);
  await page.goto(url);
  const output = page.getByTestId("expected-output");
  await expect(output).toBeVisible();
  expect(await output.textContent()).toMatch(/[0-9]/);
  await expect(page.getByTestId("period-cost")).toHaveText("$0");
  // Returns are on the period's cost: with none, the page says so next to the power price.
  const message = page.locator(".engine-errors li", { hasText: "pwr:" });
  await expect(message).toBeVisible();
  await expect(message).toContainText("costs nothing");
  expect(problems).toEqual([]);
});

test("a smile the engine refuses names bf25 on the program page", async ({ page }) => {
  const url = "./?v=2&view=program&start=2027-01-01&bf25=-50";
  const problems = watch(page, url);
  await page.goto(url);
  const message = page.getByTestId("program-error");
  await expect(message).toBeVisible();
  await expect(message).toContainText("bf25:");
  expect(problems).toEqual([]);
});

test("values near the ends of their ranges open a working page", async ({ page }) => {
  for (const q of [
    "v=2&rate=100&days=3650",
    "v=2&lo=999999999.999999999",
    "v=2&cov=1000e-30",
    "v=2&cov=100.000000000000000000000000000",
  ]) {
    const problems = await open(page, `./?${q}`);
    await expect(page.locator(".engine-errors")).toBeHidden();
    await expect(page.getByTestId("link-error")).toBeHidden();
    expect(problems, q).toEqual([]);
  }
  const problems = await openProgram(page, "./?v=2&view=program&halvdate=2000-02-29");
  await expect(page.getByTestId("program-error")).toHaveCount(0);
  expect(problems).toEqual([]);
});
