// The program page's treasury end to end: a deterministic treasury from a link (every plan
// column and the loan's figures against the formulas of src/domain/program/treasury computed
// here), covered calls delivered and not, the simulated columns once the simulation is done,
// each treasury key's bad value and the cross-key rules named, the chart, the report's
// section, the two treasury presets, and the keys kept through the period page. Every test
// fails on a page error, a console error or a request to another origin.
const { test, expect } = require("@playwright/test");
const { watch, openProgram, chartInk, normalCdf } = require("./helpers");

// Direct mode, 10 coins a month at a cost of $500,000, spot $100,000, no rate or basis,
// unhedged, three months at forwards of $100,000, $90,000 and $80,000.
const BASE =
  "./program/?v=2&view=program&mode=direct&qty=10&cost=500000&spot=100000&vol=50&rate=0&basis=0" +
  "&start=2027-01-01&months=3&ph=none&pfwd=100000,90000,80000";
// 100 coins held, half of each month's coins kept, half the free coins lent at 4 % a year, a
// $3M loan at 10 % against 60 of them (margin call at 70 % LTV, liquidation at 85 %).
const TREASURY = "&hold0=100&sell=50&lend=50&lendy=4&loan=3000000&lrate=10&pledge=60&ltvmc=70&ltvliq=85";
const LINK = BASE + TREASURY;

const COLUMNS = [
  "month", "coins_held", "coins_pledged", "coins_lent", "lending_income", "default_loss", "coins_sold",
  "forced_sales", "shortfall", "cash", "loan", "ltv", "cc_premium", "cc_strike", "treasury_value",
  "value_p5", "value_p50", "value_p95", "sell_all_p50", "p_margin_call",
];
const SIMULATED = ["value_p5", "value_p50", "value_p95", "sell_all_p50", "p_margin_call"];
const FORWARDS = [100000, 90000, 80000];
const DAYS = [31, 28, 31];
const TERMS = {
  hold0: 100, cash0: 0, qty: 10, cost: 500000, sell: 0.5, lend: 0.5, lendy: 0.04,
  loan: 3e6, lrate: 0.1, pledge: 60, F: FORWARDS, days: DAYS,
};

const N = normalCdf;

/** Probability that a GBM from `spot` (drift `mu`, vol `vol`) touches `barrier` below spot
 * within `years` (continuous monitoring; src/domain/margin.rs touch_probability). */
function touch(barrier, { spot, mu, vol, years }) {
  const b = Math.log(barrier / spot);
  const nu = mu - 0.5 * vol * vol;
  const s = vol * Math.sqrt(years);
  return N((b - nu * years) / s) + Math.exp((2 * nu * b) / (vol * vol)) * N((b + nu * years) / s);
}

/** Black-76 call on a forward of 1 at strike `k`, no discounting (rate 0). */
function black76(k, vol, years) {
  const s = vol * Math.sqrt(years);
  const d1 = (Math.log(1 / k) + 0.5 * s * s) / s;
  return N(d1) - k * N(d1 - s);
}

/** The plan month by month (module docs of src/domain/program/treasury: no default risk, an
 * unhedged direct program whose month flow is −cost). `calls` (optional): per month
 * `{ share, strike, premium }`, the strike a share of the forward, the premium in USD. */
function ledger(t, calls = []) {
  let held = t.hold0;
  let pledged = t.pledge;
  let cash = t.cash0 + t.loan;
  let loan = t.loan;
  return t.F.map((F, m) => {
    const free = held - pledged;
    const lent = free * t.lend;
    const c = calls[m];
    const written = c ? free * c.share : 0;
    const strike = c ? c.strike * F : null;
    if (c) cash += c.premium;
    const sold = t.qty * t.sell;
    cash += sold * F - t.cost - (loan * t.lrate * t.days[m]) / 365;
    const income = (lent * t.lendy * t.days[m]) / 365;
    held += t.qty - sold + income;
    const exercised = written > 0 && F > strike;
    if (exercised) {
      held -= written;
      cash += written * strike;
    }
    const during = { loan, pledged };
    const ltv = loan > 0 ? (100 * loan) / (pledged * F) : null;
    if (m === t.F.length - 1) {
      cash -= loan;
      loan = 0;
      pledged = 0;
    }
    let forced = 0;
    if (cash < 0) {
      forced = -cash / F;
      if (forced > held - pledged) throw new Error("the case runs out of coins");
      held -= forced;
      cash = 0;
    }
    return {
      coins_held: held, coins_pledged: during.pledged, coins_lent: lent, lending_income: income,
      default_loss: 0, coins_sold: sold, forced_sales: forced, shortfall: 0, cash, loan, ltv,
      treasury_value: held * F + cash - loan, written, strike, exercised,
    };
  });
}

