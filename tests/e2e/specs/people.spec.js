// People: keyboard, screen readers, touch, narrow screens, dark mode, glossary, number format.
const { test, expect } = require("@playwright/test");
const { SEED, open, slide, shareUrl } = require("./helpers");

/** Presses Tab until the element with `testid` has focus; returns the focus order seen. */
async function tabTo(page, testid, limit = 120) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const who = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? a.dataset.testid || a.id || a.tagName.toLowerCase() : "";
    });
    seen.push(who);
    if (who === testid) return seen;
  }
  throw new Error(`Tab never reached ${testid}; focus went through ${seen.join(" → ")}`);
}

/** Relative luminance (0 dark … 1 light) of a CSS rgb() colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** The chart canvas's top-left pixel (its background) as a luminance. */
const chartBackground = (page) =>
  page.getByTestId("chart").evaluate((c) => {
    const [r, g, b] = c.getContext("2d").getImageData(2, 2, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });

test("keyboard only: Tab reaches the price slider with a visible focus ring; arrows and PageUp/PageDown move it", async ({ page }) => {
  const problems = await open(page, "./" + SEED + "&px=250");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const order = await tabTo(page, "price-slider");
  // A sensible order: inputs panel first, then coverage, then the price slider.
  const cov = order.indexOf("coverage-slider");
  expect(order.indexOf("field-spot")).toBeGreaterThanOrEqual(0);
  expect(order.indexOf("field-spot")).toBeLessThan(cov);
  expect(cov).toBeLessThan(order.indexOf("price-slider"));

  const slider = page.getByTestId("price-slider");
  const ring = await slider.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe("none");
  expect(ring.width).toBeGreaterThanOrEqual(2);

  const before = await shareUrl(page);
  await page.keyboard.press("ArrowRight"); // one step: (300 − 200) / 1000
  await expect(page.getByTestId("price-live")).toHaveText(/^At \$250\.10: hedged total \$[\d,]+(\.\d\d)?, return -?[\d,.]+%$/);
  await expect.poll(() => shareUrl(page)).toContain("px=250.1");
  expect(await shareUrl(page)).not.toBe(before);

  await page.keyboard.press("PageUp"); // a tenth of the range
  await expect.poll(() => shareUrl(page)).toContain("px=260.1");
  await expect(page.getByTestId("price-live")).toHaveText(/^At \$260\.10: /);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => shareUrl(page)).toContain("px=240");
  await expect(page.getByTestId("price-live")).toHaveText(/^At \$240: /);
  await page.keyboard.press("End");
  await expect.poll(() => shareUrl(page)).toContain("px=300");
  await expect(page).toHaveURL(/px=300/);

  // The coverage slider the same way.
  await page.getByTestId("coverage-slider").focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => shareUrl(page)).toContain("cov=99");
  await page.keyboard.press("PageDown");
  await expect.poll(() => shareUrl(page)).toContain("cov=89");
  expect(problems).toEqual([]);
});

