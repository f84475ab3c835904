// The decision features end to end: strategy comparison (values from the engine), return
// distribution (Monte Carlo in slices, progress, cancellation), volume-risk heat map, value
// before expiry, rebalancing, CSV/PNG export and presets with saved scenarios.
const fs = require("fs");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { SEED, open, tableRows, slide, shareUrl } = require("./helpers");

// Written by `cargo test --test native decide_fixture` from the engine (see
// tests/native/decide_fixture.rs).
const EXPECTED = JSON.parse(fs.readFileSync(path.join(__dirname, "decide-expected.json"), "utf8"));

/** Comparison table: header texts, row texts, best flags, selected flags. */
async function compareTable(page) {
  return page.getByTestId("strategy-compare").evaluate((t) => ({
    header: Array.from(t.querySelectorAll("thead th")).map((c) => c.textContent.trim()),
    rows: Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("th,td")).map((c) => c.textContent.trim()),
    ),
    best: Array.from(t.querySelectorAll("tbody tr")).map((tr) =>
      Array.from(tr.querySelectorAll("td")).map((c) => c.classList.contains("best")),
    ),
    selected: Array.from(t.querySelectorAll("tbody tr")).map((tr) => tr.getAttribute("aria-selected") === "true"),
  }));
}

/** A canvas's non-background pixel count and a cheap fingerprint of its pixels. */
async function canvasInk(page, testid) {
  return page.getByTestId(testid).evaluate((c) => {
    if (!c.width || !c.height) return { ink: 0, hash: 0 };
    const { data } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
    let ink = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
      hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
    }
    return { ink, hash };
  });
}

const mcSection = (page) => page.locator("section.distribution");

/** Waits until the simulation of the current inputs has finished and been drawn. */
async function mcDone(page, timeout = 30_000) {
  await expect(mcSection(page)).toHaveAttribute("data-mc", "done", { timeout });
}

async function setField(page, key, value) {
  const input = page.locator(`input[data-field="${key}"]`);
  await input.fill(String(value));
}

test("the comparison table shows the engine's values for the seed scenario, best values highlighted", async ({ page }) => {
  const problems = await open(page, "./?" + EXPECTED.query);
  await mcDone(page);
  await expect.poll(async () => (await compareTable(page)).rows[0][10]).not.toBe("—");
  const t = await compareTable(page);
  expect(t.header).toEqual(EXPECTED.header);
  expect(t.rows).toEqual(EXPECTED.rows);
  expect(t.best).toEqual(EXPECTED.best);
  expect(t.selected).toEqual(EXPECTED.selected);
  // Known values of the seed, independent of the fixture.
  const row = (name) => t.rows.find((r) => r[0] === name);
  expect(row("Forward")[2]).toBe("$1,300");
  expect(row("Inverse forward")[2]).toBe("$1,250");
  expect(row("Zero-cost collar")[1]).toBe("$0");
  expect(row("Unhedged")[4]).toBe("$220");
  // Best cells carry an accessible description.
  const described = await page.locator('[data-testid="strategy-compare"] td.best[aria-description]').count();
  expect(described).toBe(EXPECTED.best.flat().filter(Boolean).length);
  expect(problems).toEqual([]);
});

test("clicking a row, or Enter on a focused row, selects that hedge", async ({ page }) => {
  await open(page, "./" + SEED);
  const putRow = page.locator('[data-testid="strategy-compare"] tr[data-strategy="Put"]');
  await putRow.click();
  await expect(putRow).toHaveAttribute("aria-selected", "true");
  expect(await shareUrl(page)).toContain("hedge=put");
  await expect(page.locator('select[data-field="hedge"]')).toHaveValue("put");

  const zc = page.locator('[data-testid="strategy-compare"] tr[data-strategy="Zero-cost collar"]');
  await zc.focus();
  await page.keyboard.press("Enter");
  await expect(zc).toHaveAttribute("aria-selected", "true");
  const url = await shareUrl(page);
  expect(url).toContain("hedge=collar");
  expect(url).toContain("kc=zero");
});

