// Actuals against the plan and the monthly report (issue 11) on the program page: actuals
// from a link appear in the actuals table and the report, the hedge's effectiveness over the
// months so far, the rebalancing on the actual output, a bad actual named,
// and the report as CSV.
const { test, expect } = require("@playwright/test");
const { openProgram, shareUrl } = require("./helpers");

// Three months of 5 ETH for $1,100, each sold forward in full at $260 (no rate, no basis).
const LINK =
  "?v=2&view=program&start=2027-01-01&months=3&mode=direct&qty=5&cost=1100&spot=260&rate=0&basis=0&pfwd=260&ph=forward&pcov=100";

const actualsRows = (page) =>
  page.getByTestId("actuals-table").evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Object.fromEntries(Array.from(tr.querySelectorAll("td")).map((c) => [c.dataset.col, { text: c.textContent.trim(), value: c.dataset.value ?? null }])),
    ),
  );

const figure = (page, id) => page.locator(`[data-testid=program-actuals] [data-figure=${id}]`);

test("actuals from a link: the table, the effectiveness and the report", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK + "&aq=5,4&apx=200,300");
  await expect(page.getByTestId("program-summary")).toHaveAttribute("data-mc", "done", { timeout: 45_000 });
  const rows = await actualsRows(page);
  expect(rows.map((r) => r.month.text)).toEqual(["2027-01", "2027-02"]);
  // Month 1: 5 ETH at $200: revenue 1,000, the forward pays 300, net cash 200.
  expect([rows[0].revenue.value, rows[0].hedge_effect.value, rows[0].net_cash.value, rows[0].unhedged.value]).toEqual(["1000", "300", "200", "-100"]);
  expect([rows[1].revenue.value, rows[1].hedge_effect.value, rows[1].net_cash.value]).toEqual(["1200", "-200", "-100"]);
  // The plan's band is there once simulated.
  expect(rows[0].plan_p50.value).not.toBeNull();
  expect(Number(rows[0].plan_p5.value)).toBeLessThanOrEqual(Number(rows[0].plan_p50.value));
  expect(Number(rows[0].plan_p50.value)).toBeLessThanOrEqual(Number(rows[0].plan_p95.value));
  // Percentages' data-value is in percent, as shown.
  // −(300 − 200) / (−300 + 160) = 71.4…%; sd 150√2 against 100√2: −50 %.
  expect(Math.abs(Number(await figure(page, "dollar_offset").getAttribute("data-value")) - 10000 / 140)).toBeLessThan(1e-9);
  expect(Math.abs(Number(await figure(page, "sd_reduction").getAttribute("data-value")) + 50)).toBeLessThan(1e-9);
  await expect(figure(page, "output_ratio")).toHaveAttribute("data-value", "90");
  // The report: the latest month, the hedge so far, the month to come.
  const report = page.getByTestId("program-report");
  await expect(report).toContainText("2027-02");
  await expect(report).toContainText("Dollar-offset ratio");
  await expect(report).toContainText("2027-03");
  await expect(report).toContainText("buy back 0.5 ETH");
  expect(problems).toEqual([]);
});

test("the rebalancing on a month below plan: buy back what the months to come will not mine", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK + "&aq=4.5&apx=250");
  const lines = page.getByTestId("actuals-rebalance").locator("li");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toHaveText("2027-02: buy back 0.5 ETH (Forward coverage 100.00% → 90.00%)");
  await expect(lines.nth(1)).toContainText("2027-03: buy back 0.5 ETH");
  // The ladder stays the policy: the link's coverage is unchanged.
  expect(await shareUrl(page)).toMatch(/[?&]pcov=100(&|$)/);
  expect(problems).toEqual([]);
});

test("actuals typed in: a bad value is named, a missing price is said, the page keeps working", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  await expect(page.getByTestId("actuals-table").locator("tbody tr")).toHaveCount(0);
  await page.locator("#field-aq").fill("0");
  await expect(page.locator("#field-aq-error")).toContainText("greater than 0");
  await page.locator("#field-aq").fill("5,5");
  await page.locator("#field-apx").fill("210");
  await expect(page.getByTestId("actuals-error")).toContainText("month 2");
  await page.locator("#field-apx").fill("210,250");
  await expect(page.getByTestId("actuals-table").locator("tbody tr")).toHaveCount(2);
  await expect.poll(() => shareUrl(page)).toMatch(/[?&]aq=5,5&apx=210,250(&|$)/);
  expect(problems).toEqual([]);
});

test("the report downloads as CSV", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK + "&aq=5&apx=200");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-csv").click()]);
  expect(download.suggestedFilename()).toBe("minerhedge-report.csv");
  const text = require("fs").readFileSync(await download.path(), "utf8");
  expect(text.startsWith("Section,Item,Value,Text\r\n")).toBe(true);
  expect(text).toContain("The month,Month,,2027-01");
  expect(text).toContain("The months to come,2027-02,5,");
  expect(problems).toEqual([]);
});

test("the suggested ladder: the least coverage per month for pneg, applied through the link", async ({ page }) => {
  const RIG =
    "?v=2&view=program&start=2027-01-01&months=4&mode=rig&coin=BTC&hr=300&pwr=0.07&spot=95000&vol=60&diff=126000000000000&sub=3.125&fee=0.03&dvol=30&ph=forward&pcov=10&pneg=10&pmax=90";
  const problems = await openProgram(page, "./" + RIG);
  const panel = page.getByTestId("suggested-ladder");
  await expect(panel).toHaveAttribute("data-state", "done", { timeout: 45_000 });
  const rows = await page.getByTestId("suggested-table").evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) => ({
      suggested: tr.querySelector("[data-col=suggested]").dataset.value ?? null,
      p: Number(tr.querySelector("[data-col=prob_negative]").dataset.value),
    })),
  );
  expect(rows.length).toBe(4);
  for (const r of rows) {
    if (r.suggested !== null) {
      expect(Number(r.suggested)).toBeLessThanOrEqual(90);
      expect(r.p).toBeLessThanOrEqual(10); // percent
    } else {
      expect(r.p).toBeGreaterThan(10);
    }
  }
  const expected = rows.map((r) => r.suggested ?? "90");
  await page.getByTestId("apply-suggested").click();
  await expect.poll(() => shareUrl(page)).toMatch(/[?&]pcov=[0-9,]+(&|$)/);
  const pcov = new URL(await shareUrl(page)).searchParams.get("pcov").split(",");
  // The link drops trailing repeats: read it as the ladder does.
  expect(expected.map((_, i) => pcov[Math.min(i, pcov.length - 1)])).toEqual(expected);
  expect(problems).toEqual([]);
});

test("printing the report prints the report alone", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK + "&aq=5&apx=200");
  await expect(page.getByTestId("program-report")).toContainText("2027-01");
  // What "Print the report" does around window.print(): mark the document, print, unmark.
  await page.evaluate(() => document.documentElement.setAttribute("data-print", "report"));
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("program-report")).toBeVisible();
  await expect(page.getByTestId("program-report").getByText("Dollar-offset ratio", { exact: false })).toBeVisible();
  for (const id of ["program-table", "program-chart", "ladder-editor", "program-actuals"]) {
    await expect(page.getByTestId(id)).toBeHidden();
  }
  await expect(page.getByTestId("report-print")).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // The report alone: one or two pages, not the whole program page.
  expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length).toBeLessThanOrEqual(2);
  expect(problems).toEqual([]);
});
