// Hostile article text (<script>, onerror=) must render as text: no dialog, no injected element,
// no console error (a CSP violation would log one).
// Usage: node xss.mjs BASE_URL OUT_DIR ARTICLE_ID INCIDENT_ID
import { withBrowser } from "./harness.mjs";

const [base, outDir, articleId, incidentId] = process.argv.slice(2);

await withBrowser(base, outDir, async ({ page, check }) => {
  for (const path of [`/articles/${articleId}`, `/articles/${articleId}?start=0&end=60`, `/incidents/${incidentId}`, "/search?q=port"]) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("load");
    const body = await page.locator("main").innerText();
    check(body.includes("<script>") || body.includes("onerror="), `${path}: payload shown as text`);
    check((await page.locator("main script, main img").count()) === 0, `${path}: no injected element`);
  }
  await page.goto(`${base}/`);
  await page.waitForSelector("#map[data-loaded='true']", { timeout: 15000 });
  const marker = page.locator(`path.incident-marker[data-incident-id='${incidentId}']`);
  await marker.click({ force: true });
  await page.locator(".leaflet-popup").waitFor({ timeout: 5000 });
  check((await page.locator(".leaflet-popup img").count()) === 0, "popup has no injected element");
  await page.screenshot({ path: `${outDir}/xss.png` });
});