test("focus stays on the chosen comparison row after Enter and after a simulation finishes", async ({ page }) => {
  const problems = await open(page, "./" + SEED);
  await mcDone(page);
  const table = page.getByTestId("strategy-compare");
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      const row = a && a.closest("tr[data-strategy]");
      return { tag: a ? a.tagName : "", row: row ? row.dataset.strategy : null, same: !!(row && row.__kept) };
    });

  // Enter on a row's button selects it; the button keeps the focus.
  const putButton = table.locator('tr[data-strategy="Put"] button');
  await putButton.focus();
  await table.locator('tr[data-strategy="Put"]').evaluate((tr) => (tr.__kept = true));
  await page.keyboard.press("Enter");
  await expect(table.locator('tr[data-strategy="Put"]')).toHaveAttribute("aria-selected", "true");
  expect(await shareUrl(page)).toContain("hedge=put");
  expect(await focused()).toEqual({ tag: "BUTTON", row: "Put", same: true });

  // A new simulation (started without touching the focus) finishes and fills VaR/CVaR: the
  // focus is still on the same row's button, in the same element.
  const gen = Number(await mcSection(page).getAttribute("data-generation"));
  await page.evaluate(() => {
    const seed = document.querySelector('input[data-field="seed"]');
    seed.value = "11";
    seed.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect.poll(async () => Number(await mcSection(page).getAttribute("data-generation"))).toBeGreaterThan(gen);
  await mcDone(page);
  await expect.poll(async () => (await compareTable(page)).rows[0][10]).not.toBe("—");
  expect(await focused()).toEqual({ tag: "BUTTON", row: "Put", same: true });

  // Enter on a focused row (not its button) also keeps the focus on that row.
  const zc = table.locator('tr[data-strategy="Zero-cost collar"]');
  await zc.evaluate((tr) => (tr.__kept = true));
  await zc.focus();
  await page.keyboard.press("Enter");
  await expect(zc).toHaveAttribute("aria-selected", "true");
  expect(await focused()).toEqual({ tag: "TR", row: "Zero-cost collar", same: true });
  expect(problems).toEqual([]);
});

test("the histogram is drawn, and changes with the simulation inputs", async ({ page }) => {
  const problems = await open(page, "./" + SEED.replace("hedge=forward", "hedge=put"));
  await mcDone(page);
  await expect.poll(async () => (await canvasInk(page, "distribution-chart")).ink).toBeGreaterThan(2000);
  const before = await canvasInk(page, "distribution-chart");
  const drawn = await mcSection(page).getAttribute("data-drawn");

  await setField(page, "dvol", 60);
  await expect.poll(() => mcSection(page).getAttribute("data-drawn")).not.toBe(drawn);
  await mcDone(page);
  const after = await canvasInk(page, "distribution-chart");
  expect(after.ink).toBeGreaterThan(2000);
  expect(after.hash).not.toBe(before.hash);
  expect(await shareUrl(page)).toContain("dvol=60");

  // Same seed, same picture; another seed, another sample.
  const drawn2 = await mcSection(page).getAttribute("data-drawn");
  await setField(page, "seed", 7);
  await expect.poll(() => mcSection(page).getAttribute("data-drawn")).not.toBe(drawn2);
  await mcDone(page);
  expect((await canvasInk(page, "distribution-chart")).hash).not.toBe(after.hash);
  expect(problems).toEqual([]);
});

