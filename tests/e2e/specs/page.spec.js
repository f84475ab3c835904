// The page end to end: chart, sliders, seed link, bad links, copy link, sub-path hosting.
const { test, expect } = require("@playwright/test");
const { ROOT, SUB, SEED, open, tableRows, slide, chartInk, shareUrl } = require("./helpers");

const usd = (n) => {
  const s = "$" + Math.abs(n).toLocaleString("en-US");
  return n < 0 ? `$(${Math.abs(n).toLocaleString("en-US")})` : s;
};

test("default page renders a non-blank chart and a table, with no error and no foreign request", async ({ page }) => {
  const problems = await open(page, "./");
  await expect.poll(async () => (await chartInk(page)).ink).toBeGreaterThan(2000);
  const ink = await chartInk(page);
  expect(ink.colours).toBeGreaterThan(2);
  const rows = await tableRows(page);
  expect(rows.length).toBeGreaterThan(2);
  expect(await shareUrl(page)).toContain("v=2");
  expect(problems).toEqual([]);
});

test("the chart's backing store follows devicePixelRatio and redraws on resize", async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await open(page, "./");
  const size = async () =>
    page.getByTestId("chart").evaluate((c) => ({ w: c.width, cssW: c.getBoundingClientRect().width }));
  await expect.poll(async () => (await size()).w).toBeGreaterThan(0);
  let s = await size();
  expect(s.w).toBe(Math.round(s.cssW * 2));
  await page.setViewportSize({ width: 700, height: 900 });
  await expect.poll(async () => {
    const t = await size();
    return t.w === Math.round(t.cssW * 2) && t.w !== s.w;
  }).toBe(true);
  await expect.poll(async () => (await chartInk(page)).ink).toBeGreaterThan(1000);
  await context.close();
});

test("moving the price and coverage sliders changes readout, table and share-url, without history entries", async ({ page }) => {
  await open(page, "./" + SEED.replace("hedge=forward", "hedge=put").replace("cov=100", "cov=50"));
  const historyBefore = await page.evaluate(() => history.length);
  const readout = () => page.getByTestId("return-at-price").textContent();
  await expect(page.getByTestId("return-at-price")).toHaveText(/%$/);
  const r0 = await readout();
  const url0 = await shareUrl(page);
  const ink0 = await chartInk(page);

  await slide(page, "price-slider", 290);
  await expect(page.getByTestId("return-at-price")).not.toHaveText(r0);
  const url1 = await shareUrl(page);
  expect(url1).not.toBe(url0);
  expect(url1).toContain("px=290");
  await expect(page).toHaveURL(/px=290/);

  const table1 = await tableRows(page);
  const r1 = await readout();
  await slide(page, "coverage-slider", 80);
  await expect.poll(async () => JSON.stringify(await tableRows(page))).not.toBe(JSON.stringify(table1));
  await expect(page.getByTestId("return-at-price")).not.toHaveText(r1);
  expect(await shareUrl(page)).toContain("cov=80");
  await expect(page).toHaveURL(/cov=80/);
  expect((await chartInk(page)).ink).toBeGreaterThan(1000);
  expect(ink0.ink).toBeGreaterThan(1000);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
});

test("the seed link shows the seed table exactly", async ({ page }) => {
  const problems = await open(page, "./" + SEED);
  await expect.poll(async () => (await tableRows(page)).length).toBe(12);
  const rows = await tableRows(page);
  const header = rows[0];
  expect(header[0]).toMatch(/price/i);
  expect(header[1]).toMatch(/revenue/i);
  expect(header[2]).toMatch(/payoff/i);
  expect(header[header.length - 1]).toMatch(/return/i);
  const body = rows.slice(1);
  body.forEach((row, i) => {
    const price = 200 + 10 * i;
    expect(row[0]).toBe(usd(price));
    expect(row[1]).toBe(usd(5 * price));
    const payoff = 5 * (260 - price);
    if (payoff === 0) {
      expect(["$0", "$-", "$ -"]).toContain(row[2]);
    } else {
      expect(row[2]).toBe(usd(payoff));
    }
    expect(row[header.length - 1]).toBe("18.2%");
  });
  expect(body[0][0]).toBe("$200");
  expect(body[0][1]).toBe("$1,000");
  expect(body[0][2]).toBe("$300");
  expect(body[10][1]).toBe("$1,500");
  expect(body[10][2]).toBe("$(200)");
  await expect(page.getByTestId("link-error")).toBeHidden();
  expect(problems).toEqual([]);
});

