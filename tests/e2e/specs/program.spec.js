// The program page end to end (dist/program/, its own wasm): the `view=program` redirect at
// the root and under a sub-path, the month table's cells and unrounded values, the simulated
// fan, the ladder editor and quick fills reaching the link, the chart, the summary, a bad
// link value, and the way back to the period page. Every test fails on a page error, a
// console error or a request to another origin.
const { test, expect } = require("@playwright/test");
const { SUB, watch, open, openProgram, programRows, chartInk, shareUrl } = require("./helpers");

// Direct mode: 5 coins a month at $1,100, spot $250, a near-zero volatility.
const LINK = "?v=2&view=program&start=2027-01-01&months=6&mode=direct&qty=5&cost=1100&spot=250&vol=0.0001";
// Every month fully sold forward, no difficulty noise: each month's cash is known exactly.
const FLAT = LINK + "&ph=forward&pcov=100&dvol=0";
const START = Date.UTC(2027, 0, 1);
const MONTHS = ["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"];
const DAYS = [31, 28, 31, 30, 31, 30];
const DEFAULT_PCOV = [80, 80, 80, 60, 60, 60, 40];

/** Month m's forward (m from 1): spot·e^{basis·T}, T = days from the start to the first day
 * of the next month / 365, basis 5 % (the default). */
const forward = (m, spot = 250, basisPct = 5) =>
  spot * Math.exp((basisPct / 100) * ((Date.UTC(2027, m, 1) - START) / 86_400_000 / 365));

/** `a` equals `b` within `rel` relative error. */
const close = (a, b, rel) => Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);

/** The list `list` with item `i` (from 0) replaced, trailing repeats dropped: what a ladder
 * edit writes to the link. */
function withItem(list, i, item) {
  const items = list.split(",").map((t) => t.trim());
  const last = items[items.length - 1];
  while (items.length < i + 2) items.push(last);
  items[i] = item;
  while (items.length > 1 && items[items.length - 1] === items[items.length - 2]) items.pop();
  return items.join(",");
}

/** Waits until the page's simulation has finished (summary and chart both say so). */
async function simulated(page) {
  await expect(page.getByTestId("program-summary")).toHaveAttribute("data-mc", "done", { timeout: 45_000 });
  await expect(page.locator("section:has(> [data-testid=program-chart])")).toHaveAttribute("data-simulated", "true");
}

/** `key=value` as the link writes it (literal commas), as a whole parameter. */
const param = (key, value) => new RegExp(`[?&]${key}=${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(&|$)`);