/** `x` equals `y` within `rel` relative error (absolute below 1). */
const near = (x, y, rel, what = "") =>
  expect(Math.abs(x - y), `${what}: ${x} vs ${y}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(y)));

/** The treasury table's rows as `{ col: { text, value } }`. */
const treasuryRows = (page) =>
  page.getByTestId("treasury-table").evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Object.fromEntries(
        Array.from(tr.querySelectorAll("td")).map((c) => [
          c.dataset.col,
          { text: c.textContent.trim(), value: c.hasAttribute("data-value") ? c.dataset.value : null },
        ]),
      ),
    ),
  );

/** A figure's `data-value` as a number (NaN without one). */
const figure = async (locator) => Number((await locator.getAttribute("data-value")) ?? NaN);

/** Waits until the page's simulation has finished. */
const simulated = (page) =>
  expect(page.getByTestId("program-summary")).toHaveAttribute("data-mc", "done", { timeout: 45_000 });

/** Opens `url` on the program page and waits for the treasury panel's state `state`. */
async function openTreasury(page, url, state = "ready") {
  const problems = await openProgram(page, url);
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", state);
  return problems;
}

test("a treasury from a link: the plan's columns and the loan's figures against the formulas, then the simulation", async ({ page }) => {
  const problems = await openTreasury(page, LINK);
  await expect(page.getByTestId("link-error")).toBeHidden();
  await expect(page.getByTestId("treasury-error")).toHaveCount(0);
  const table = page.getByTestId("treasury-table");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  expect(await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.dataset.col))).toEqual(COLUMNS);

  const expected = ledger(TERMS);
  // The case is what it means to be: the last month repays the loan by selling coins.
  expect(expected[2].forced_sales).toBeGreaterThan(2);
  const rows = await treasuryRows(page);
  expect(rows.map((r) => r.month.text)).toEqual(["2027-01", "2027-02", "2027-03"]);
  rows.forEach((r, i) => {
    expect(Object.keys(r)).toEqual(COLUMNS);
    const e = expected[i];
    for (const col of [
      "coins_held", "coins_pledged", "coins_lent", "lending_income", "default_loss", "coins_sold",
      "forced_sales", "shortfall", "cash", "loan", "ltv", "treasury_value",
    ]) {
      expect(r[col].value, `${col} of month ${i + 1}`).toMatch(/^-?\d+(\.\d+)?$/);
      near(Number(r[col].value), e[col], 1e-9, `${col} of month ${i + 1}`);
    }
    // No calls written: no premium, no strike.
    expect(r.cc_premium).toEqual({ text: "", value: null });
    expect(r.cc_strike).toEqual({ text: "", value: null });
  });

  // The loan's figures: prices, LTV at spot, the continuous touch probabilities (T_end =
  // 90/365) and the pledge that keeps a margin call's chance at pcall = 1 %.
  // The drift is the forward curve's growth to the last month: ln(80,000 / 100,000) / T_end.
  const path = { spot: 100000, mu: Math.log(0.8) / (90 / 365), vol: 0.5, years: 90 / 365 };
  const callPrice = 3e6 / (60 * 0.7);
  const liqPrice = 3e6 / (60 * 0.85);
  for (const id of ["ltv-start", "loan-call-price", "loan-liq-price", "loan-call-prob", "loan-liq-prob", "pledge-needed"]) {
    await expect(page.getByTestId(id)).toHaveAttribute("data-figure", id);
  }
  near(await figure(page.getByTestId("ltv-start")), (100 * 3e6) / (60 * 100000), 1e-12, "ltv-start");
  near(await figure(page.getByTestId("loan-call-price")), callPrice, 1e-12, "loan-call-price");
  near(await figure(page.getByTestId("loan-liq-price")), liqPrice, 1e-12, "loan-liq-price");
  const callProb = 100 * touch(callPrice, path);
  const liqProb = 100 * touch(liqPrice, path);
  expect(Math.abs((await figure(page.getByTestId("loan-call-prob"))) - callProb), `call prob ${callProb}`).toBeLessThanOrEqual(1e-6);
  expect(Math.abs((await figure(page.getByTestId("loan-liq-prob"))) - liqProb), `liq prob ${liqProb}`).toBeLessThanOrEqual(1e-6);
  expect(liqProb).toBeLessThan(callProb);
  const pledgeNeeded = await figure(page.getByTestId("pledge-needed"));
  expect(pledgeNeeded).toBeGreaterThan(60);
  expect(Math.abs(touch(3e6 / (pledgeNeeded * 0.7), path) - 0.01)).toBeLessThanOrEqual(1e-8);

  // The summary at the end of the last month (at its forward, the loan still out during it).
  const summary = page.getByTestId("program-summary");
  const fig = (id) => figure(summary.locator(`[data-figure=${id}]`));
  near(await fig("treasury_held"), expected[2].coins_held, 1e-9, "treasury_held");
  near(await fig("treasury_lent"), expected[2].coins_lent, 1e-9, "treasury_lent");
  near(await fig("treasury_pledged"), 60, 1e-12, "treasury_pledged");
  near(await fig("lending_income_to_date"), expected.reduce((s, e) => s + e.lending_income, 0), 1e-9, "lending income");
  expect(await fig("default_loss_to_date")).toBe(0);
  near(await fig("treasury_ltv"), 62.5, 1e-12, "treasury_ltv");
  near(await fig("margin_call_distance"), (100 * (80000 - callPrice)) / 80000, 1e-9, "margin_call_distance");
  near(await fig("treasury_value_end"), expected[2].treasury_value, 1e-9, "treasury_value_end");

  // Once simulated: the simulated columns and the month-end figures.
  await simulated(page);
  const after = await treasuryRows(page);
  expect(after.length).toBe(3);
  for (const [i, r] of after.entries()) {
    for (const col of SIMULATED) expect(r[col].value, `${col} of month ${i + 1}`).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/);
    const [p5, p50, p95] = ["value_p5", "value_p50", "value_p95"].map((c) => Number(r[c].value));
    expect(p5, `month ${i + 1}`).toBeLessThanOrEqual(p50);
    expect(p50, `month ${i + 1}`).toBeLessThanOrEqual(p95);
    const p = Number(r.p_margin_call.value);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(100);
  }
  // The month-end figures are percents, a liquidation no likelier than a margin call (their
  // bound by the continuous figures is the next tests': this curve falls, see below).
  const monthly = page.getByTestId("loan-call-prob-monthly");
  await expect(monthly).toHaveAttribute("data-value", /\d/);
  const callMonthly = await figure(monthly);
  const liqMonthly = await figure(page.getByTestId("loan-liq-prob-monthly"));
  expect(liqMonthly).toBeGreaterThanOrEqual(0);
  expect(liqMonthly).toBeLessThanOrEqual(callMonthly);
  expect(callMonthly).toBeLessThanOrEqual(100);
  for (const id of ["treasury_value_p5", "treasury_value_p50", "sell_all_value_p50"]) {
    expect(await fig(id), id).not.toBeNaN();
  }
  expect(await fig("treasury_value_p5")).toBeLessThanOrEqual(await fig("treasury_value_p50"));
  expect(problems).toEqual([]);
});

/** Opens `url`, waits for the simulation and returns the loan's continuous and simulated
 * (month-end) probabilities, in percent. */
async function loanProbabilities(page, url) {
  const problems = await openTreasury(page, url);
  const monthly = page.getByTestId("loan-call-prob-monthly");
  await simulated(page);
  await expect(monthly).toHaveAttribute("data-value", /\d/);
  const get = (id) => figure(page.getByTestId(id));
  return {
    problems,
    call: await get("loan-call-prob"),
    liq: await get("loan-liq-prob"),
    callMonthly: await get("loan-call-prob-monthly"),
    liqMonthly: await get("loan-liq-prob-monthly"),
  };
}

test("on a flat curve the simulated month-end margin call is no likelier than the continuous touch", async ({ page }) => {
  // The same treasury with every forward at spot (basis 0): the simulation's law is the closed
  // form's (mu = 0), monitored at month ends only.
  const p = await loanProbabilities(page, BASE.replace("&pfwd=100000,90000,80000", "") + TREASURY);
  const path = { spot: 100000, mu: 0, vol: 0.5, years: 90 / 365 };
  expect(Math.abs(p.call - 100 * touch(3e6 / (60 * 0.7), path))).toBeLessThanOrEqual(1e-6);
  expect(p.callMonthly).toBeGreaterThan(0);
  expect(p.callMonthly).toBeLessThanOrEqual(p.call + 5);
  expect(p.liqMonthly).toBeLessThanOrEqual(p.liq + 5);
  expect(p.problems).toEqual([]);
});

// On a falling curve (100,000, 90,000, 80,000 from spot 100,000, basis 0) the closed form
// takes the curve's drift, ln(80,000/100,000)/(90/365), as the simulation follows the
// forwards: the month-end shares stay under the continuous ones (38 % against 51 % for the
// margin call, 13 % against 20 % for the liquidation).
test("with pfwd the continuous touch probabilities follow the simulated curve", async ({ page }) => {
  const p = await loanProbabilities(page, LINK);
  expect(p.callMonthly).toBeLessThanOrEqual(p.call + 5);
  expect(p.liqMonthly).toBeLessThanOrEqual(p.liq + 5);
  expect(p.problems).toEqual([]);
});

test("covered calls: a month above the strike delivers the coins at it, a month below keeps them", async ({ page }) => {
  // A fifth of the free coins written each month, at 90 % of the forward in January (the plan
  // settles at the forward: exercised), then at 120 % (not).
  const problems = await openTreasury(page, LINK + "&cc=20&cck=90,120");
  const rows = await treasuryRows(page);
  expect(rows.length).toBe(3);
  const premiums = rows.map((r) => Number(r.cc_premium.value));
  for (const [i, p] of premiums.entries()) expect(p, `premium of month ${i + 1}`).toBeGreaterThan(0);
  const strikes = [0.9, 1.2, 1.2];
  const expected = ledger(TERMS, strikes.map((k, i) => ({ share: 0.2, strike: k, premium: premiums[i] })));
  expect(expected.map((e) => e.exercised)).toEqual([true, false, false]);
  rows.forEach((r, i) => {
    const e = expected[i];
    near(Number(r.cc_strike.value), strikes[i] * FORWARDS[i], 1e-12, `strike of month ${i + 1}`);
    // The premium is Black-76 on the month's forward (vol 50 %, rate 0, the month's days).
    near(premiums[i], e.written * FORWARDS[i] * black76(strikes[i], 0.5, DAYS[i] / 365), 1e-6, `premium of month ${i + 1}`);
    for (const col of ["coins_held", "coins_lent", "cash", "forced_sales", "treasury_value"]) {
      near(Number(r[col].value), e[col], 1e-9, `${col} of month ${i + 1}`);
    }
  });
  // January by its own steps: the coins written leave, the cash gets strike and premium.
  const free = 100 - 60;
  const written = 0.2 * free;
  const income = (0.5 * free * 0.04 * 31) / 365;
  near(Number(rows[0].coins_held.value), 100 + 5 + income - written, 1e-12, "January's coins");
  const cashWithout = 3e6 + 5 * 100000 - 500000 - (3e6 * 0.1 * 31) / 365;
  near(Number(rows[0].cash.value), cashWithout + written * 90000 + premiums[0], 1e-12, "January's cash");
  // February keeps its written coins: held grows by the kept coins and the interest only.
  const freeFeb = Number(rows[0].coins_held.value) - 60;
  const heldFeb = Number(rows[0].coins_held.value) + 5 + (0.5 * freeFeb * 0.04 * 28) / 365;
  near(Number(rows[1].coins_held.value), heldFeb, 1e-12, "February's coins");
  near(
    Number(rows[1].cash.value),
    Number(rows[0].cash.value) + premiums[1] + 5 * 90000 - 500000 - (3e6 * 0.1 * 28) / 365,
    1e-12,
    "February's cash",
  );
  expect(problems).toEqual([]);
});

test("a bad value of each treasury key, and each cross-key rule, is named; the program still shows", async ({ page }) => {
  const problems = watch(page, BASE);
  const banner = page.getByTestId("link-error");
  const expectNamed = async (query, text) => {
    await page.goto(BASE + query);
    await expect(page.getByTestId("program-table")).toBeVisible();
    await expect(banner, query).toBeVisible();
    await expect(banner, query).toContainText(text);
    await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(3);
    await expect(page.getByTestId("program-chart")).toBeVisible();
  };
  for (const [key, value] of [
    ["hold0", "-1"], ["cash0", "-5"], ["sell", "150"], ["lend", "101"], ["lendy", "200"],
    ["lpd", "-1"], ["lgd", "101"], ["loan", "-1"], ["lrate", "101"], ["pledge", "-2"],
    ["ltvmc", "0"], ["ltvliq", "150"], ["pcall", "100"], ["cc", "120"], ["cck", "0"],
  ]) {
    await expectNamed(`&${key}=${value}`, `${key} = "${value}"`);
  }
  // Cross-key rules: more coins pledged than held; a liquidation LTV not above the margin
  // call's; a loan with no coins to pledge; a loan already at the margin call at spot.
  await expectNamed("&hold0=10&pledge=11", 'pledge = "11"');
  await expectNamed("&hold0=10&ltvliq=70&ltvmc=80", 'ltvliq = "70"');
  await expectNamed("&loan=1000", 'loan = "1000"');
  await expectNamed("&hold0=10&loan=800000", 'loan = "800000"');
  await expect(banner).toContainText("ltvmc");
  // What was refused falls back to its default: the coins held still make a treasury.
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("ltv-start")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("the treasury chart is drawn and not blank once simulated", async ({ page }) => {
  const problems = await openTreasury(page, LINK);
  const panel = page.getByTestId("treasury");
  await expect.poll(async () => Number(await panel.getAttribute("data-drawn"))).toBeGreaterThan(0);
  await expect(page.getByTestId("treasury-chart")).toBeVisible();
  await simulated(page);
  await expect.poll(async () => (await chartInk(page, "treasury-chart")).ink).toBeGreaterThan(2000);
  const ink = await chartInk(page, "treasury-chart");
  expect(ink.width).toBeGreaterThan(0);
  expect(ink.height).toBeGreaterThan(0);
  expect(ink.colours).toBeGreaterThan(2);
  expect(problems).toEqual([]);
});

test("the report's treasury section: its lines at the start, or none without a treasury", async ({ page }) => {
  const problems = await openTreasury(page, LINK);
  const report = page.getByTestId("program-report");
  await expect(report.locator("h3", { hasText: "The treasury" })).toHaveCount(1);
  const line = (col) => report.locator(`dd[data-col=${col}]`);
  await expect(line("treasury_as_of")).toHaveText("at the start");
  const values = {
    treasury_held: 100,
    treasury_lent: 0,
    treasury_pledged: 60,
    lending_income_to_date: 0,
    default_loss_to_date: 0,
    treasury_ltv: 50,
    margin_call_distance: (100 * (100000 - 3e6 / (60 * 0.7))) / 100000,
  };
  for (const [col, v] of Object.entries(values)) {
    await expect(line(col), col).toHaveCount(1);
    await expect(line(col), col).toHaveAttribute("data-value", /^-?\d+(\.\d+)?$/);
    near(await figure(line(col)), v, 1e-9, col);
    await expect(line(col), col).not.toHaveText("");
  }
  await expect(line("treasury")).toHaveCount(0);

  await page.goto(BASE);
  await expect(page.getByTestId("program-table")).toBeVisible();
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "none");
  await expect(line("treasury")).toHaveText(/^none/);
  await expect(line("treasury_held")).toHaveCount(0);
  await expect(page.getByTestId("treasury-table").locator("tbody tr")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("the two treasury presets open their treasury: the loan at 30 % LTV, calls only in the second", async ({ page }) => {
  const problems = await openProgram(page, "./program/?v=2&view=program&start=2027-01-01");
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "none");
  const strikes = () =>
    page.locator("[data-testid=treasury-table] td[data-col=cc_strike]").evaluateAll((tds) =>
      tds.map((td) => (td.hasAttribute("data-value") ? Number(td.dataset.value) : null)),
    );
  for (const i of [4, 5]) {
    await page.getByTestId(`program-preset-${i}`).click();
    await expect(page).toHaveURL(/hold0=1000/);
    await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "ready");
    await expect(page.getByTestId("treasury-table").locator("tbody tr")).toHaveCount(12);
    near(await figure(page.getByTestId("ltv-start")), (100 * 14_250_000) / (500 * 95_000), 1e-9, "ltv-start");
    const k = await strikes();
    expect(k.length).toBe(12);
    if (i === 4) {
      expect(k).toEqual(Array(12).fill(null));
    } else {
      for (const v of k) expect(v).toBeGreaterThan(0);
    }
  }
  expect(problems).toEqual([]);
});

test("the treasury keys go through the period page and back; defaults only without them", async ({ page }) => {
  const problems = watch(page, BASE);
  const roundTrip = async () => {
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.getByTestId("view-period").click()]);
    await expect(page.getByTestId("payoff-table")).toBeVisible();
    await expect(page.getByTestId("link-error")).toBeHidden();
    const period = new URL(page.url()).searchParams;
    await page.getByTestId("view-program").click();
    await expect(page).toHaveURL(/\/program\/\?/);
    await expect(page.getByTestId("program-table")).toBeVisible();
    return period;
  };
  // Without treasury keys (every coin sold): the way back writes them at most at their
  // defaults, and there is still no treasury.
  await page.goto(BASE);
  await expect(page.getByTestId("program-table")).toBeVisible();
  const plain = await roundTrip();
  for (const q of [plain, new URL(page.url()).searchParams]) {
    for (const [key, value] of [["hold0", "0"], ["cash0", "0"], ["sell", "100"], ["loan", "0"], ["cc", "0"]]) {
      expect([null, value], key).toContain(q.get(key));
    }
  }
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "none");

  await page.goto(BASE + "&hold0=5&sell=60");
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "ready");
  const period = await roundTrip();
  expect(period.get("hold0")).toBe("5");
  expect(period.get("sell")).toBe("60");
  const q = new URL(page.url()).searchParams;
  expect(q.get("hold0")).toBe("5");
  expect(q.get("sell")).toBe("60");
  await expect(page.getByTestId("treasury")).toHaveAttribute("data-state", "ready");
  await expect(page.getByTestId("link-error")).toBeHidden();
  const rows = await treasuryRows(page);
  expect(rows.length).toBe(3);
  // 5 coins, 40 % of each month's 10 kept, each month's cost short of the coins sold.
  const expected = ledger({ ...TERMS, hold0: 5, sell: 0.6, lend: 0, loan: 0, pledge: 0 });
  rows.forEach((r, i) => near(Number(r.coins_held.value), expected[i].coins_held, 1e-9, `coins held of month ${i + 1}`));
  expect(problems).toEqual([]);
});
