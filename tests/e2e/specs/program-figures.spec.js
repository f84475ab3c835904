// Every figure on the program page carries its value: once the simulation and the suggested
// ladder have finished, no visible figure or cell shows a digit without `data-value`, every
// table cell has its `data-col`, and a percentage's `data-value` is in percent (as shown).
// Also: VaR and CVaR read as signed results next to the convention sentence, and a bad link
// value is named by its key. Every test fails on a page error, a console error or a request to
// another origin.
const { test, expect } = require("@playwright/test");
const { watch, openProgram, programRows } = require("./helpers");

// Rig mode with capex (the payback figure), a forward, a put, a collar and a forward (prices,
// premiums, strikes, collateral), two months of actuals (the actuals table, the report's month
// and trades), a ten-month horizon so the report has months to come, and a treasury.
const LINK =
  "?v=2&view=program&start=2027-01-01&months=10&mode=rig&coin=BTC&spot=95000&vol=50&capex=300" +
  "&ph=forward,put,collar,forward&pcov=80,60,50,40&pkp=90&pkc=120&aq=0.5,0.45&apx=90000,100000" +
  // A treasury: coins kept, lent, pledged to a loan and written as calls (its table, figures
  // and report lines).
  "&hold0=100&sell=50&lend=50&lendy=2&lpd=1&loan=1000000&lrate=8&cc=25";

// The one sentence of the convention (src/present/mod.rs, RISK_CONVENTION).
const CONVENTION =
  "VaR 95% is the result (revenue + hedge payoff − cost) that 95% of simulated outcomes reach or beat, the 5th percentile; CVaR 95% is the average result of the worst 5%. Both are in USD, and as a return on the cost where returns are shown; negative is a loss.";

/** Waits until the simulation and the suggested ladder have finished. */
async function finished(page) {
  await expect(page.getByTestId("program-summary")).toHaveAttribute("data-mc", "done", { timeout: 60_000 });
  await expect(page.locator("section:has(> [data-testid=program-chart])")).toHaveAttribute("data-simulated", "true");
  await expect(page.getByTestId("suggested-ladder")).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

// The rule. A *figure element* is a `td`, a `dd`, an element with `data-testid`, or an element
// inside a `td` or `dd` (the unhedged figure beside the program's is a `span` in its `dd`). A
// visible figure element whose own text (its direct text nodes) has a digit must carry
// `data-value`. Deliberately excluded, each for its reason:
const EXCLUDED = [
  // a month's label (2027-01) is a name, not a figure: td/dd marked data-col="month"
  "[data-col=month]",
  // headings and labels: th, dt, h1–h3, captions and hints are words about figures
  "th", "dt", "h1", "h2", "h3", "caption", ".hint",
  // the convention sentence ("95 %", "5th percentile") and the simulation's status sentence
  "[data-testid=risk-convention]", "[data-testid=program-mc-status]",
  // controls: what a user types or picks is an input, not a figure the page reports
  "input", "select", "option", "button", "label", "textarea",
];

/** Every visible figure element breaking the rule, described. */
function offenders(excluded) {
  const own = (e) =>
    Array.from(e.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join("");
  const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const figures = document.querySelectorAll("td, dd, [data-testid], td *, dd *");
  const out = [];
  for (const e of figures) {
    if (!/\d/.test(own(e)) || !visible(e)) continue;
    if (excluded.some((sel) => e.matches(sel) || e.closest(sel) !== null)) continue;
    if (!e.hasAttribute("data-value")) {
      out.push(`${e.tagName.toLowerCase()}${e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : ""}${e.dataset.col ? `[data-col=${e.dataset.col}]` : ""}: ${own(e).trim()}`);
    }
  }
  return out;
}

test("every figure and cell with a digit carries data-value; every cell its data-col", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  await finished(page);
  // The rule would pass on an empty page: the figures are there.
  await expect(page.getByTestId("program-table").locator("tbody tr")).toHaveCount(10);
  await expect(page.getByTestId("actuals-table").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("suggested-table").locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByTestId("report-months").locator("tbody tr")).toHaveCount(8);
  await expect(page.locator("[data-testid=program-summary] [data-figure=payback]")).toHaveCount(1);
  const checked = await page.evaluate(() => document.querySelectorAll("td, dd, td *, dd *").length);
  expect(checked).toBeGreaterThan(200);

  expect(await page.evaluate(offenders, EXCLUDED)).toEqual([]);

  const cells = await page.evaluate(() =>
    Array.from(document.querySelectorAll("td")).map((td) => ({
      table: td.closest("table")?.dataset.testid ?? td.closest("section")?.dataset.testid ?? "?",
      col: td.dataset.col ?? null,
      text: td.textContent.trim(),
    })),
  );
  expect(cells.length).toBeGreaterThan(150);
  expect(cells.filter((c) => !c.col)).toEqual([]);
  // A number's data-value is a plain number.
  const values = await page.evaluate(() =>
    Array.from(document.querySelectorAll("td[data-value], dd[data-value], dd [data-value]")).map((e) => e.dataset.value),
  );
  expect(values.length).toBeGreaterThan(100);
  for (const v of values) expect(v).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/);
  expect(problems).toEqual([]);
});