test("a 1,000,000-path run shows progress, keeps the page responsive, and a new input cancels it", async ({ page }) => {
  const problems = await open(page, "./" + SEED.replace("hedge=forward", "hedge=collar"));
  await mcDone(page);
  const gen0 = Number(await mcSection(page).getAttribute("data-generation"));
  // In the page, without test-driver round trips: start the 1,000,000-path run, wait until the
  // progress bar shows, then move the price slider and time how long until the readout shows
  // the new price, noting whether the run was still going when it did.
  const probe = await page.evaluate(async () => {
    const section = document.querySelector("section.distribution");
    const paths = document.querySelector('input[data-field="paths"]');
    const progressBar = () => document.querySelector('[data-testid="mc-progress"]');
    const slider = document.querySelector('[data-testid="price-slider"]');
    const readout = document.querySelector('[data-testid="return-at-price"]');
    const gen = section.dataset.generation;
    const started = performance.now();
    paths.value = "1000000";
    paths.dispatchEvent(new Event("input", { bubbles: true }));
    // Progress visible (a frame or more into the run)?
    while (!progressBar() || progressBar().offsetParent === null) {
      const finished = section.dataset.generation !== gen && section.dataset.mc === "done";
      if (finished || performance.now() - started > 10000) {
        return { sawProgress: false, runMs: performance.now() - started };
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    const shownAt = performance.now() - started;
    const percent = progressBar().value / progressBar().max;
    const before = readout.textContent;
    const t0 = performance.now();
    const changed = new Promise((resolve) => {
      new MutationObserver(() => {
        if (readout.textContent !== before) resolve(performance.now());
      }).observe(readout, { subtree: true, childList: true, characterData: true });
    });
    slider.value = "290";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    const t1 = await changed;
    const stillRunning = section.dataset.mc === "running";
    // Wait for the end to time the whole run.
    while (section.dataset.mc !== "done" && performance.now() - started < 60000) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return {
      sawProgress: true,
      shownAt,
      percent,
      handledMs: t1 - t0,
      stillRunning,
      runMs: performance.now() - started,
    };
  });
  console.log("1,000,000-path run:", JSON.stringify(probe));
  expect(probe.sawProgress).toBe(true);
  expect(probe.percent).toBeLessThan(1);
  expect(probe.stillRunning).toBe(true);
  // An input event is handled while the run goes on: well under a second.
  expect(probe.handledMs).toBeLessThan(500);
  await mcDone(page, 90_000);
  await expect(page.getByTestId("mc-progress")).toBeHidden();
  expect(await shareUrl(page)).toContain("paths=1000000");

  // A new input during a run cancels it: the stale run never reports "done" for the old
  // generation, and the new run finishes.
  const gen1 = Number(await mcSection(page).getAttribute("data-generation"));
  expect(gen1).toBeGreaterThan(gen0);
  await setField(page, "seed", 3);
  await expect(page.getByTestId("mc-progress")).toBeVisible({ timeout: 10_000 });
  await setField(page, "seed", 4);
  await expect.poll(async () => Number(await mcSection(page).getAttribute("data-generation"))).toBe(gen1 + 2);
  await mcDone(page, 90_000);
  await expect.poll(async () => (await compareTable(page)).rows[0][10]).not.toBe("—");
  expect(problems).toEqual([]);
});

test("the volume-risk heat map is drawn, changes with coverage, and warns when over-hedged", async ({ page }) => {
  await open(page, "./" + SEED);
  await expect.poll(async () => (await canvasInk(page, "volume-heatmap")).ink).toBeGreaterThan(5000);
  const full = await canvasInk(page, "volume-heatmap");
  await expect(page.getByTestId("overhedge-warning")).toBeVisible();
  await expect(page.getByTestId("overhedge-warning")).toContainText("150.0%");

  await slide(page, "coverage-slider", 50);
  await expect(page.getByTestId("overhedge-warning")).toBeHidden();
  await expect.poll(async () => (await canvasInk(page, "volume-heatmap")).hash).not.toBe(full.hash);
  expect((await canvasInk(page, "volume-heatmap")).ink).toBeGreaterThan(5000);
});

test("a halving inside the period (rig mode) changes the output and the heat map", async ({ page }) => {
  await open(page, "./");
  await page.getByTestId("presets").getByRole("button", { name: "Bitcoin rig, 200 TH/s" }).click();
  const halving = page.locator('input[data-field="halv"]');
  await expect(halving).toBeVisible();
  await expect.poll(async () => (await canvasInk(page, "volume-heatmap")).ink).toBeGreaterThan(5000);
  const before = await canvasInk(page, "volume-heatmap");
  const output = await page.getByTestId("expected-output").textContent();
  await halving.fill("10");
  await expect(page.getByTestId("expected-output")).not.toHaveText(output);
  await expect.poll(async () => (await canvasInk(page, "volume-heatmap")).hash).not.toBe(before.hash);
  expect(await shareUrl(page)).toContain("halv=10");
});

test("days elapsed adds the mark-to-market curve to the payoff chart", async ({ page }) => {
  await open(page, "./" + SEED.replace("hedge=forward", "hedge=put"));
  const before = await canvasInk(page, "chart");
  await slide(page, "elapsed-slider", 15);
  await expect(page.locator("label[for=elapsed-slider] output")).toContainText("15 days");
  await expect.poll(async () => (await canvasInk(page, "chart")).hash).not.toBe(before.hash);
  await expect(page).toHaveURL(/elapsed=15/);
});

test("rebalancing shows the trade and the ticket", async ({ page }) => {
  await open(page, "./" + SEED);
  const panel = page.getByTestId("rebalance");
  await expect(panel.getByTestId("rebalance-ticket")).toHaveText("No trade needed");
  await setField(page, "rdg", 25);
  await expect(panel.getByTestId("rebalance-output")).toHaveText("4 ETH");
  await expect(panel.getByTestId("rebalance-trade")).toHaveText("-1 ETH");
  await expect(panel.getByTestId("rebalance-ticket")).toHaveText("Buy back 1 ETH forward at $260");
  await expect(panel.getByTestId("rebalance-delta-neutral")).toHaveText(/^-?\d+\.\d{4}$/);
  expect(await shareUrl(page)).toContain("rdg=25");
});

/** "$1,250" / "$(50)" / "13.6%" → number (USD, or percent as a fraction). */
function parseShown(text) {
  const t = text.trim();
  const neg = t.includes("(") || t.startsWith("-");
  const n = Number(t.replace(/[$,()%\s-]/g, ""));
  const v = neg ? -n : n;
  return t.endsWith("%") ? v / 100 : v;
}

test("CSV downloads equal the tables on the page; charts download as PNG", async ({ page }) => {
  const problems = await open(page, "./" + SEED);
  await mcDone(page);
  const rows = await tableRows(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-testid="export-csv"][data-export="table"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe("minerhedge-table.csv");
  const csv = fs.readFileSync(await download.path(), "utf8").trimEnd().split("\r\n").map((l) => l.split(","));
  expect(csv.length).toBe(rows.length);
  expect(csv[0][0]).toMatch(/^Price/);
  // CSV columns: price, revenue, hedge payoff, settlement (coin), hedged revenue, return.
  rows.slice(1).forEach((shown, i) => {
    const line = csv[i + 1].map(Number);
    expect(line[0]).toBeCloseTo(parseShown(shown[0]), 2);
    expect(line[1]).toBeCloseTo(parseShown(shown[1]), 2);
    expect(line[2]).toBeCloseTo(parseShown(shown[2]), 2);
    expect(line[4]).toBeCloseTo(parseShown(shown[3]), 2);
    expect(line[5]).toBeCloseTo(parseShown(shown[4]), 3);
  });

  const [cmp] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-testid="export-csv"][data-export="comparison"]').click(),
  ]);
  const cmpLines = fs.readFileSync(await cmp.path(), "utf8").trimEnd().split("\r\n");
  const shown = await compareTable(page);
  expect(cmpLines.length).toBe(shown.rows.length + 1);
  shown.rows.forEach((r, i) => {
    const cells = cmpLines[i + 1].split(",");
    expect(cells[0]).toBe(r[0]);
    // Floor (USD) and VaR (a signed result: USD, then return as a fraction) agree with the
    // page's rounding ("$(155) (-14.1%)").
    if (r[2] !== "—") expect(Number(cells[2])).toBeCloseTo(parseShown(r[2]), 0);
    if (r[10] !== "—") {
      const [usd, ret] = r[10].split(" (");
      expect(Number(cells[10])).toBeCloseTo(parseShown(usd), 0);
      expect(Number(cells[11])).toBeCloseTo(parseShown(ret.replace(")", "")), 3);
    }
  });

  for (const which of ["chart", "distribution-chart", "volume-heatmap"]) {
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`[data-testid="export-png"][data-export="${which}"]`).click(),
    ]);
    const bytes = fs.readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5000);
  }
  expect(problems).toEqual([]);
});