test("a view=program link at the root opens the program page with its table", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  expect(new URL(page.url()).pathname).toBe("/program/");
  expect(new URL(page.url()).searchParams.get("view")).toBe("program");
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(6);
  await expect(page.getByTestId("view-program")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("link-error")).toBeHidden();
  await expect(page.getByTestId("program-error")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a view=program link under a sub-path opens the program page there, loading only its own files", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const base = SUB + "/tools/minerhedge/";
  const problems = await openProgram(page, base + LINK);
  expect(page.url().startsWith(base + "program/?")).toBe(true);
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(6);
  await simulated(page);
  for (const u of requests) {
    if (!u.startsWith("data:")) expect(u.startsWith(base)).toBe(true);
  }
  expect(requests.some((u) => /program\/program-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  expect((await shareUrl(page)).startsWith(base + "program/?v=2")).toBe(true);
  expect(problems).toEqual([]);
});

test("the month table: labels, days, output, cost, forward curve and the cells that do not apply", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(6);
  const header = await page
    .getByTestId("program-table")
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => th.dataset.col));
  expect(header).toEqual([
    "month", "days", "difficulty", "subsidy", "output", "cost", "forward", "hedge", "coverage", "hedged",
    "put_strike", "put2_strike", "call_strike", "premium", "locked", "floor", "collateral", "cash_p5", "cash_cvar95", "cash_p50", "cash_p95",
  ]);
  const rows = await programRows(page);
  expect(rows.map((r) => r.month.text)).toEqual(MONTHS);
  expect(rows.map((r) => r.month.value)).toEqual(MONTHS.map(() => null));
  expect(rows.map((r) => r.days.text)).toEqual(DAYS.map(String));
  expect(rows.map((r) => r.days.value)).toEqual(DAYS.map(String));
  rows.forEach((r, i) => {
    const m = i + 1;
    const F = forward(m);
    expect(Object.keys(r)).toEqual(header);
    expect(r.output.value).toBe("5");
    expect(r.cost.value).toBe("1100");
    // data-value is a plain decimal (no exponent, no grouping).
    for (const col of ["forward", "coverage", "hedged", "locked", "floor"]) {
      expect(r[col].value, `${col} of month ${m}`).toMatch(/^-?\d+(\.\d+)?$/);
    }
    expect(close(Number(r.forward.value), F, 1e-9), `forward of month ${m}: ${r.forward.value} vs ${F}`).toBe(true);
    expect(r.forward.text).toBe("$" + F.toFixed(2));
    expect(r.hedge.text).toBe("Forward");
    expect(r.hedge.value).toBeNull();
    const cov = DEFAULT_PCOV[i];
    expect(r.coverage.value).toBe(String(cov));
    const hedged = (5 * cov) / 100;
    expect(Number(r.hedged.value)).toBe(hedged);
    expect(close(Number(r.locked.value), hedged * F, 1e-9)).toBe(true);
    // Direct mode has no difficulty or subsidy; a forward month has no strikes or premium.
    for (const col of ["difficulty", "subsidy", "put_strike", "call_strike", "premium"]) {
      expect(r[col], `${col} of month ${m}`).toEqual({ text: "", value: null });
    }
  });
  expect(problems).toEqual([]);
});

test("put and collar months show their strikes; a put month locks nothing", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK.replace("months=6", "months=3") + "&ph=forward,put,collar&pkp=90&pkc=120");
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(3);
  const [fwd, put, collar] = await programRows(page);
  expect(fwd.put_strike).toEqual({ text: "", value: null });
  expect(fwd.premium).toEqual({ text: "", value: null });
  expect(put.put_strike.value).not.toBeNull();
  expect(close(Number(put.put_strike.value), 0.9 * forward(2), 1e-9)).toBe(true);
  expect(put.call_strike).toEqual({ text: "", value: null });
  expect(put.locked).toEqual({ text: "", value: null });
  expect(put.premium.value).toMatch(/^-?\d+(\.\d+)?$/);
  expect(close(Number(collar.put_strike.value), 0.9 * forward(3), 1e-9)).toBe(true);
  expect(close(Number(collar.call_strike.value), 1.2 * forward(3), 1e-9)).toBe(true);
  expect(collar.locked).toEqual({ text: "", value: null });
  expect(problems).toEqual([]);
});

