// The ledger page: charts drawn, a figure contradiction between two claimants marked in the
// table and listed below.
// Usage: node ledger.mjs BASE_URL OUT_DIR
import { withBrowser } from "./harness.mjs";

const [base, outDir] = process.argv.slice(2);

await withBrowser(base, outDir, async ({ page, check }) => {
  await page.goto(`${base}/ledger`);
  await page.waitForSelector("body[data-charts-ready='true']", { timeout: 15000 });
  check((await page.locator("canvas.series-chart").count()) >= 1, "a chart per series");
  const items = page.locator("ul.contradictions li.contradiction[data-kind='figure']");
  check((await items.count()) >= 1, "a figure contradiction listed");
  const text = (await items.first().innerText()).replace(/\s+/g, " ");
  check(/says .+ vs .+ says /.test(text), `figure contradiction reads: ${text}`);
  const contested = page.locator("section.series:has(tr.contested) tr.contested");
  check((await contested.count()) >= 2, "contested claims marked in the table");
  const claimants = new Set();
  for (const row of await contested.all()) claimants.add((await row.locator("td").first().innerText()).trim());
  check(claimants.size >= 2, `contested claims come from two claimants: ${[...claimants].join(", ")}`);
  await page.screenshot({ path: `${outDir}/ledger.png`, fullPage: true });

  // The ledger downloads from the page: a click saves the same rows as the API.
  for (const [cls, kind] of [["ledger-download", "ledger"], ["contradictions-download", "contradictions"]]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"), page.locator(`a.${cls}[data-format=csv]`).click(),
    ]);
    check(download.suggestedFilename() === `sitrep-${kind}.csv`, `downloaded ${download.suggestedFilename()}`);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync(path, "utf-8").trim().split("\n");
    check(lines.length >= 2, `${kind} CSV has rows (${lines.length - 1})`);
  }
  // No chart draws a 1970 axis: every x tick label is a date of this war.
  const years = await page.evaluate(() => Object.values(window.Chart.instances).flatMap((c) =>
    c.scales.x.ticks.map((t) => Number(String(c.scales.x.getLabelForValue ? c.options.scales.x.ticks.callback(t.value) : "").slice(0, 4)))));
  check(years.length > 0 && years.every((y) => y >= 2014 && y <= 2030), `chart axes show real dates: ${[...new Set(years)]}`);
});
