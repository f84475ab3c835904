// Every figure with its value and its unit (the period page): once the simulation and the
// frontier have finished, every element that shows a number carries it unrounded in
// `data-value`, every table cell names its column, a forward shows none of the put's or the
// inverse forward's figures, and VaR reads the same (one signed number) in the Monte Carlo
// figures, the distribution chart's label and the strategy comparison.
const { test, expect } = require("@playwright/test");
const { SEED, open } = require("./helpers");

/** Waits until the simulation and the coverage frontier of the current inputs are done. */
async function settled(page) {
  await expect(page.locator("section.distribution")).toHaveAttribute("data-mc", "done", { timeout: 60_000 });
  await expect(page.getByTestId("coverage-frontier")).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

// Prose: sentences that mention numbers in words for people, not figures (their figures are
// elsewhere with their values).
const PROSE = [
  "frontier-why",
  "mc-vs-lognormal",
  "risk-convention",
  "price-live",
  "chart-hover",
  "overhedge-warning",
  "link-error",
  "glossary",
];

/** The visible figure elements whose text has a digit and that carry no `data-value` (on
 * themselves or on their figure container). Figure elements: every `td`, `dd` and `output`,
 * and every element with a `data-testid` that holds no other element (a leaf); labels,
 * headings, buttons, inputs and prose (`PROSE`, the glossary, field messages) are not. */
async function figuresWithoutValue(page) {
  return page.evaluate((prose) => {
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const inProse = (e) =>
      prose.some((id) => e.closest(`[data-testid="${id}"]`)) ||
      e.closest("details.glossary, .glossary, [role=alert], .field-error, .field-warning, #first-paint");
    const candidates = new Set([
      ...document.querySelectorAll("td, dd, output"),
      ...[...document.querySelectorAll("[data-testid]")].filter((e) => e.children.length === 0),
    ]);
    const bad = [];
    for (const e of candidates) {
      if (["BUTTON", "INPUT", "SELECT", "CANVAS", "OPTION", "LABEL", "TH", "DT", "H1", "H2", "H3"].includes(e.tagName)) continue;
      if (!visible(e) || inProse(e)) continue;
      const text = e.textContent.trim();
      if (!/\d/.test(text)) continue;
      if (e.closest("[data-value]")) continue;
      bad.push(`${e.tagName.toLowerCase()}${e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : ""}${e.dataset.col ? `[data-col=${e.dataset.col}]` : ""}: ${text}`);
    }
    return { checked: candidates.size, bad };
  }, PROSE);
}

/** The numeric value of a text such as `$(155)` or `-14.1%` (accounting parentheses negative). */
function shown(text) {
  const t = text.trim();
  const neg = t.includes("(") || t.startsWith("-");
  const n = Number(t.replace(/[$,()%\s-]/g, ""));
  return neg ? -n : n;
}

for (const [name, query] of [
  ["the seed (forward)", SEED.slice(1)],
  ["a put with difficulty volatility", "v=2&hedge=put&dvol=40&corr=30&paths=20000"],
  ["the default collar, rig mode", "v=2&hedge=collar&mode=rig&paths=20000"],
  ["an inverse forward", "v=2&hedge=inverse&paths=20000"],
]) {
  test(`every number on the period page carries its data-value: ${name}`, async ({ page }) => {
    const problems = await open(page, "./?" + query);
    await settled(page);
    const { checked, bad } = await figuresWithoutValue(page);
    expect(checked).toBeGreaterThan(50);
    expect(bad).toEqual([]);
    // Every table cell names its column; a number's value is a finite number.
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="payoff-table"] td, [data-testid="strategy-compare"] td')].map((c) => ({
        col: c.dataset.col || null,
        value: c.dataset.value ?? null,
      })),
    );
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) {
      expect(c.col).not.toBeNull();
      if (c.value !== null) expect(Number.isFinite(Number(c.value))).toBe(true);
    }
    expect(problems).toEqual([]);
  });
}

test("a percentage's data-value is the percentage, unrounded", async ({ page }) => {
  await open(page, "./" + SEED);
  const ret = page.locator('[data-testid="payoff-table"] tbody tr').first().locator('td[data-col="return"]');
  await expect(ret).toHaveText("18.2%");
  expect(Math.abs(Number(await ret.getAttribute("data-value")) - 200 / 11)).toBeLessThan(1e-9);
  expect(await page.getByTestId("period-cost").getAttribute("data-value")).toBe("1100");
});

