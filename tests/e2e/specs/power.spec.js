// Power and curtailment on the period page: each contract from a link (the power figures at
// the final price against the contract's formulas computed here), the table's new columns
// and every cell's data-col and data-value, the hour-price chart, the import of a small CSV
// (a negative price; a bad row named by its line), bad values named, and the presets.
const path = require("path");
const { test, expect } = require("@playwright/test");
const { open, openProgram, normalCdf } = require("./helpers");

/** A 200 PH/s farm at 17.5 J/TH on an index contract around $50/MWh, 30 days. */
const FARM =
  "./?v=2&coin=BTC&mode=rig&hr=200000&eff=17.5&pwr=0.05&opex=20000&pool=2&up=97&diff=126T&sub=3.125" +
  "&fee=0.03&days=30&spot=95000&vol=50&rate=4&hedge=forward&cov=80&lo=20000&hi=160000&step=10000&px=60000";

const N = normalCdf;

/** The farm's full-run output (BTC) and energy (MWh). */
const Q = (200000e12 * 30 * 86400 * 3.155 * 0.98 * 0.97) / (126e12 * 2 ** 32);
const E = ((200000 * 17.5) / 1e6) * 24 * 30 * 0.97;

const value = async (page, id) => Number(await page.getByTestId(id).getAttribute("data-value"));
const near = (x, y, rel) => expect(Math.abs(x - y), `${x} vs ${y}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(y)));

/** The payoff table as rows of `{ col: data-value }`; every cell must carry both. */
const tableRows = (page) =>
  page.getByTestId("payoff-table").evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Object.fromEntries(
        Array.from(tr.querySelectorAll("td")).map((c) => {
          if (!c.dataset.col || !c.hasAttribute("data-value")) throw new Error(`cell without data-col/data-value: ${c.outerHTML}`);
          return [c.dataset.col, Number(c.dataset.value)];
        }),
      ),
    ),
  );

/** The lognormal contract at coin price `s`: EHP, run share, cost below and above EHP. */
function lognormal(s, mean, sd) {
  const ehp = (s * Q) / E;
  const d = (Math.log(ehp / mean) + 0.5 * sd * sd) / sd;
  return { ehp, d, u: N(d), below: mean * N(d - sd), above: mean * N(sd - d) };
}

test("an index contract from a link: power at the final price, the table's columns, the hour chart", async ({ page }) => {
  const problems = await open(page, `${FARM}&ptype=index&pidx=50&psd=0.6`);
  await expect(page.locator(".engine-errors")).toBeHidden();
  const at = lognormal(60000, 50, 0.6);
  near(await value(page, "ehp"), at.ehp, 1e-9);
  near(await value(page, "run-share"), 100 * at.u, 1e-8);
  near(await value(page, "power-cost"), E * at.below, 1e-8);
  expect(await value(page, "power-credits")).toBe(0);
  near(await value(page, "curtailment-value"), E * (at.above - at.ehp * N(-at.d)), 1e-8);
  // The note: why a forward on the plan over-hedges at this price.
  await expect(page.getByTestId("curtailment-note")).toContainText("At $60,000 the rig runs");
  // Every cell has its column and value; output, power cost and credits at each price.
  const rows = await tableRows(page);
  expect(rows.length).toBe(15);
  for (const r of rows) {
    const c = lognormal(r.price, 50, 0.6);
    near(r.output, Q * c.u, 1e-9);
    near(r.power_cost, E * c.below, 1e-9);
    expect(r.credits).toBe(0);
    near(r.revenue, Q * c.u * r.price, 1e-9);
    near(r.hedged_revenue, r.revenue + r.hedge_payoff, 1e-12);
  }
  // Convex: the unhedged margin's slope (revenue less power) grows with the price.
  const margin = rows.map((r) => r.revenue - r.power_cost);
  const slope = rows.slice(1).map((r, i) => (margin[i + 1] - margin[i]) / (r.price - rows[i].price));
  for (let i = 1; i < slope.length; i++) expect(slope[i]).toBeGreaterThan(slope[i - 1]);
  // The hour-price chart: drawn, saying how many hours run.
  const chart = page.getByTestId("hour-price-chart");
  await expect(chart).toBeVisible();
  await expect.poll(async () => Number(await page.locator("section.hour-prices").getAttribute("data-drawn"))).toBeGreaterThan(0);
  await expect(chart).toHaveAttribute("aria-label", /EHP \$[\d,.]+\/MWh: Runs \d+% of hours/);
  expect(problems).toEqual([]);
});

test("a PPA from a link: the block's cost is fixed and the hours off are resold", async ({ page }) => {
  const problems = await open(page, `${FARM.replace("pwr=0.05", "pwr=0.042")}&ptype=ppa&pidx=45&psd=0.8`);
  const block = E / 0.97;
  const at = lognormal(60000, 45, 0.8);
  near(await value(page, "power-cost"), block * 42, 1e-9);
  near(await value(page, "power-credits"), block * (0.03 * 45 + 0.97 * at.above), 1e-8);
  for (const r of await tableRows(page)) {
    const c = lognormal(r.price, 45, 0.8);
    near(r.power_cost, block * 42, 1e-9);
    near(r.credits, block * (0.03 * 45 + 0.97 * c.above), 1e-9);
    near(r.revenue, Q * c.u * r.price + r.credits, 1e-9);
  }
  expect(problems).toEqual([]);
});

test("fixed power with a capacity credit: every hour runs, the credit is revenue; no hour chart", async ({ page }) => {
  const problems = await open(page, `${FARM}&drc=3000`);
  expect(await value(page, "run-share")).toBe(100);
  near(await value(page, "power-credits"), (3000 * 3.5 * 30) / 30, 1e-12);
  near(await value(page, "power-cost"), E * 1000 * 0.05, 1e-9);
  const rows = await tableRows(page);
  for (const r of rows) near(r.revenue, Q * r.price + 10500, 1e-9);
  await expect(page.locator("section.hour-prices")).toBeHidden();
  expect(problems).toEqual([]);
});

test("fixed power without a credit is the page as before, with output, power cost and credits columns", async ({ page }) => {
  await open(page, FARM);
  const rows = await tableRows(page);
  for (const r of rows) {
    near(r.output, Q, 1e-12);
    near(r.power_cost, E * 50, 1e-9);
    expect(r.credits).toBe(0);
    near(r.revenue, Q * r.price, 1e-9);
  }
  await expect(page.getByTestId("curtailment-note")).toHaveCount(0);
});

test("an hourly price file becomes the curve (program page); a bad row is named by its line", async ({ page }) => {
  const problems = await openProgram(
    page,
    "./program/?v=2&view=program&coin=BTC&mode=rig&hr=200000&eff=17.5&pwr=0.05&diff=126T&start=2027-01-01&months=3&spot=95000&vol=50&rate=4",
  );
  const input = page.getByTestId("price-import");
  await input.setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("hour,price\n1,40\n2,-7.5\n\n3,n/a\n4,55\n"),
  });
  await expect(page.getByTestId("price-import-error")).toContainText('line 5: "n/a" in column "price" is not a number');
  await input.setInputFiles(path.join(__dirname, "../../data/hourly_prices_example.csv"));
  const status = page.getByTestId("price-import-status");
  await expect(status).toContainText("Read 30 hours");
  await expect(status).toHaveAttribute("data-min", "-3.25");
  await expect(status).toHaveAttribute("data-max", "124.5");
  // The curve is in the link: 24 bucket means of the sorted prices, ascending.
  await expect.poll(() => new URL(page.url()).searchParams.get("pcurve")).not.toBeNull();
  const curve = new URL(page.url()).searchParams.get("pcurve").split(",").map(Number);
  expect(curve.length).toBe(24);
  expect(curve[0]).toBe(-3.25);
  for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1]);
  // The fixed contract reads no curve: the import made it an index contract.
  expect(new URL(page.url()).searchParams.get("ptype")).toBe("index");
  expect(problems).toEqual([]);
});

test("bad power values are named with their key and range; the page keeps working", async ({ page }) => {
  for (const [q, key] of [
    ["&ptype=index&psd=0", "psd"],
    ["&ptype=spot", "ptype"],
    ["&ptype=index&pcurve=1,x", "pcurve"],
    [`&ptype=index&pcurve=${Array(49).fill(40).join(",")}`, "pcurve"],
    ["&pvol=900", "pvol"],
  ]) {
    await open(page, FARM + q);
    await expect(page.getByTestId("link-error")).toContainText(`${key} =`);
    await expect(page.getByTestId("payoff-table").locator("tbody tr")).toHaveCount(15);
  }
  await open(page, "./?mode=direct&ptype=index");
  await expect(page.getByTestId("link-error")).toContainText("power keys need mode=rig");
});

test("the power presets open the program through the halving with the power columns", async ({ page }) => {
  const problems = await openProgram(page, "./program/");
  for (const i of [2, 3]) {
    await page.getByTestId(`program-preset-${i}`).click();
    await expect(page.getByTestId("program-table")).toBeVisible();
    await expect(page.locator('[data-testid="program-table"] td[data-col="run_share"]').first()).toHaveAttribute("data-value", /\d/);
  }
  expect(problems).toEqual([]);
});