test("an index power contract adds the month table's power columns, each with its unrounded value", async ({ page }) => {
  // A BTC rig of 3.5 MW (200 PH/s at 17.5 J/TH) paying each hour's price, the month's mean
  // $45, $50, then $60 (the last repeated), with a $1,000 per MW per 30 days capacity credit.
  const link =
    "./?v=2&view=program&start=2027-01-01&months=6&mode=rig&coin=BTC&spot=100000&vol=50&hr=200000&eff=17.5" +
    "&opex=0&ph=collar&pcov=80&ptype=index&pidx=45,50,60&psd=0.6&drc=1000&pvol=30&pcorr=-50&paths=2000";
  const problems = await openProgram(page, link);
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(6);
  const header = await page
    .getByTestId("program-table")
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => th.dataset.col));
  expect(header.slice(4, 11)).toEqual(["output", "cost", "pidx", "run_share", "power_cost", "power_credits", "forward"]);
  const rows = await programRows(page);
  const pidx = [45, 50, 60, 60, 60, 60];
  rows.forEach((r, i) => {
    const m = i + 1;
    expect(Object.keys(r)).toEqual(header);
    for (const col of ["pidx", "run_share", "power_cost", "power_credits", "output", "cost"]) {
      expect(r[col].value, `${col} of month ${m}`).toMatch(/^-?\d+(\.\d+)?$/);
      expect(r[col].text, `${col} of month ${m}`).not.toMatch(/NaN|^$/);
    }
    expect(Number(r.pidx.value)).toBe(pidx[i]);
    expect(r.pidx.text).toBe(`$${pidx[i].toFixed(2)}/MWh`);
    // The rig curtails: it runs in some of the hours, not all.
    const u = Number(r.run_share.value);
    expect(u > 0 && u < 100, `run share of month ${m}: ${u}`).toBe(true);
    expect(r.run_share.text).toBe(`${u.toFixed(1)}%`);
    // No other costs: the cash cost is the power bought at the forward.
    expect(close(Number(r.cost.value), Number(r.power_cost.value), 1e-12)).toBe(true);
    // The capacity credit: $1,000 per MW per 30 days on 3.5 MW.
    expect(close(Number(r.power_credits.value), (1000 * 3.5 * DAYS[i]) / 30, 1e-12)).toBe(true);
    // Coverage is a share of the month's output at its forward.
    expect(close(Number(r.hedged.value), 0.8 * Number(r.output.value), 1e-12)).toBe(true);
  });
  await simulated(page);
  const summary = page.getByTestId("program-summary");
  const credits = rows.reduce((s, r) => s + Number(r.power_credits.value), 0);
  const figure = await summary.locator("[data-figure=power_credits]").getAttribute("data-value");
  expect(close(Number(figure), credits, 1e-9), `${figure} vs ${credits}`).toBe(true);
  for (const r of await programRows(page)) {
    expect(r.cash_p50.value).toMatch(/^-?\d+(\.\d+)?$/);
  }
  expect(problems).toEqual([]);
});

test("fully sold forward with no difficulty noise, the fan collapses to qty·F − cost", async ({ page }) => {
  const problems = await openProgram(page, "./" + FLAT);
  await simulated(page);
  const rows = await programRows(page);
  expect(rows.length).toBe(6);
  rows.forEach((r, i) => {
    const m = i + 1;
    const F = forward(m);
    const cash = 5 * F - 1100;
    expect(r.coverage.value).toBe("100");
    expect(close(Number(r.locked.value), 5 * F, 1e-9), `locked of month ${m}`).toBe(true);
    for (const col of ["cash_p5", "cash_cvar95", "cash_p50", "cash_p95"]) {
      expect(r[col].value, `${col} of month ${m}`).not.toBeNull();
      expect(close(Number(r[col].value), cash, 1e-6), `${col} of month ${m}: ${r[col].value} vs ${cash}`).toBe(true);
      expect(r[col].text).toBe("$" + cash.toFixed(2));
    }
  });
  // The summary agrees: every month's cash is positive, the total is the sum.
  const figure = (id) => page.locator(`[data-testid=program-summary] [data-figure=${id}]`);
  const total = [1, 2, 3, 4, 5, 6].reduce((s, m) => s + 5 * forward(m) - 1100, 0);
  expect(close(Number(await figure("expected_total").getAttribute("data-value")), total, 1e-6)).toBe(true);
  expect(close(Number(await figure("total_p5").getAttribute("data-value")), total, 1e-6)).toBe(true);
  expect(close(Number(await figure("total_cvar95").getAttribute("data-value")), total, 1e-6)).toBe(true);
  await expect(figure("prob_negative_month")).toHaveAttribute("data-value", "0");
  expect(problems).toEqual([]);
});