test("a percentage's data-value is in percent, as shown", async ({ page }) => {
  const problems = await openProgram(page, "./" + LINK);
  await finished(page);
  // Every element showing "x%" or "x %" alone has data-value x (within its rounding).
  const shown = await page.evaluate(() =>
    Array.from(document.querySelectorAll("td[data-value], dd[data-value], dd [data-value]"))
      .map((e) => {
        const own = Array.from(e.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join("")
          .trim();
        return { own, value: e.dataset.value };
      })
      .filter((f) => /^-?[\d,.]+\s?%$/.test(f.own)),
  );
  // Coverages, the summary's chances (and unhedged's), the actuals' ratios, the suggestions.
  expect(shown.length).toBeGreaterThan(20);
  for (const f of shown) {
    const text = Number(f.own.replace(/[,%\s]/g, ""));
    const decimals = (f.own.replace(/[%\s]/g, "").split(".")[1] ?? "").length;
    expect(Math.abs(Number(f.value) - text), `${f.own} vs data-value ${f.value}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
  }
  // A known case: the first month's coverage is 80 % and says 80, not 0.8.
  const rows = await programRows(page);
  expect(rows[0].coverage).toEqual({ text: "80.0%", value: "80" });
  // The summary's chance of a negative month: text and data-value agree in percent.
  const dd = page.locator("[data-testid=program-summary] [data-figure=prob_negative_month] > dd");
  const v = Number(await dd.getAttribute("data-value"));
  expect(v).toBeGreaterThanOrEqual(0);
  expect(v).toBeLessThanOrEqual(100);
  const text = (await dd.evaluate((e) => e.firstChild.textContent)).trim();
  expect(Math.abs(Number(text.replace("%", "")) - v)).toBeLessThanOrEqual(0.05 + 1e-9);
  expect(problems).toEqual([]);
});

test("VaR and CVaR are signed results, with the convention beside them", async ({ page }) => {
  // Unhedged, the cost above the expected revenue: the tail is a loss, and reads as one.
  const problems = await openProgram(page, "./?v=2&view=program&start=2027-01-01&months=3&mode=direct&qty=5&cost=1500&spot=250&vol=80&ph=none");
  await expect(page.getByTestId("program-summary")).toHaveAttribute("data-mc", "done", { timeout: 60_000 });
  await expect(page.getByTestId("risk-convention")).toHaveText(CONVENTION);
  await expect(page.getByTestId("program-report")).toContainText(CONVENTION);
  const header = await page.getByTestId("program-table").locator("thead th").allTextContents();
  expect(header).toContain("Net cash VaR 95 % (P5)");
  expect(header).toContain("Net cash CVaR 95 %");
  for (const r of await programRows(page)) {
    const [cvar, varr, p50] = ["cash_cvar95", "cash_p5", "cash_p50"].map((c) => Number(r[c].value));
    expect(varr).toBeLessThan(0);
    expect(cvar).toBeLessThanOrEqual(varr);
    expect(varr).toBeLessThanOrEqual(p50);
    // A loss is written as one: $(1,234.56).
    expect(r.cash_p5.text).toMatch(/^\$\(/);
  }
  const figure = (id) => page.locator(`[data-testid=program-summary] [data-figure=${id}]`);
  const total = Number(await figure("total_p5").getAttribute("data-value"));
  const tail = Number(await figure("total_cvar95").getAttribute("data-value"));
  expect(total).toBeLessThan(0);
  expect(tail).toBeLessThanOrEqual(total);
  await expect(figure("total_p5").locator("dt")).toHaveText("VaR 95 % of the total net cash (its P5)");
  // The report's months to come show the table's numbers the same way.
  const report = await page.getByTestId("report-months").evaluate((t) =>
    Array.from(t.querySelectorAll("tbody tr")).map((tr) => tr.querySelector("[data-col=cash_p5]").dataset.value),
  );
  expect(report).toEqual((await programRows(page)).map((r) => r.cash_p5.value));
  expect(problems).toEqual([]);
});

test("a bad link value opens the page with a message naming its key (bf25)", async ({ page }) => {
  const url = "./?v=2&view=program&bf25=-50";
  const problems = watch(page, url);
  await page.goto(url);
  await expect(page.getByTestId("program-chart")).toBeVisible();
  // The message is visible and names the key (link-error, program-error or a field's error).
  const named = page.locator("[role=alert]:visible, [data-testid=link-error]:visible, [data-testid=program-error]:visible", { hasText: "bf25" });
  await expect(named.first()).toBeVisible();
  expect(problems).toEqual([]);
});
