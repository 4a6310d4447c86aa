// At a phone's width (390 px): no page scrolls sideways, and the map comes first on the map page.
// Usage: node mobile.mjs BASE_URL OUT_DIR INCIDENT_ID
import { withBrowser } from "./harness.mjs";

const [base, outDir, incident] = process.argv.slice(2);

await withBrowser(base, outDir, async ({ page, check }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
  await page.goto(`${base}/`);
  await page.waitForSelector("#map[data-loaded='true']", { timeout: 15000 });
  check(await wide() <= 390, `map page fits 390 px (scroll width ${await wide()})`);
  const top = await page.locator("#map").evaluate((el) => el.getBoundingClientRect().top);
  check(top < 250, `the map starts near the top (${Math.round(top)} px down)`);
  await page.screenshot({ path: `${outDir}/mobile-map.png` });
  for (const path of [`/incidents/${encodeURIComponent(incident)}`, "/ledger", "/articles/a1"]) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    check(await wide() <= 390, `${path} fits 390 px (scroll width ${await wide()})`);
  }
  await page.goto(`${base}/incidents/${encodeURIComponent(incident)}`);
  await page.screenshot({ path: `${outDir}/mobile-incident.png`, fullPage: true });
});