test("a per-month ladder edit reaches the link, the share link and the table, without history entries", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  const historyBefore = await page.evaluate(() => history.length);
  const input = page.getByTestId("ladder-pcov-3");
  await expect(input).toHaveValue("80");
  await input.fill("25");
  await input.dispatchEvent("change");
  const expected = withItem(DEFAULT_PCOV.join(","), 2, "25");
  expect(expected).toBe("80,80,25,60,60,60,40");
  await expect.poll(() => page.evaluate(() => location.search)).toMatch(param("pcov", expected));
  await expect(page.getByTestId("share-url")).toHaveAttribute("value", param("pcov", expected));
  const coverage = page.locator("[data-testid=program-table] tbody tr td[data-col=coverage]");
  await expect(coverage.nth(2)).toHaveAttribute("data-value", "25");
  const rows = await programRows(page);
  expect(rows.map((r) => r.coverage.value)).toEqual(["80", "80", "25", "60", "60", "60"]);
  expect(Number(rows[2].hedged.value)).toBe(1.25);
  await expect(page.locator("#field-pcov")).toHaveValue(expected);
  await expect(page.getByTestId("ladder-pcov-3")).toHaveValue("25");
  await expect(page.getByTestId("ladder-pcov-4")).toHaveValue("60");

  // One month's hedge: month 2 becomes a put.
  await page.getByTestId("ladder-ph-2").selectOption("put");
  await expect.poll(() => page.evaluate(() => location.search)).toMatch(param("ph", "forward,put,forward"));
  await expect(page.locator("[data-testid=program-table] tbody tr:nth-child(2) td[data-col=put_strike]")).toHaveAttribute(
    "data-value",
    /^\d+(\.\d+)?$/,
  );
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  expect(problems).toEqual([]);
});

test("quick fills: declining coverage from 90 to 30 over 4 months, flat, and one hedge for every month", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK.replace("months=6", "months=4"));
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(4);
  const coverage = async () => (await programRows(page)).map((r) => r.coverage.value);
  await page.getByTestId("fill-first").fill("90");
  await page.getByTestId("fill-last").fill("30");
  await page.getByTestId("fill-declining").click();
  await expect.poll(() => page.evaluate(() => location.search)).toMatch(param("pcov", "90,70,50,30"));
  await expect(page.getByTestId("share-url")).toHaveAttribute("value", param("pcov", "90,70,50,30"));
  await expect.poll(coverage).toEqual(["90", "70", "50", "30"]);
  for (const [n, v] of [[1, "90"], [2, "70"], [3, "50"], [4, "30"]]) {
    await expect(page.getByTestId(`ladder-pcov-${n}`)).toHaveValue(v);
  }

  await page.getByTestId("fill-flat").click();
  await expect.poll(() => page.evaluate(() => location.search)).toMatch(param("pcov", "90"));
  await expect.poll(coverage).toEqual(["90", "90", "90", "90"]);

  await page.getByTestId("fill-hedge").selectOption("put");
  await expect.poll(() => page.evaluate(() => location.search)).toMatch(param("ph", "put"));
  await expect
    .poll(async () => (await programRows(page)).map((r) => r.put_strike.value !== null && r.locked.value === null))
    .toEqual([true, true, true, true]);
  expect(problems).toEqual([]);
});

test("the cash-flow chart is drawn and not blank once simulated", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  const section = page.locator("section:has(> [data-testid=program-chart])");
  await expect.poll(async () => Number(await section.getAttribute("data-drawn"))).toBeGreaterThanOrEqual(1);
  await simulated(page);
  await expect.poll(async () => (await chartInk(page, "program-chart")).ink).toBeGreaterThan(2000);
  const ink = await chartInk(page, "program-chart");
  expect(ink.width).toBeGreaterThan(0);
  expect(ink.height).toBeGreaterThan(0);
  expect(ink.colours).toBeGreaterThan(2);
  expect(problems).toEqual([]);
});

