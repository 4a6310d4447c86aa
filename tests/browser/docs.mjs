// /docs: Swagger UI renders this server's OpenAPI document, every file from this server.
// Usage: node docs.mjs BASE_URL OUT_DIR
import { withBrowser } from "./harness.mjs";

const [base, outDir] = process.argv.slice(2);

await withBrowser(base, outDir, async ({ page, check }) => {
  await page.goto(`${base}/docs`);
  await page.waitForSelector(".swagger-ui .opblock", { timeout: 15000 });
  const paths = await page.locator(".opblock-summary-path").allInnerTexts();
  check(paths.some((p) => p.includes("/api/incidents")), `API paths listed: ${paths.length}`);
  check(paths.some((p) => p.includes("/api/ledger")), "the ledger download is documented");
  await page.screenshot({ path: `${outDir}/docs.png` });
});
