// The map at scale (10,000+ incidents): every incident loaded and clustered, a legend of the types
// present with a numbered size legend, stacks spiderfied, and the page's state in its URL:
// filters, timeline selection (which drives the date fields and the downloads) and view, restored
// on reload.
// Usage: node map_scale.mjs BASE_URL OUT_DIR TOTAL TYPES(comma-separated)
import { withBrowser } from "./harness.mjs";

const [base, outDir, total, types] = process.argv.slice(2);
const num = (text) => Number(String(text).replace(/[^0-9]/g, ""));

await withBrowser(base, outDir, async ({ page, check }) => {
  const loaded = () => page.waitForSelector("#map[data-loaded='true']", { timeout: 60000 });
  await page.goto(`${base}/`);
  await loaded();
  const shown = num(await page.locator("#shown-count").innerText());
  check(shown === Number(total), `all ${total} incidents loaded (shown: ${shown})`);
  const clusterCounts = async () => (await page.locator(".leaflet-marker-icon.incident-cluster span").allInnerTexts())
    .reduce((n, t) => n + num(t), 0);
  const clustered = await clusterCounts();
  const single = await page.locator("path.incident-marker").count();
  check(clustered + single === shown, `clusters (${clustered}) + markers (${single}) = ${shown}`);
  check(single < 200, `markers are clustered (${single} drawn alone)`);

  const legend = await page.locator("#legend-types li").evaluateAll((els) => els.map((e) => e.dataset.type));
  check(JSON.stringify([...legend].sort()) === JSON.stringify(types.split(",").sort()), `legend lists the types present: ${legend}`);
  const colors = await page.locator("#legend-types .swatch").evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  check(new Set(colors).size === colors.length, `each type its own colour: ${colors}`);
  const sizes = await page.locator("#legend-size text").evaluateAll((els) => els.map((e) => e.textContent));
  check(sizes.join(",") === "1,10,50", `numbered size legend: ${sizes}`);
  check((await page.locator(".leaflet-tooltip.place-name").count()) > 3, "town labels drawn");
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${outDir}/map-clustered.png` });

  // A filter: the URL says so and the map zooms to the results.
  await page.selectOption("#oblast-select", "Kharkiv Oblast");
  await page.click("#filters button[type=submit]");
  await loaded();
  await page.waitForTimeout(800); // the zoom animates; the URL follows when it ends
  let url = new URL(page.url());
  check(url.searchParams.get("oblast") === "Kharkiv Oblast", `filter in the URL: ${url.search}`);
  const zoom = Number((url.searchParams.get("view") || "").split(",")[2]);
  check(zoom > 6, `filtering zoomed to the results (zoom ${zoom})`);
  const kharkiv = num(await page.locator("#shown-count").innerText());
  check(kharkiv > 0 && kharkiv < shown, `oblast filter: ${kharkiv} of ${shown}`);

  // A timeline day: date fields, downloads and URL follow it.
  const bar = page.locator("#timeline rect.bar[data-count]:not([data-count='0'])").nth(3);
  const day = await bar.getAttribute("data-day");
  await bar.click();
  const onDay = num(await page.locator("#shown-count").innerText());
  check(await page.inputValue("input[name=date_from]") === day && await page.inputValue("input[name=date_to]") === day,
    `timeline selection fills the date fields with ${day}`);
  url = new URL(page.url());
  check(url.searchParams.get("days") === `${day},${day}`, `timeline selection in the URL: ${url.search}`);
  const href = await page.locator(".export-link[data-format=csv]").getAttribute("href");
  check(href.includes(`date_from=${day}`) && href.includes(`date_to=${day}`) && href.includes("oblast=Kharkiv"), `download follows the selection: ${href}`);
  const csv = await page.evaluate(async (h) => (await fetch(h)).text(), href);
  const rows = csv.trim().split("\n").length - 1;
  check(rows === onDay, `download has the ${onDay} incidents shown (${rows})`);

  // Reload: the same view, filters and selection.
  const before = page.url();
  await page.reload();
  await loaded();
  check(await page.inputValue("#oblast-select") === "Kharkiv Oblast", "reload keeps the oblast filter");
  check(num(await page.locator("#shown-count").innerText()) === onDay, "reload keeps the timeline selection");
  check((await page.locator("#timeline-selection").innerText()).includes(day), "reload shows the selected day");
  const view = (u) => new URL(u).searchParams.get("view");
  check(view(page.url()) === view(before), `reload keeps the map view (${view(before)} -> ${view(page.url())})`);

  // A stack of incidents in one town spreads out (spiderfy) at the deepest zoom.
  await page.goto(`${base}/?view=49.99,36.23,14`);
  await loaded();
  const cluster = page.locator(".leaflet-marker-icon.incident-cluster").first();
  await cluster.click();
  await page.waitForTimeout(800);
  const spread = await page.locator("path.incident-marker").count();
  check(spread > 1, `a clicked stack spreads into ${spread} markers`);
});