test("every control is reachable by Tab, and every input and select has an accessible name", async ({ page }) => {
  await open(page, "./" + SEED);
  const unnamed = await page.evaluate(() =>
    Array.from(document.querySelectorAll("input, select, textarea, button"))
      .filter((el) => {
        const named =
          (el.labels && el.labels.length > 0 && el.labels[0].textContent.trim() !== "") ||
          (el.getAttribute("aria-label") || "").trim() !== "" ||
          (el.getAttribute("aria-labelledby") || "")
            .split(/\s+/)
            .some((id) => id && document.getElementById(id)) ||
          (el.tagName === "BUTTON" && el.textContent.trim() !== "");
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
  // aria-describedby points at elements that exist.
  const dangling = await page.evaluate(() =>
    Array.from(document.querySelectorAll("[aria-describedby]"))
      .flatMap((el) => el.getAttribute("aria-describedby").split(/\s+/))
      .filter((id) => id && !document.getElementById(id)),
  );
  expect(dangling).toEqual([]);
  // Every visible control appears in the Tab order.
  const visible = await page.evaluate(() =>
    Array.from(document.querySelectorAll("input, select, button, a[href]"))
      .filter((el) => el.getClientRects().length > 0 && !el.disabled && el.tabIndex >= 0)
      .map((el) => el.dataset.testid || el.id || el.dataset.term || el.textContent.trim()),
  );
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const seen = new Set();
  for (let i = 0; i < visible.length + 10; i++) {
    await page.keyboard.press("Tab");
    seen.add(
      await page.evaluate(() => {
        const el = document.activeElement;
        return el.dataset.testid || el.id || el.dataset.term || el.textContent.trim();
      }),
    );
  }
  expect(visible.filter((v) => !seen.has(v))).toEqual([]);
});

test("an invalid input is marked aria-invalid and described by its message", async ({ page }) => {
  await open(page, "./" + SEED);
  const spot = page.locator("#field-spot");
  await expect(spot).toHaveAttribute("aria-invalid", "false");
  await spot.fill("-5");
  await expect(spot).toHaveAttribute("aria-invalid", "true");
  const described = await spot.evaluate((el) =>
    el
      .getAttribute("aria-describedby")
      .split(/\s+/)
      .map((id) => document.getElementById(id).textContent)
      .join(" "),
  );
  expect(described).toContain("-5");
  await spot.fill("250");
  await expect(spot).toHaveAttribute("aria-invalid", "false");
});

test("the aria-live readout follows the price slider", async ({ page }) => {
  await open(page, "./" + SEED + "&px=250");
  const live = page.getByTestId("price-live");
  await expect(live).toHaveAttribute("aria-live", "polite");
  // The seed: forward at 260 on all 5 ETH, cost 1,100: hedged total 5 × 260 = $1,300.
  await expect(live).toHaveText("At $250: hedged total $1,300, return 18.2%");
  await slide(page, "price-slider", 290);
  await expect(live).toHaveText("At $290: hedged total $1,300, return 18.2%");
  await page.goto("./" + SEED.replace("hedge=forward", "hedge=none") + "&px=290");
  await expect(page.getByTestId("price-live")).toHaveText("At $290: hedged total $1,450, return 31.8%");
});

test("the chart has a role and a name that summarises curves, breakeven and spot", async ({ page }) => {
  await open(page, "./" + SEED);
  const chart = page.getByTestId("chart");
  await expect(chart).toHaveAttribute("role", "img");
  const name = await chart.getAttribute("aria-label");
  expect(name).toContain("$200 to $300");
  expect(name).toMatch(/Forward \(chosen, bold line\): \$1,300 at \$200, \$1,300 at \$300/);
  expect(name).toMatch(/Unhedged: \$1,000 at \$200, \$1,500 at \$300/);
  expect(name).toContain("Breakeven at $220.00");
  expect(name).toContain("Spot $250");
  await page.locator("#field-spot").fill("270");
  await expect(chart).toHaveAttribute("aria-label", /Spot \$270/);
  // The mouse still reads values off the chart, and leaving clears the readout.
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(page.getByTestId("chart-hover")).toHaveText(/^At \$/);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height + 200);
  await expect(page.getByTestId("chart-hover")).not.toHaveText(/^At \$/);
});

test("sliders are touch-friendly: tall hit area, vertical panning kept, a tap moves them", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await open(page, "./" + SEED + "&px=250");
  for (const id of ["price-slider", "coverage-slider"]) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(await page.getByTestId(id).evaluate((el) => getComputedStyle(el).touchAction)).toBe("pan-y");
  }
  const slider = page.getByTestId("price-slider");
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect.poll(async () => Number(await slider.evaluate((el) => el.value))).toBeGreaterThan(280);
  await expect.poll(() => shareUrl(page)).not.toContain("px=250&");
  // A tap on the chart reads the value under the finger.
  const chart = page.getByTestId("chart");
  await chart.scrollIntoViewIfNeeded();
  const c = await chart.boundingBox();
  await expect(page.getByTestId("chart-hover")).not.toHaveText(/^At /);
  await page.touchscreen.tap(c.x + c.width * 0.6, c.y + c.height / 2);
  await expect(page.getByTestId("chart-hover")).toHaveText(/^At \$[\d,.]+: \$[\d,.()]+$/);
  await context.close();
});

for (const [what, query] of [
  ["the default page", ""],
  ["the seed", SEED],
  ["an inverse forward", SEED.replace("hedge=forward", "hedge=inverse")],
  ["a rig with a collar", "?v=1&mode=rig&hedge=collar&kc=zero&kp=200"],
]) {
  test(`375 px wide: ${what} has no horizontal scroll, inputs above results, the chart fits`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const problems = await open(page, "./" + query);
    const m = await page.evaluate(() => {
      const r = (sel) => document.querySelector(sel).getBoundingClientRect();
      return {
        scroll: document.documentElement.scrollWidth,
        inner: innerWidth,
        inputsBottom: r(".inputs").bottom,
        resultsTop: r(".results").top,
        chart: r("[data-testid=chart]").right,
      };
    });
    expect(m.scroll).toBeLessThanOrEqual(m.inner);
    expect(m.inputsBottom).toBeLessThanOrEqual(m.resultsTop);
    expect(m.chart).toBeLessThanOrEqual(m.inner);
    // The table scrolls inside its own panel when it is wider than the screen.
    const table = await page.locator("section.table").evaluate((s) => ({
      overflow: getComputedStyle(s).overflowX,
      right: s.getBoundingClientRect().right,
    }));
    expect(["auto", "scroll"]).toContain(table.overflow);
    expect(table.right).toBeLessThanOrEqual(m.inner);
    // An open glossary tip stays on screen too (the rightmost one is the widest risk).
    const tips = page.locator(".tip-button:visible");
    const last = tips.nth((await tips.count()) - 1);
    await last.focus();
    const tip = await last.evaluate((b) => b.nextElementSibling.getBoundingClientRect().toJSON());
    expect(tip.width).toBeGreaterThan(0);
    expect(tip.left).toBeGreaterThanOrEqual(0);
    expect(tip.right).toBeLessThanOrEqual(m.inner);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(m.inner);
    expect(problems).toEqual([]);
    await context.close();
  });
}