test("presets load with one click; a saved scenario survives a reload and is never overwritten silently", async ({ page }) => {
  const problems = await open(page, "./" + SEED);
  const presets = page.getByTestId("presets");
  await presets.getByRole("button", { name: "Bitcoin rig, 200 TH/s" }).click();
  await expect(page.locator('select[data-field="mode"]')).toHaveValue("rig");
  expect(await shareUrl(page)).toContain("coin=BTC");
  await presets.getByRole("button", { name: "Hosted Bitcoin contract" }).click();
  await expect(page.locator('select[data-field="hedge"]')).toHaveValue("inverse");
  await presets.getByRole("button", { name: "ProDerivatives ETH example" }).click();
  await expect.poll(async () => (await tableRows(page))[1][0]).toBe("$200");

  // Save the ETH example at 40 % coverage as "June plan".
  await slide(page, "coverage-slider", 40);
  await page.getByTestId("save-name").fill("June plan");
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("preset-status")).toHaveText('Saved "June plan".');

  // Saving again under the same name asks; declining keeps the old one.
  await slide(page, "coverage-slider", 70);
  page.once("dialog", (d) => d.dismiss());
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("preset-status")).toContainText("kept as it was");

  await page.reload();
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  const saved = presets.locator('button[data-saved="June plan"]');
  await expect(saved).toBeVisible();
  await presets.getByRole("button", { name: "Hosted Bitcoin contract" }).click();
  await saved.click();
  await expect.poll(() => shareUrl(page)).toContain("cov=40");
  expect(await shareUrl(page)).toContain("coin=ETH");

  // Accepting the question replaces it.
  await slide(page, "coverage-slider", 70);
  await page.getByTestId("save-name").fill("June plan");
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("preset-status")).toHaveText('Replaced "June plan".');
  await page.reload();
  await slide(page, "coverage-slider", 10);
  await presets.locator('button[data-saved="June plan"]').click();
  await expect.poll(() => shareUrl(page)).toContain("cov=70");

  // Delete (after confirming).
  page.once("dialog", (d) => d.accept());
  await presets.locator('button[data-delete="June plan"]').click();
  await expect(presets.locator('button[data-saved="June plan"]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(presets.locator('button[data-saved="June plan"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("the print stylesheet puts inputs, chart and tables on the first page, without controls", async ({ page }) => {
  // A4 landscape with 7 mm margins: 283 × 196 mm printable ≈ 1069 × 740 CSS px.
  await page.setViewportSize({ width: 1069, height: 740 });
  await open(page, "./" + SEED);
  await mcDone(page);
  await page.emulateMedia({ media: "print" });
  const box = async (sel) => page.locator(sel).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, shown: r.height > 0 };
  });
  for (const sel of ["section.inputs", '[data-testid="chart"]', '[data-testid="payoff-table"]', '[data-testid="strategy-compare"]']) {
    const b = await box(sel);
    expect(b.shown, sel).toBe(true);
    expect(b.bottom, sel).toBeLessThan(740);
  }
  for (const sel of ['[data-testid="export-csv"]', '[data-testid="copy-link"]', '[data-testid="price-slider"]', '[data-testid="presets"]']) {
    await expect(page.locator(sel).first()).toBeHidden();
  }
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeLessThanOrEqual(2);
});