test("a link with bad values names them in link-error and the page still renders", async ({ page }) => {
  const problems = await open(page, "./?v=1&spot=abc&cov=250&hedge=swap&vol=-5&unknownkey=7");
  const banner = page.getByTestId("link-error");
  await expect(banner).toBeVisible();
  for (const key of ["spot", "cov", "hedge", "vol"]) {
    await expect(banner).toContainText(key);
  }
  await expect(banner).not.toContainText("unknownkey");
  await expect(banner).toContainText("abc");
  await expect.poll(async () => (await tableRows(page)).length).toBeGreaterThan(2);
  await expect.poll(async () => (await chartInk(page)).ink).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

test("an invalid input shows a message next to the field; the rest keeps working", async ({ page }) => {
  await open(page, "./" + SEED);
  await expect.poll(async () => (await tableRows(page)).length).toBe(12);
  await page.locator("#field-spot").fill("abc");
  const msg = page.getByTestId("error-spot");
  await expect(msg).toBeVisible();
  await expect(msg).toContainText("spot");
  await expect(msg).toContainText("abc");
  await slide(page, "price-slider", 230);
  await expect(page.getByTestId("return-at-price")).toHaveText("18.2%");
  expect((await tableRows(page)).length).toBe(12);
  await page.locator("#field-spot").fill("250");
  await expect(msg).toBeHidden();
});

test("a copied link reopened gives the same table", async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ROOT });
  const page = await context.newPage();
  await open(page, "./" + SEED.replace("hedge=forward", "hedge=collar"));
  await slide(page, "coverage-slider", 65);
  await slide(page, "price-slider", 237);
  await expect(page.getByTestId("share-url")).toHaveAttribute("value", /cov=65/);
  await page.getByTestId("copy-link").click();
  await expect(page.locator(".copy-status")).toHaveText("Link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await shareUrl(page));
  const table = await tableRows(page);
  expect(table.length).toBe(12);
  const ret = await page.getByTestId("return-at-price").textContent();

  const again = await context.newPage();
  const problems = await open(again, copied);
  await expect.poll(async () => JSON.stringify(await tableRows(again))).toBe(JSON.stringify(table));
  await expect(again.getByTestId("return-at-price")).toHaveText(ret);
  expect(await shareUrl(again)).toBe(copied);
  expect(problems).toEqual([]);
  await context.close();
});

test("dist/ works from a sub-path and loads only its own files", async ({ page }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const problems = await open(page, SUB + "/tools/minerhedge/" + SEED);
  await expect.poll(async () => (await tableRows(page)).length).toBe(12);
  await expect.poll(async () => (await chartInk(page)).ink).toBeGreaterThan(1000);
  for (const u of requests) {
    if (!u.startsWith("data:")) expect(u.startsWith(SUB + "/tools/minerhedge/")).toBe(true);
  }
  expect((await shareUrl(page)).startsWith(SUB + "/tools/minerhedge/?v=2")).toBe(true);
  expect(problems).toEqual([]);
});

test("the inverse forward shows the seed's order ticket and locked return", async ({ page }) => {
  const problems = await open(page, "./" + SEED.replace("hedge=forward", "hedge=inverse") + "&inv=0.004");
  await expect(page.getByTestId("order-ticket")).toHaveText("Buy (Long) USD 1,250 at 0.004 ETH/USD");
  await expect(page.getByTestId("locked-return")).toHaveText("13.6%");
  await expect(page.getByTestId("return-at-price")).toHaveText("13.6%");
  expect(problems).toEqual([]);
});

