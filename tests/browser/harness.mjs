// Shared by the browser checks: launch Debian's chromium through playwright-core, headless, fresh
// profile, and record everything that would make a page "not clean": console errors, page errors,
// dialogs, and any request that leaves the server under test.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.SITREP_CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run",
];

export async function withBrowser(base, outDir, run) {
  const profile = mkdtempSync(join(tmpdir(), "sitrep-chromium-"));
  mkdirSync(outDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 900 },
  });
  const problems = [];
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console error: ${msg.text()}`); });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("dialog", async (dialog) => { problems.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("about:")) problems.push(`external request: ${url}`);
  });
  const checks = [];
  const check = (ok, what) => checks.push({ ok: Boolean(ok), what });
  try {
    await run({ page, check, outDir });
  } catch (err) {
    checks.push({ ok: false, what: `exception: ${err.stack || err}` });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  for (const p of problems) checks.push({ ok: false, what: p });
  const failed = checks.filter((c) => !c.ok);
  console.log(JSON.stringify({ checks, failed: failed.length }));
  process.exit(failed.length ? 1 : 0);
}