test("a forward shows none of the put's, the call's or the inverse forward's figures", async ({ page }) => {
  await open(page, "./" + SEED);
  for (const id of ["put-premium", "put-vol", "call-vol", "call-premium", "call-strike", "put2-strike", "put2-premium", "net-premium", "net-premium-carried", "locked-return", "premium-coin"]) {
    await expect(page.getByTestId(id), id).toHaveCount(0);
  }
  const derived = page.locator("section.derived");
  await expect(derived).not.toContainText("Put vol");
  await expect(derived).not.toContainText("inverse forward");
  // Its own figure: the order that opens it.
  await expect(page.getByTestId("order-ticket")).toHaveText("Sell 5 ETH forward at $260");
  await expect(derived.locator("h3")).toHaveText(["Mining", "Hedge", "Margin", "Greeks"]);
  // The collar shows its options, its solved call strike and its two-legged ticket.
  await open(page, "./?v=2&hedge=collar&kc=zero");
  await expect(page.getByTestId("call-strike")).toHaveText(/^\$\d/);
  await expect(page.getByTestId("put-vol")).toHaveCount(1);
  await expect(page.getByTestId("put2-strike")).toHaveCount(0);
  await expect(page.getByTestId("order-ticket")).toHaveText(/^Buy puts on 5 ETH at strike \$\d+ and sell calls on 5 ETH at strike \$\d/);
});

test("VaR reads the same in the Monte Carlo figures, the chart's label and the comparison", async ({ page }) => {
  await open(page, "./?v=2&hedge=put&dvol=40&paths=20000");
  await settled(page);
  const mcVar = page.getByTestId("mc-var");
  const text = (await mcVar.textContent()).trim();
  // "$(155) (-14.1%)": USD, then the return on cost; both signed, negative a loss.
  const m = text.match(/^(\$[\d,.()]+) \((-?[\d,.]+%)\)$/);
  expect(m, text).not.toBeNull();
  const [, usd, ret] = m;
  expect(Math.abs(Number(await mcVar.getAttribute("data-value")) - shown(usd))).toBeLessThan(0.01);
  expect(Math.abs(Number(await mcVar.getAttribute("data-return")) - shown(ret))).toBeLessThan(0.05);
  // Same sign: a result below the cost is a loss in both figures.
  expect(Math.sign(shown(usd))).toBe(Math.sign(shown(ret)) || Math.sign(shown(usd)));
  await expect(page.getByTestId("distribution-chart")).toHaveAttribute("data-var-label", `VaR ${ret}`);
  const cell = page.locator('[data-testid="strategy-compare"] tr[data-strategy="Put"] td[data-col="var95"]');
  await expect(cell).toHaveText(text);
  expect(await cell.getAttribute("data-value")).toBe(await mcVar.getAttribute("data-value"));
  expect(await cell.getAttribute("data-return")).toBe(await mcVar.getAttribute("data-return"));
  await expect(page.getByTestId("risk-convention")).toContainText("negative is a loss");
  await expect(page.getByTestId("mc-vs-lognormal")).toContainText("closed form at the expected output");
});

test("the default collar is one row of the comparison, and no breakeven reads $0", async ({ page }) => {
  await open(page, "./?v=2&hedge=collar&kc=zero&kp=240");
  const table = page.getByTestId("strategy-compare");
  await expect(table.locator('tr[data-strategy="Zero-cost collar"]')).toHaveCount(1);
  await expect(table.locator('tr[data-strategy="Collar"]')).toHaveCount(0);
  const breakevens = await table.locator('td[data-col="breakeven"]').allTextContents();
  expect(breakevens.map((t) => t.trim())).not.toContain("$0");
});

test("the least CVaR comes with the coverages within the simulation's noise", async ({ page }) => {
  await open(page, "./?v=2&hedge=forward&dvol=40&corr=50&paths=20000");
  await settled(page);
  const least = page.getByTestId("frontier-min-cvar");
  await expect(least).toHaveText(/^\d+% \((\d+–\d+|\d+)% within the simulation's noise; CVaR 95% /);
  const at = Number(await least.getAttribute("data-value"));
  const [lo, hi] = ((await least.textContent()).match(/\((\d+)(?:–(\d+))?% within/) || []).slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  expect(lo).toBeLessThanOrEqual(at);
  expect(hi ?? lo).toBeGreaterThanOrEqual(at);
});