test("the summary shows its figures, then the simulated risk once the simulation is done", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  const summary = page.getByTestId("program-summary");
  await expect(summary).toBeVisible();
  const ids = [
    "output", "cost", "full_cost", "premium", "locked",
    "prob_negative_month", "lowest_cumulative_p5", "prob_negative_end", "expected_total", "total_p5",
    "total_cvar95", "sim-drift", "collateral_peak",
  ];
  await expect
    .poll(() => summary.locator("[data-figure]").evaluateAll((es) => es.map((e) => e.dataset.figure)))
    .toEqual(ids);
  await expect(summary.locator("[data-figure=output]")).toHaveAttribute("data-value", "30");
  await expect(summary.locator("[data-figure=cost]")).toHaveAttribute("data-value", "6600");
  await expect(summary.locator("[data-figure=full_cost]")).toHaveAttribute("data-value", "6600");
  const locked = [1, 2, 3, 4, 5, 6].reduce((s, m) => s + ((5 * DEFAULT_PCOV[m - 1]) / 100) * forward(m), 0);
  expect(close(Number(await summary.locator("[data-figure=locked]").getAttribute("data-value")), locked, 1e-9)).toBe(true);
  await simulated(page);
  await expect(page.getByTestId("program-mc-status")).toHaveText("10,000 paths simulated");
  for (const id of ids.filter((id) => id !== "sim-drift")) {
    await expect(summary.locator(`[data-figure=${id}]`), id).toHaveAttribute("data-value", /^-?\d+(\.\d+)?(e-?\d+)?$/);
  }
  // The simulated price follows the forward curve unless the link states a drift.
  await expect(summary.locator("[data-figure=sim-drift]")).toContainText("the forward curve");
  const p = Number(await summary.locator("[data-figure=prob_negative_month]").getAttribute("data-value"));
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(100); // percent
  const pEnd = Number(await summary.locator("[data-figure=prob_negative_end]").getAttribute("data-value"));
  expect(pEnd).toBeGreaterThanOrEqual(0);
  expect(pEnd).toBeLessThanOrEqual(p);
  // The percentile columns are filled too.
  const rows = await programRows(page);
  for (const r of rows) {
    const [cvar, p5, p50, p95] = ["cash_cvar95", "cash_p5", "cash_p50", "cash_p95"].map((c) => Number(r[c].value));
    expect(r.cash_p5.value).not.toBeNull();
    expect(cvar).toBeLessThanOrEqual(p5);
    expect(p5).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p95);
  }
  expect(problems).toEqual([]);
});

test("rig mode with capex adds the payback figure", async ({ page }) => {
  const problems = await openProgram(page, "./?v=2&view=program&start=2027-01-01&months=6&mode=rig&coin=BTC&spot=95000&vol=50&capex=300");
  const summary = page.getByTestId("program-summary");
  await expect(summary.locator("[data-figure=payback]")).toHaveCount(1);
  const rows = await programRows(page);
  expect(rows.length).toBe(6);
  expect(rows[0].difficulty.value).toMatch(/^\d+$/);
  expect(rows[0].subsidy.value).not.toBeNull();
  await simulated(page);
  await expect(summary.locator("[data-figure=payback] dd")).not.toHaveText("");
  expect(problems).toEqual([]);
});

test("a bad list value is named in link-error and the table still shows, with the default coverage", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK + "&pcov=80,x");
  const banner = page.getByTestId("link-error");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('pcov = "80,x": item 2 ("x"): not a number');
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(6);
  const rows = await programRows(page);
  expect(rows.map((r) => r.coverage.value)).toEqual(DEFAULT_PCOV.slice(0, 6).map(String));
  await simulated(page);
  expect(problems).toEqual([]);
});