test("dark mode: follows prefers-color-scheme, the toggle switches it (charts too) and a reload keeps it", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  const problems = await open(page, "./" + SEED);
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveValue("system");
  await expect.poll(async () => luminance(await bodyBackground(page))).toBeLessThan(0.2);
  await expect.poll(() => chartBackground(page)).toBeLessThan(0.2);

  await toggle.selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect.poll(async () => luminance(await bodyBackground(page))).toBeGreaterThan(0.8);
  await expect.poll(() => chartBackground(page)).toBeGreaterThan(0.8);

  await page.reload();
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(page.getByTestId("theme-toggle")).toHaveValue("light");
  await expect.poll(async () => luminance(await bodyBackground(page))).toBeGreaterThan(0.8);
  await expect.poll(() => chartBackground(page)).toBeGreaterThan(0.8);

  await page.getByTestId("theme-toggle").selectOption("dark");
  await expect.poll(() => chartBackground(page)).toBeLessThan(0.2);
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expect(page.getByTestId("payoff-table")).toBeVisible();
  await expect(page.getByTestId("theme-toggle")).toHaveValue("dark");
  await expect.poll(async () => luminance(await bodyBackground(page))).toBeLessThan(0.2);
  await expect.poll(() => chartBackground(page)).toBeLessThan(0.2);
  expect(await page.evaluate(() => localStorage.getItem("minerhedge-theme"))).toBe("dark");

  // Back to the system's choice, which now is light; a change of the system setting redraws.
  await page.getByTestId("theme-toggle").selectOption("system");
  await expect.poll(() => chartBackground(page)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => chartBackground(page)).toBeLessThan(0.2);
  expect(problems).toEqual([]);
  await context.close();
});

test("glossary tips: keyboard focus shows the definition, Escape hides it; every term is in the glossary", async ({ page }) => {
  await open(page, "./" + SEED);
  const tip = page.locator(".coverage .tip-button");
  await expect(tip).toHaveAccessibleName("What is Coverage?");
  await expect(tip).toHaveAccessibleDescription(/share of the period's expected output/);
  const text = page.locator(".coverage .tip-text");
  await expect(text).toBeHidden();
  await page.getByTestId("coverage-slider").focus();
  await page.keyboard.press("Shift+Tab");
  await expect(tip).toBeFocused();
  await expect(text).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(text).toBeHidden();
  await tip.click();
  await expect(text).toBeVisible();

  await page.getByText("Glossary", { exact: true }).click();
  for (const term of ["Hashprice", "Coverage", "Collar", "Delta", "VaR 95 %", "Zero-cost collar", "Breakeven", "Inverse forward"]) {
    await expect(page.getByTestId("glossary").locator("dfn", { hasText: term }).first()).toBeVisible();
  }
  // Rig mode shows hashprice with its tip.
  await page.goto("./?v=1&mode=rig");
  await expect(page.locator('[data-term="hashprice"]')).toHaveAccessibleDescription(/hashrate earns per day/);
});

test("numbers carry thousands separators in the derived panel, the readout and the table", async ({ page }) => {
  await open(page, "./?v=1&coin=ETH&mode=direct&cost=1100000&qty=5000&spot=2500&hedge=put&kp=2400&cov=100&lo=1000&hi=4000&step=500&px=3000");
  await expect(page.getByTestId("expected-output")).toHaveText("5,000 ETH");
  await expect(page.getByTestId("period-cost")).toHaveText("$1,100,000");
  const texts = await page.evaluate(() =>
    Array.from(document.querySelectorAll(".derived dd, .readout dd, [data-testid=payoff-table] td, [data-testid=price-live]")).map(
      (e) => e.textContent,
    ),
  );
  expect(texts.length).toBeGreaterThan(20);
  // No integer part of four or more digits without a separator.
  expect(texts.filter((t) => /(^|[^.\d])\d{4,}/.test(t))).toEqual([]);
  expect(await page.getByTestId("position-delta").textContent()).toMatch(/^-?[\d]{1,3}(,\d{3})*\.\d{4}$/);
});
