// The put spread, the three-way collar and the covered call from a link: the chart, the
// table, the comparison row, the order ticket and the strategy's own figures (and none of
// another's); wrong strikes named by their key; a program month of each. Expected numbers
// are the independent reference's (tests/data/strategies_reference.csv, case "flat": the
// seed's market, spot 250, vol 80 %, rate 5 %, 30 days, 5 coins for $1,100).
const { test, expect } = require("@playwright/test");
const { open, openProgram, programRows, chartInk } = require("./helpers");

/** The payoff table's first row: `{ col: data-value }`. */
const firstRow = (page) =>
  page.locator('[data-testid="payoff-table"] tbody tr').first().evaluate((tr) =>
    Object.fromEntries(Array.from(tr.querySelectorAll("td")).map((c) => [c.dataset.col, c.dataset.value])),
  );

const value = async (page, id) => Number(await page.getByTestId(id).getAttribute("data-value"));
const near = (x, y, tol) => expect(Math.abs(x - y), `${x} vs ${y}`).toBeLessThan(tol);

/** The figures every option strategy may show, by `data-testid`. */
const OPTION_FIGURES = ["put-premium", "put-vol", "put2-strike", "put2-premium", "put2-vol", "call-strike", "call-premium", "call-vol"];

const CASES = [
  {
    link: "./?hedge=putspread&kp=230&kp2=190",
    label: "Put spread",
    figures: { "put-premium": 12.9609305789, "put2-strike": 190, "put2-premium": 2.7043907623, "net-premium": 10.2565398166 },
    ticket: "Buy puts on 5 ETH at strike $230 and sell puts on 5 ETH at strike $190",
    // Below 190 the floor gives way: at 200 the table holds 5 × 230 less the carried premium.
    at200: 1098.506116455395712,
  },
  {
    link: "./?hedge=seagull&kp=230&kp2=190&kc=zero",
    label: "Three-way collar",
    figures: { "put-premium": 12.9609305789, "put2-strike": 190, "put2-premium": 2.7043907623, "call-strike": 288.34857592393468954, "call-premium": 10.2565398166, "net-premium": 0 },
    ticket: /^Buy puts on 5 ETH at strike \$230 and sell puts on 5 ETH at strike \$190 and sell calls on 5 ETH at strike \$288\.3/,
    at200: 1150,
  },
  {
    link: "./?hedge=call&kc=290",
    label: "Covered call",
    figures: { "call-strike": 290, "call-premium": 9.8745541403, "net-premium": -9.8745541403 },
    ticket: "Sell calls on 5 ETH at strike $290",
    at200: 1049.576089992117538307,
  },
];

for (const c of CASES) {
  test(`${c.label} from a link: chart, table, comparison row, ticket and its own figures`, async ({ page }) => {
    const problems = await open(page, c.link);
    await expect(page.locator(".engine-errors")).toBeHidden();
    // The chart: drawn, its chosen (bold) line the strategy.
    await expect.poll(async () => (await chartInk(page)).ink).toBeGreaterThan(2000);
    await expect(page.getByTestId("chart")).toHaveAttribute("aria-label", new RegExp(`${c.label} \\(chosen, bold line\\)`));
    // The table at $200.
    const first = await firstRow(page);
    expect(first.price).toBe("200");
    near(Number(first["hedged_revenue"]), c.at200, 1e-6);
    // The comparison row, selected.
    const row = page.locator(`[data-testid="strategy-compare"] tr[data-strategy="${c.label}"]`);
    await expect(row).toHaveAttribute("aria-selected", "true");
    // The order that opens it.
    await expect(page.getByTestId("order-ticket")).toHaveText(c.ticket);
    // Its figures, with their unrounded values; none of another strategy's.
    for (const [id, expected] of Object.entries(c.figures)) {
      await expect(page.getByTestId(id), id).toHaveCount(1);
      near(await value(page, id), expected, id.endsWith("strike") ? 1e-6 : 1e-9);
    }
    for (const id of OPTION_FIGURES.filter((id) => !(id in c.figures) && !id.endsWith("-vol"))) {
      if (id === "put-premium" && "put2-strike" in c.figures) continue;
      await expect(page.getByTestId(id), id).toHaveCount(0);
    }
    for (const id of ["liq-price", "locked-return", "hashprice-fixed"]) {
      await expect(page.getByTestId(id), id).toHaveCount(0);
    }
    expect(problems).toEqual([]);
  });
}

test("the lower put strike at or above the put strike is named, and the page keeps working", async ({ page }) => {
  await open(page, "./?hedge=putspread&kp=230&kp2=240");
  const message = page.locator(".engine-errors li", { hasText: "kp2:" });
  await expect(message).toContainText("less than the put strike 230");
  await expect(page.getByTestId("put2-strike")).toHaveCount(0);
  // The other strategies are still compared, and the lower put strike's field is shown.
  await expect(page.locator('[data-testid="strategy-compare"] tr[data-strategy="Forward"]')).toHaveCount(1);
  await expect(page.locator('input[data-field="kp2"]')).toBeVisible();
});

test("kc=zero with a covered call is named: it has nothing to pay for", async ({ page }) => {
  await open(page, "./?hedge=call&kc=zero");
  const message = page.locator(".engine-errors li", { hasText: "kc:" });
  await expect(message).toContainText("none for it to pay for");
  await expect(page.locator('input[data-field="kc"]')).toBeVisible();
});

test("the inputs a strategy needs are its entry's", async ({ page }) => {
  await open(page, "./?hedge=putspread&kp=230&kp2=190");
  await expect(page.locator('input[data-field="kp"]')).toBeVisible();
  await expect(page.locator('input[data-field="kp2"]')).toBeVisible();
  await expect(page.locator('input[data-field="kc"]')).toBeHidden();
  await expect(page.locator('input[data-field="fwd"]')).toBeHidden();
  await open(page, "./?hedge=call&kc=290");
  await expect(page.locator('input[data-field="kc"]')).toBeVisible();
  await expect(page.locator('input[data-field="kp"]')).toBeHidden();
  await expect(page.locator('input[data-field="kp2"]')).toBeHidden();
});

test("a program month of each: the seagull's lower put and solved call, at no net premium", async ({ page }) => {
  await openProgram(
    page,
    "./program/?v=2&mode=direct&start=2027-01-01&months=3&spot=250&basis=5&vol=80&rate=5&ph=putspread,seagull,call&pcov=100&pkp=90&pkp2=75&pkc=zero,zero,110",
  );
  const rows = await programRows(page);
  expect(rows.map((r) => r.hedge.text)).toEqual(["Put spread", "Three-way collar", "Covered call"]);
  // Month 2: the lower put at 75 % of its forward, the call solved to pay for the spread.
  near(Number(rows[1].put2_strike.value), 189.02155141152650524, 1e-9);
  near(Number(rows[1].call_strike.value), 317.40889316382515506, 1e-6);
  expect(Number(rows[1].premium.value)).toBe(0);
  // The put spread pays; the covered call receives.
  expect(Number(rows[0].premium.value)).toBeGreaterThan(0);
  expect(rows[0].call_strike.value).toBeNull();
  expect(Number(rows[2].premium.value)).toBeLessThan(0);
  expect(rows[2].put_strike.value).toBeNull();
  // Its ladder editor has the lower put strike's list.
  await expect(page.getByTestId("ladder-pkp2-2")).toHaveValue("75");
});