test("an invalid list typed into a field shows its message; the table keeps the last valid program", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  const before = (await programRows(page)).map((r) => r.coverage.value);
  await page.locator("#field-pcov").fill("70,abc");
  const msg = page.getByTestId("error-pcov");
  await expect(msg).toBeVisible();
  await expect(msg).toContainText("pcov");
  await expect(msg).toContainText("abc");
  expect((await programRows(page)).map((r) => r.coverage.value)).toEqual(before);
  await page.locator("#field-pcov").fill("70,50");
  await expect(msg).toBeHidden();
  await expect.poll(async () => (await programRows(page)).map((r) => r.coverage.value)).toEqual(["70", "50", "50", "50", "50", "50"]);
  await expect.poll(() => page.evaluate(() => location.search)).toMatch(param("pcov", "70,50"));
  await page.locator("#field-months").fill("40");
  await expect(page.getByTestId("error-months")).toBeVisible();
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(6);
  expect(problems).toEqual([]);
});

test("the view-period link opens the period page with the program's keys kept", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK + "&pcov=90,70");
  const link = page.getByTestId("view-period");
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", /^\.\.\/\?/);
  await Promise.all([page.waitForURL((u) => u.pathname === "/"), link.click()]);
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(page.getByTestId("chart")).toBeVisible();
  const q = new URL(page.url()).searchParams;
  expect(q.get("view")).not.toBe("program");
  expect(q.get("start")).toBe("2027-01-01");
  expect(q.get("months")).toBe("6");
  expect(q.get("pcov")).toBe("90,70");
  expect(q.get("qty")).toBe("5");
  expect(q.get("spot")).toBe("250");
  await expect(page.getByTestId("link-error")).toBeHidden();
  // The period page keeps them in its own link too.
  await expect(page.getByTestId("share-url")).toHaveAttribute("value", param("pcov", "90,70"));
  expect(problems).toEqual([]);
});

test("the period page's Program link opens the program with the scenario's keys", async ({ page }) => {
  const problems = watch(page, "/");
  await page.goto("/?v=2&coin=BTC&spot=95000&months=18&pcov=70,50&start=2027-03-01");
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await page.getByTestId("view-program").click();
  await expect(page).toHaveURL(/\/program\/\?/);
  await expect(page.getByTestId("program-table")).toBeVisible();
  const rows = await programRows(page);
  expect(rows.length).toBe(18);
  expect(rows[0].month.text).toBe("2027-03");
  expect(rows[0].coverage.value).toBe("70");
  expect(rows[5].coverage.value).toBe("50");
  expect(problems).toEqual([]);
});

test("a program preset opens its program", async ({ page }) => {
  const problems = await openProgram(page, "/program/?v=2&view=program&start=2027-01-01");
  await page.getByTestId("program-preset-1").click();
  await expect(page).toHaveURL(/ph=collar/);
  const rows = await programRows(page);
  expect(rows.length).toBe(12);
  expect(rows[0].month.text).toBe("2027-11");
  expect(rows[0].hedge.text).toBe("Zero-cost collar");
  expect(Number(rows[0].call_strike.value)).toBeGreaterThan(Number(rows[0].forward.value));
  expect(problems).toEqual([]);
});

test("a stated drift is shown as the treasurer's view on both pages", async ({ page }) => {
  await openProgram(page, "./program/?v=2&months=3&drift=30");
  const fig = page.getByTestId("program-summary").locator("[data-figure=sim-drift]");
  await expect(fig).toContainText("30% a year (your view, not the market's)");
  await expect(fig).toHaveAttribute("data-value", "30");
  await open(page, "./?v=2&hedge=put&paths=2000&drift=30");
  await expect(page.getByTestId("sim-drift")).toHaveText("30% a year (your view, not the market's)");
  await open(page, "./?v=2&hedge=put&paths=2000");
  await expect(page.getByTestId("sim-drift")).toHaveText("the market's: the rate, 5.0% a year");
  await expect(page.getByTestId("sim-drift")).toHaveAttribute("data-value", "5");
});
