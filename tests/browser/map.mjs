// The map page: markers from the demo database, ODbL attribution, timeline filter, and a marker
// that opens its incident page with the evidence highlighted.
// Usage: node map.mjs BASE_URL OUT_DIR MIN_MARKERS
import { withBrowser } from "./harness.mjs";

const [base, outDir, minMarkers] = process.argv.slice(2);

await withBrowser(base, outDir, async ({ page, check }) => {
  await page.goto(`${base}/`);
  await page.waitForSelector("#map[data-loaded='true']", { timeout: 15000 });
  const markers = page.locator("path.incident-marker");
  const inClusters = async () => (await page.locator(".incident-cluster:not(.legend-cluster-icon) span").allInnerTexts())
    .reduce((n, t) => n + Number(t.replace(/,/g, "")), 0);
  const count = Number((await page.locator("#shown-count").innerText()).replace(/,/g, ""));
  const drawn = (await markers.count()) + (await inClusters());
  check(count >= Number(minMarkers), `map shows ${count} incidents (want >= ${minMarkers})`);
  check(drawn === count, `markers + cluster counts (${drawn}) add up to the incidents shown (${count})`);
  const attribution = await page.locator(".leaflet-control-attribution").innerText();
  check(attribution.includes("ODbL"), `ODbL attribution on the map: ${attribution}`);
  check((await page.locator("path.leaflet-interactive").count()) > 20, "oblast boundaries drawn");
  const bars = page.locator("#timeline rect.bar[data-count]:not([data-count='0'])");
  check((await bars.count()) >= 1, "timeline has bars");
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/map.png` });

  await bars.first().click();
  const shown = Number(await page.locator("#shown-count").innerText());
  check(shown >= 1 && shown <= count, `timeline day filters the map (${shown} of ${count})`);
  await page.locator("#timeline-reset").click();
  check(Number((await page.locator("#shown-count").innerText()).replace(/,/g, "")) === count, "reset shows all markers again");

  for (let n = 0; n < 8 && (await markers.count()) === 0; n++) {
    await page.locator(".leaflet-marker-icon.incident-cluster").first().click();
    await page.waitForTimeout(700);
  }
  const id = await markers.first().getAttribute("data-incident-id");
  await markers.first().click({ force: true });
  const link = page.locator(".leaflet-popup a.open-incident");
  await link.waitFor({ timeout: 5000 });
  await Promise.all([page.waitForURL(/\/incidents\//), link.click()]);
  check(page.url().endsWith(`/incidents/${encodeURIComponent(id)}`), `opened ${page.url()} for ${id}`);
  const marks = page.locator("blockquote.passage mark.evidence");
  check((await marks.count()) >= 1, "evidence is highlighted");
  const marked = (await marks.first().innerText()).trim();
  check(marked.length > 10, `highlighted evidence: ${marked.slice(0, 80)}`);
  await page.screenshot({ path: `${outDir}/incident.png`, fullPage: true });
});
