// The ledger page: charts drawn, a contradiction marked in the table and listed below.
// Usage: node ledger.mjs BASE_URL OUT_DIR
import { withBrowser } from "./harness.mjs";

const [base, outDir] = process.argv.slice(2);

await withBrowser(base, outDir, async ({ page, check }) => {
  await page.goto(`${base}/ledger`);
  await page.waitForSelector("body[data-charts-ready='true']", { timeout: 15000 });
  check((await page.locator("canvas.series-chart").count()) >= 1, "a chart per series");
  const items = page.locator("ul.contradictions li.contradiction");
  check((await items.count()) >= 1, "contradictions listed");
  const text = (await items.first().innerText()).replace(/\s+/g, " ");
  check(text.includes(" vs "), `contradiction reads: ${text}`);
  check((await page.locator("tr.contested").count()) >= 2, "contested claims marked in the table");
  await page.screenshot({ path: `${outDir}/ledger.png`, fullPage: true });
});