test("a zero-cost collar shows equal premiums, a solved call strike and no net premium", async ({ page }) => {
  const problems = await open(page, "./" + SEED.replace("hedge=forward", "hedge=collar") + "&kp=230&kc=zero");
  const put = page.getByTestId("put-premium");
  await expect(put).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByTestId("call-premium")).toHaveText(await put.textContent());
  await expect(page.getByTestId("call-strike")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId("net-premium")).toHaveText(/^\$\(?0\.00\)?$/);
  const strike = Number((await page.getByTestId("call-strike").textContent()).replace(/[$,]/g, ""));
  expect(strike).toBeGreaterThan(250);
  expect(problems).toEqual([]);
});

test("during a coverage drag the chart follows every step; the tables catch up at the release, or when the drag pauses", async ({ page }) => {
  await open(page, "./" + SEED.replace("hedge=forward", "hedge=put").replace("cov=100", "cov=50"));
  await expect(page.getByTestId("strategy-compare")).toContainText("Put");
  // The opening simulation is done, so what moves during the drag is the drag's doing.
  await expect(page.locator("section.distribution")).toHaveAttribute("data-mc", "done");
  const probe = await page.evaluate(async () => {
    const slider = document.querySelector('[data-testid="coverage-slider"]');
    const table = () => document.querySelector('[data-testid="payoff-table"]').textContent;
    const compare = () => document.querySelector('[data-testid="strategy-compare"]').textContent;
    const chart = () => document.querySelector('[data-testid="chart"]').getAttribute("aria-label");
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const step = async (v, release) => {
      slider.value = String(v);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      if (release) slider.dispatchEvent(new Event("change", { bubbles: true }));
      await frame();
    };
    const t0 = table(), charts = new Set([chart()]), compares = new Set();
    let tableMoved = false;
    for (let v = 51; v <= 60; v++) {
      await step(v, false);
      charts.add(chart());
      tableMoved ||= table() !== t0;
      compares.add(compare());
    }
    const c0 = compare();
    const released = performance.now();
    slider.dispatchEvent(new Event("change", { bubbles: true }));
    while (table() === t0 && performance.now() - released < 2000) await frame();
    const atRelease = { ms: performance.now() - released, compareMoved: compare() !== c0 };
    // A drag that ends without a change event: the tables follow once it pauses.
    const t1 = table();
    for (let v = 61; v <= 65; v++) await step(v, false);
    const stillDuring = table() === t1;
    const paused = performance.now();
    while (table() === t1 && performance.now() - paused < 3000) await frame();
    const pauseMs = performance.now() - paused;
    // The pause ended that drag: a typed value shows at once.
    const t2 = table();
    const field = document.querySelector("#field-kp");
    field.value = "235";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    const typed = performance.now();
    while (table() === t2 && performance.now() - typed < 2000) await frame();
    return { charts: charts.size, tableMoved, compares: compares.size, atRelease, stillDuring, pauseMs, typedMs: performance.now() - typed };
  });
  // The chart's description changed at each of the ten steps; the payoff table did not, and
  // the comparison only once (its simulated columns say "running…" from the first step).
  expect(probe.charts).toBe(11);
  expect(probe.tableMoved).toBe(false);
  expect(probe.compares).toBe(1);
  // At the release both follow at once (well before the 200 ms pause).
  expect(probe.atRelease.ms).toBeLessThan(150);
  expect(probe.atRelease.compareMoved).toBe(true);
  expect(probe.stillDuring).toBe(true);
  expect(probe.pauseMs).toBeGreaterThan(150);
  expect(probe.pauseMs).toBeLessThan(2000);
  expect(probe.typedMs).toBeLessThan(150);
  // And they show the last values: the table is the one a fresh page with them shows.
  const dragged = await tableRows(page);
  await open(page, "./" + SEED.replace("hedge=forward", "hedge=put").replace("cov=100", "cov=65") + "&kp=235");
  expect(await tableRows(page)).toEqual(dragged);
});
