// The instruments miners trade (issue 10) in the browser: the hashprice forward and its
// locking coverage, the volatility smile on the option legs and its chart, coin-settled
// options, the margin of a short hedge, a bad value named for every new key, and the
// program's hashprice months and collateral.
const { test, expect } = require("@playwright/test");
const { open, openProgram, programRows, tableRows, shareUrl } = require("./helpers");

const value = async (page, id) => Number(await page.getByTestId(id).getAttribute("data-value"));

const FARM =
  "?v=2&coin=BTC&mode=rig&hr=200000&pool=2&up=97&diff=126000000000000&sub=3.125&fee=0.03&days=30" +
  "&spot=95000&vol=50&rate=4&hedge=hashprice&cov=80";

test("a hashprice forward: the index, the fixed hashprice, and one click to the locking coverage", async ({ page }) => {
  const problems = await open(page, "./" + FARM);
  // HP = S·(subsidy + fees)·86,400·10¹⁵ / (D·2³²), USD per PH/s per day.
  const hp = (95000 * 3.155 * 86400e15) / (126e12 * 2 ** 32);
  expect(Math.abs((await value(page, "hashprice")) - hp)).toBeLessThan(1e-9 * hp);
  const fixed = await value(page, "hashprice-fixed");
  const forward = 95000 * Math.exp((0.04 * 30) / 365);
  expect(Math.abs(fixed - (hp * forward) / 95000) / fixed).toBeLessThan(1e-5);
  expect(await value(page, "hash-coverage")).toBe(95.06);
  await expect(page.getByTestId("strategy-compare")).toContainText("Hashprice forward");
  await page.getByTestId("use-hash-coverage").click();
  await expect.poll(() => shareUrl(page)).toContain("cov=95.06");
  // At that coverage the hedged revenue is the same at every price of the table.
  const rows = await tableRows(page);
  const hedged = new Set(rows.slice(1).map((r) => r[3]));
  expect(hedged.size).toBe(1);
  expect(problems).toEqual([]);
});

test("a put-skewed smile prices each leg at its own vol, lowers the zero-cost call and draws its chart", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=collar&kc=zero&rr25=-10&bf25=2");
  const put = await value(page, "put-vol");
  const call = await value(page, "call-vol");
  expect(put).toBeGreaterThan(80);
  expect(call).toBeLessThan(put);
  const skewed = Number((await page.getByTestId("call-strike").textContent()).replace(/[$,]/g, ""));
  await expect(page.locator("section.smile")).not.toHaveAttribute("data-drawn", "0");
  await open(page, "./?v=2&hedge=collar&kc=zero&rr25=0&bf25=0");
  expect(await value(page, "put-vol")).toBe(80);
  const flat = Number((await page.getByTestId("call-strike").textContent()).replace(/[$,]/g, ""));
  expect(skewed).toBeLessThan(flat);
  // A hedge without options on the same smile: Greeks and figures, no engine message.
  await open(page, "./?v=2&hedge=forward&rr25=-8&bf25=2");
  await expect(page.getByTestId("position-delta")).not.toHaveText("—");
  await expect(page.locator(".engine-errors")).toBeHidden();
  expect(problems).toEqual([]);
});

test("a coin-settled put pays its premium in coin and the table shows the coin settlement", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=put&kp=230&pp=12&settle=coin&lo=200&hi=300&step=10");
  expect(await value(page, "premium-coin")).toBe(0.24);
  const rows = await tableRows(page);
  expect(rows[0]).toContain("Settlement (ETH)");
  // At 200: the put pays 30·5 = 150 USD, 0.75 ETH.
  const at200 = rows.find((r) => r[0] === "$200");
  expect(at200[4]).toContain("0.75");
  await expect(page.locator("#field-settle")).toHaveValue("coin");
  expect(problems).toEqual([]);
});

test("a short forward shows its liquidation price, the chance of reaching it and the collateral needed", async ({ page }) => {
  const problems = await open(page, "./?v=2&hedge=forward&fwd=260&im=20&mm=10&pliq=1");
  // (C + h·F) / (h·(1 + mm)) with C = 20 % of 5·260.
  const liq = (0.2 * 1300 + 1300) / (5 * 1.1);
  expect(Math.abs((await value(page, "liq-price")) - liq)).toBeLessThan(1e-9);
  const prob = await value(page, "liq-prob");
  expect(prob).toBeGreaterThan(1);
  expect(prob).toBeLessThan(100);
  expect(await value(page, "coll-needed")).toBeGreaterThan(260);
  // More collateral: a higher liquidation price.
  await page.locator("#field-coll").fill("2000");
  await expect.poll(() => value(page, "liq-price")).toBeGreaterThan(liq);
  await expect.poll(() => shareUrl(page)).toContain("coll=2000");
  expect(problems).toEqual([]);
});

test("a bad value of every new key is named in link-error and the page still renders", async ({ page }) => {
  const bad = { hpf: "-1", rr25: "99", bf25: "abc", settle: "eur", im: "150", mm: "x", coll: "-5", pliq: "100" };
  const query = Object.entries(bad).map(([k, v]) => `${k}=${v}`).join("&");
  const problems = await open(page, "./?v=2&" + query);
  const banner = page.getByTestId("link-error");
  await expect(banner).toBeVisible();
  for (const [key, v] of Object.entries(bad)) {
    await expect(banner).toContainText(`${key} = "${v}"`);
  }
  await expect.poll(async () => (await tableRows(page)).length).toBeGreaterThan(2);
  // A smile no vol survives, typed into the field, names the key next to it.
  await page.locator("#field-rr25").fill("50");
  await page.locator("#field-vol").fill("10");
  await expect(page.locator(".engine-errors")).toContainText("rr25");
  expect(problems).toEqual([]);
});

test("the program sells hashrate month by month and shows each month's collateral and the peak", async ({ page }) => {
  const problems = await openProgram(
    page,
    "./program/?v=2&view=program&start=2027-01-01&months=3&mode=rig&coin=BTC&hr=50000&spot=95000" +
      "&pool=2&up=97&ph=hashprice,forward,put&pcov=95.06&paths=200",
  );
  const rows = await programRows(page);
  expect(rows.length).toBe(3);
  expect(rows[0].hedge.text).toBe("Hashprice forward");
  expect(Number(rows[0].collateral.value)).toBeGreaterThan(0);
  expect(Number(rows[1].collateral.value)).toBeGreaterThan(0);
  expect(rows[2].collateral.value).toBeNull();
  const peak = page.locator("[data-testid=program-summary] [data-figure=collateral_peak]");
  await expect(peak).toHaveAttribute(
    "data-value",
    String(Number(rows[0].collateral.value) + Number(rows[1].collateral.value)),
  );
  expect(problems).toEqual([]);
});
