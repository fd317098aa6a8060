/**
 * Debian's Chromium, headless, for tests that render an HTML file the CLI wrote: the page
 * may load nothing but local files (every other request is aborted and recorded, so a test
 * can assert that there was none), and axe-core checks its accessibility.
 */
import { existsSync, readFileSync } from "fs";
import { pathToFileURL } from "url";
import type { Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** True when Chromium is installed (tests skip their rendering part otherwise). */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Opens a local HTML file in headless Chromium (1000 x 1500 viewport) and hands `use` the
 * page and the list of blocked requests; the browser is closed afterwards, whatever happens.
 *
 * @example
 *   await withOfflinePage(htmlPath, async (page, blocked) => {
 *     expect(blocked).toEqual([]);
 *     await page.screenshot({ path: "shot.png" });
 *   });
 */
export async function withOfflinePage<T>(htmlPath: string, use: (page: Page, blocked: readonly string[]) => Promise<T>): Promise<T> {
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 1500 }, deviceScaleFactor: 1 });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
    return await use(page, blocked);
  } finally {
    await browser.close();
  }
}

/**
 * axe-core's violations on the page, as `id (impact)`.
 *
 * @example
 *   expect((await axeViolations(page)).filter((v) => /serious|critical/.test(v))).toEqual([]);
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  return page.evaluate(async () => {
    const w = globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } };
    const result = await w.axe.run();
    return result.violations.map((v) => `${v.id} (${v.impact})`);
  });
}
