/**
 * @jest-environment node
 *
 * The BUILT task pane (dist/taskpane.html, `npm run build`) in Debian's Chromium, driven by
 * playwright-core, with a stand-in Office host (tests/support/office-script.ts: the fake of
 * tests/support/office/ and office-stub.js) served in place of Microsoft's CDN. Every other request that
 * leaves 127.0.0.1 is aborted and recorded, and the test fails if there was any.
 *
 * The workbook is the sample plan (seeds/) built by the core and written by the add-in's own
 * import, then filled with values so that there are met, unmet and missing KPIs, a hostile
 * indicator name and a hostile sheet name, a user fill and a user conditional format.
 * The expected counts come from the engine run here, in Node, on the same cells.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import http from "http";
import type { AddressInfo } from "net";
import { extname, join } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { conditionForYear, isKpiError, parseTarget, type ValidationReport } from "../../src/core";
import type { RollupNode } from "../../src/core";
import { parsePlan } from "../../src/core/plan/parse";
import { runValidate } from "../../src/excel/actions/validate";
import { workbookUnitScores, type UnitScore } from "../../src/core/scorecards";
import { importWorkbook } from "../../src/excel/actions/import";
import { buildWorkbook } from "../../src/core/workbook/build";
import { achievementText, rowsAddress } from "../../src/taskpane/tree-model";
import { FakeExcel, parseRect, type FakeCell } from "../support/office";
import { colName, hostOf, kpiWorkbook } from "../support/excel-fixtures";
import { officeScript } from "../support/office-script";
import { describe as describeIn } from "../../src/core";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
const SEED = readFileSync(join(ROOT, "seeds/000_30336ea7c660fe63.txt"), "utf8");
const HOSTILE_INDICATOR = "<img src=x onerror=alert(1)>";
const HOSTILE_SHEET = "<svg onload=alert(2)>";
const SCREENSHOT = join(ROOT, "docs/screenshots/taskpane-validate.png");
const TREE_SCREENSHOT = join(ROOT, "docs/screenshots/taskpane-tree.png");
const MONITOR_SCREENSHOT = join(ROOT, "docs/screenshots/taskpane-monitoring.png");
/**
 * The screenshots under docs/ are tracked files: they are written only when asked for
 * (`KPI_SCREENSHOTS=1 npx jest tests/e2e`), so that an ordinary test run changes nothing.
 */
const SHOOT = process.env.KPI_SCREENSHOTS === "1";
const YEAR = 2022;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: the e2e tests cannot be skipped in CI (install Debian's chromium).`);
}
if (!haveChromium) {
  console.warn(`SKIPPED tests/e2e: ${CHROMIUM} is not installed (apt-get install chromium). In CI this fails instead.`);
}
const describeBrowser = haveChromium ? describe : describe.skip;

// ------------------------------------------------------------------ the workbook

interface Fixture {
  /** FakeWorkbook JSON for the stub. */
  workbook: unknown;
  /** The engine's report on the same workbook (the oracle for the counts). */
  report: ValidationReport;
  /** The engine's roll-up of the same workbook (the oracle for the tree). */
  rollup: RollupNode[];
  /** The hostile indicator's value cell, where its link must go. */
  hostileCell: { sheet: string; address: string };
  /** The engine's unit scorecards of the same workbook (the oracle for Schede unità). */
  units: UnitScore[];
}

/** Reads a year's condition from a target cell and gives a value that meets it or not. */
function valueFor(target: FakeCell, meet: boolean): number | null {
  if (typeof target !== "string") return null;
  const t = parseTarget(target);
  if (isKpiError(t)) return null;
  const c = conditionForYear(t, YEAR);
  if (isKpiError(c)) return null;
  const up = c.op === ">=" || c.op === ">";
  if (c.op === "=") return meet ? c.value : c.value + 1;
  const delta = c.unit === "date" ? 30 : Math.max(1, Math.abs(c.value) * 0.5);
  return up === meet ? c.value + delta : c.value - delta;
}

async function buildFixture(): Promise<Fixture> {
  const fake = new FakeExcel({ platform: "desktop" });
  fake.workbook.load({ name: "Note", values: [["Appunti dell'ufficio", 2022]], fills: { A1: "#FFF2CC" } });
  await importWorkbook(hostOf(fake), buildWorkbook(parsePlan(SEED), { lang: "it" }));
  let hostileCell = { sheet: "", address: "" };
  for (const sheet of fake.workbook.sheets) {
    const header = sheet.rows[0] ?? [];
    const targetCol = header.indexOf(`Target ${YEAR}`);
    const valueCol = header.indexOf(`Valore ${YEAR}`);
    if (targetCol < 0 || valueCol < 0) continue;
    for (let r = 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      const kind = r % 3; // 1: met, 2: unmet, 0: missing
      const key = r * 16384 + valueCol;
      sheet.formulas.delete(key); // Excel would have computed the formula; the fake does not
      const v = kind === 0 ? null : valueFor(row[targetCol], kind === 1);
      row[valueCol] = v ?? "";
      if (sheet.name === "A" && r === 2) {
        row[2] = HOSTILE_INDICATOR;
        hostileCell = { sheet: "A", address: `${colName(valueCol)}${r + 1}` };
      }
    }
  }
  // Two typical mistakes: a weight typed wrong (A.1.1's weights then add up to 90) and a
  // target written in words.
  const sheetA = fake.workbook.sheet("A")!;
  const headerA = sheetA.rows[0] as FakeCell[];
  const a11 = sheetA.rows.findIndex((row) => row?.[0] === "A.1.1");
  sheetA.rows[a11][headerA.indexOf("Peso")] = 30;
  const sheetC = fake.workbook.sheet("C")!;
  sheetC.rows[5][(sheetC.rows[0] as FakeCell[]).indexOf(`Target ${YEAR}`)] = "almeno dieci";

  // The user's own formatting on KPI value cells, which Clear must leave exactly as it was.
  const a = fake.workbook.sheet("A")!;
  const valueCol = (a.rows[0] as FakeCell[]).indexOf(`Valore ${YEAR}`);
  a.formats.set(1 * 16384 + valueCol, { ...(a.formats.get(1 * 16384 + valueCol) ?? {}), fill: "#FFFF00" });
  a.cfs.push({
    id: "user-rule",
    type: "Custom",
    rects: [parseRect(`${colName(valueCol)}2:${colName(valueCol)}40`)],
    formula: `=${colName(valueCol)}2>1000`,
    format: { fill: "#FF00FF", fontColor: null, bold: null, italic: null },
    stopIfTrue: false,
  });
  fake.workbook.sheet("B")!.name = HOSTILE_SHEET;
  fake.workbook.activeSheet = 0;
  const workbook = JSON.parse(JSON.stringify(fake.workbook.toJSON()));

  // The oracle: the engine on a copy of the same cells (through the same reader).
  const oracle = async () => {
    const copy = new FakeExcel({ platform: "desktop" }, (await import("../support/office")).FakeWorkbook.fromJSON(workbook));
    return runValidate(hostOf(copy), { mark: false });
  };
  // One report serves both panes: it holds problems as codes, each pane describes them in its language.
  const it = await oracle();
  return { workbook, report: it.report, rollup: it.rollup.nodes, hostileCell, units: workbookUnitScores(it) };
}

/**
 * The sample plan imported with monitoring dates (`kpi import --monitoraggi 30/06,30/09`), with
 * values typed at 30/06/2022 only: every third KPI meets its target, every third misses it by
 * half (see `valueFor`), the rest left blank; the oracle is the engine on the same cells.
 */
async function monitoringFixture(): Promise<{ workbook: unknown; report: ValidationReport }> {
  const fake = new FakeExcel({ platform: "desktop" });
  await importWorkbook(hostOf(fake), buildWorkbook(parsePlan(SEED), { lang: "it", checkpoints: ["06-30", "09-30"] }));
  for (const sheet of fake.workbook.sheets) {
    const header = sheet.rows[0] ?? [];
    const targetCol = header.indexOf(`Target ${YEAR}`);
    const juneCol = header.indexOf(`Valore ${YEAR} al 30/06`);
    if (targetCol < 0 || juneCol < 0) continue;
    for (let r = 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      const kind = r % 3;
      row[juneCol] = (kind === 0 ? null : valueFor(row[targetCol], kind === 1)) ?? "";
    }
  }
  const workbook = JSON.parse(JSON.stringify(fake.workbook.toJSON()));
  const copy = new FakeExcel({ platform: "desktop" }, (await import("../support/office")).FakeWorkbook.fromJSON(workbook));
  const { report } = await runValidate(hostOf(copy), { mark: false });
  return { workbook, report };
}

// ------------------------------------------------------------------ serving dist/ and the stub

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serveDist(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = join(DIST, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Compares two workbook snapshots and names the first difference (the snapshots are large:
 * a plain toBe would print both in full). `ignore`: top-level keys that may change.
 */
function sameWorkbook(actual: string, expected: string, ignore: string[] = []): string {
  const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), ...Object.fromEntries(ignore.map((k) => [k, null])) });
  const a = strip(actual);
  const b = strip(expected);
  if (a === b) return "identical";
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `differs at ${i}: …${a.slice(Math.max(0, i - 120), i + 80)}… expected …${b.slice(Math.max(0, i - 120), i + 80)}…`;
}

// ------------------------------------------------------------------ the browser

interface Session {
  context: BrowserContext;
  page: Page;
  outside: string[];
  dialogs: string[];
  pageErrors: string[];
}

describeBrowser("the task pane in Chromium", () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let fixture: Fixture;
  let stub: string;
  let axe: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html"))) {
      throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
    }
    stub = officeScript();
    axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    fixture = await buildFixture();
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function open(displayLanguage: string, options: { apiVersion?: string; workbook?: unknown } = {}): Promise<Session> {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, deviceScaleFactor: 1 });
    const outside: string[] = [];
    // First: abort everything that does not go to this machine, and remember it ...
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    // ... then (registered later, so consulted first) answer Office.js from the stub.
    await context.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "application/javascript", body: stub }),
    );
    const page = await context.newPage();
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.addInitScript(
      ([config]) => {
        (window as unknown as { __OFFICE_STUB_CONFIG__: unknown }).__OFFICE_STUB_CONFIG__ = config;
        const w = window as unknown as { __csp: string[]; __alerts: string[] };
        w.__csp = [];
        w.__alerts = [];
        document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
        window.alert = (m?: unknown) => void w.__alerts.push(String(m));
      },
      [{ displayLanguage, platform: "web", apiVersion: options.apiVersion ?? "1.12", workbook: options.workbook ?? fixture.workbook }] as const,
    );
    await page.goto(`${base}/taskpane.html`);
    await page.locator("#validate").waitFor();
    return { context, page, outside, dialogs, pageErrors };
  }

  const stubCall = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(([f, a]) => (window as unknown as { __officeStub: Record<string, (...x: unknown[]) => unknown> }).__officeStub[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;

  async function idle(page: Page): Promise<void> {
    await page.waitForFunction(() => document.getElementById("app")?.getAttribute("data-busy") === "false");
  }

  async function validate(page: Page): Promise<void> {
    await page.locator("#validate").click();
    await idle(page);
  }

  const badge = (page: Page, section: string) =>
    page.locator(`[data-section="${section}"] .badge`).getAttribute("data-count").then(Number);

  const statusOf = (r: ValidationReport, s: string) => r.kpis.filter((k) => k.status === s);

  test("Italian: Validate lists and counts, marks, links, Clear restores byte for byte, no XSS, no outside request, accessible", async () => {
    const { context, page, outside, dialogs, pageErrors } = await open("it-IT");
    const report = fixture.report;
    expect(report.summary.met).toBeGreaterThan(0);
    expect(report.summary.unmet).toBeGreaterThan(0);
    expect(report.summary.missing).toBeGreaterThan(0);
    expect(report.groups.filter((g) => !g.ok && g.difference !== 0)).toHaveLength(1);

    await expect(page.locator("#validate").textContent()).resolves.toBe("Valida");
    await expect(page.locator("#clear").textContent()).resolves.toBe("Rimuovi evidenziazioni");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("it");
    // The Office bundles share the page: the custom functions registered themselves.
    expect((await stubCall<string[]>(page, "associated")).length).toBeGreaterThan(3);

    const original = await stubCall<string>(page, "snapshot");
    await stubCall(page, "resetStats");
    await validate(page);
    // The keyboard stays on Validate (it was disabled while working).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("validate");

    // One Excel.run, 2 syncs: every sheet with its cells and the rules already there; the marks.
    const stats = await stubCall<{ runs: number; syncs: number }>(page, "stats");
    expect(stats).toMatchObject({ runs: 1, syncs: 2 });

    // Summary and sections agree with the engine run in Node on the same cells.
    const stat = async (id: string) => Number((await page.locator(`[data-stat="${id}"] dd`).textContent())!.replace(/\D/g, ""));
    expect({
      rows: await stat("rows"),
      tables: await stat("tables"),
      groups: await stat("groups"),
      groupsBad: await stat("groupsBad"),
      unmet: await stat("unmet"),
      met: await stat("met"),
      missing: await stat("missing"),
      invalid: await stat("invalid"),
      noTarget: await stat("noTarget"),
    }).toEqual({
      rows: report.summary.rows,
      tables: report.summary.tables,
      groups: report.groups.length,
      groupsBad: report.groups.filter((g) => !g.ok).length,
      unmet: report.summary.unmet,
      met: report.summary.met,
      missing: report.summary.missing,
      invalid: report.summary.invalid,
      noTarget: report.summary.noTarget,
    });
    expect(await badge(page, "unmet")).toBe(report.summary.unmet);
    expect(await badge(page, "met")).toBe(report.summary.met);
    expect(await badge(page, "missing")).toBe(report.summary.missing);
    expect(await badge(page, "weights")).toBe(1);
    await expect(page.locator("[data-section='weights'] .item-code").textContent()).resolves.toBe("A.1.1");
    await expect(page.locator("[data-section='weights'] .item-title").textContent()).resolves.toBe("Somma 90, 10 in meno");
    expect(await badge(page, "targets")).toBe(1);
    const unreadable = report.problems.find((p) => p.sheet === "C" && p.cell?.startsWith("K"))!;
    await expect(page.locator("[data-section='targets'] .item-detail").textContent()).resolves.toBe(describeIn(unreadable, "it"));
    await expect(page.locator(".year-checked").textContent()).resolves.toBe(`Anno verificato: ${report.year}`);
    await expect(page.locator("select").inputValue()).resolves.toBe(String(report.year));
    await expect(page.locator(".status-text").textContent()).resolves.toContain("Verifica completata");

    // The marks on the sheet: exactly the met / unmet / missing value cells, one colour each.
    const rules = await stubCall<{ sheet: string; formula: string; fill: string; rects: string[] }[]>(page, "ourRules");
    const marked = new Map<string, string>();
    for (const r of rules) {
      const kind = /:(\w+)"/.exec(r.formula)![1];
      for (const rect of r.rects) {
        const { r0, r1, c0 } = parseRect(rect);
        for (let row = r0; row <= r1; row++) marked.set(`${r.sheet}!${colName(c0)}${row + 1}`, kind);
      }
    }
    const expected = new Map(
      report.kpis.filter((k) => ["met", "unmet", "missing"].includes(k.status) && k.valueCell).map((k) => [`${k.sheet}!${k.valueCell}`, k.status]),
    );
    expect(marked).toEqual(expected);

    // The hostile indicator and sheet name are shown as text; nothing ran, no element was made.
    await page.locator("details[data-section='met']").evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const texts = await page.locator(".item-title").allTextContents();
    expect(texts.some((t) => t.includes(HOSTILE_INDICATOR))).toBe(true);
    const wheres = await page.locator(".item-where").allTextContents();
    expect(wheres.some((t) => t.startsWith(`${HOSTILE_SHEET}!`))).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll("img, svg, iframe, object, embed").length)).toBe(0);

    // The roll-up tree: the plan's areas, open, each node with its figures in words.
    const roots = fixture.rollup.filter((n) => n.depth === 0);
    expect(await page.locator(".tree-list > .tree-node").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual(roots.map((n) => n.code));
    const band = { green: "Verde", amber: "Giallo", red: "Rosso" } as const;
    for (const n of fixture.rollup.filter((x) => x.depth <= 1)) {
      const node = page.locator(`.tree-node[data-code="${n.code}"] > .tree-row`);
      await expect(node.locator(".tree-ach").textContent()).resolves.toBe(
        n.achievement === null ? "Grado di raggiungimento n.d." : `Grado di raggiungimento ${achievementText(n.achievement, "it")}%`,
      );
      await expect(node.locator(".band").textContent()).resolves.toBe(n.band === null ? "n.d." : band[n.band]);
    }
    const strategic = fixture.rollup.find((n) => n.kind === "strategic" && n.kpis > 0)!;

    // Screenshot after Validate (the README shows it).
    await page.locator("details[data-section='met']").evaluate((d) => ((d as HTMLDetailsElement).open = false));
    await page.evaluate(() => window.scrollTo(0, 0));
    if (SHOOT) {
      mkdirSync(join(ROOT, "docs/screenshots"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    }
    // ... and of the tree, one strategic objective opened to its operational objectives.
    await page.locator(`.tree-node[data-code="${strategic.code}"] > .tree-row > .tree-toggle`).click();
    await expect(page.locator(`.tree-node[data-code="${strategic.code}"] > .tree-row > .tree-toggle`).getAttribute("aria-expanded")).resolves.toBe("true");
    const children = fixture.rollup.filter((n) => n.parent === strategic.code).map((n) => n.code);
    expect(await page.locator(`.tree-node[data-code="${strategic.code}"] > .tree-children > .tree-node`).evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual(children);
    if (SHOOT) await page.locator(".tree").screenshot({ path: TREE_SCREENSHOT });
    // For looking at the rest of the pane while working on it (not a test artefact).
    if (process.env.KPI_REVIEW_DIR) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 900, i = 1; y < height && i <= 3; y += 900, i++) {
        await page.screenshot({ path: join(process.env.KPI_REVIEW_DIR, `pane-${i}.png`), clip: { x: 0, y, width: 360, height: 900 }, fullPage: true });
      }
      await page.screenshot({ path: join(process.env.KPI_REVIEW_DIR, "pane-end.png"), clip: { x: 0, y: Math.max(0, height - 900), width: 360, height: 900 }, fullPage: true });
    }

    // A node of the tree selects the rows of its KPIs on its sheet.
    // (Read from the workbook itself: the KPI sheet whose first column holds the code.)
    const kpiSheet = (fixture.workbook as { sheets: { name: string; rows: (unknown[] | null)[] }[] }).sheets.find(
      (x) => x.name !== "Albero" && x.rows.some((r) => r?.[0] === strategic.code),
    )!;
    const strategicRows = kpiSheet.rows.flatMap((r, i) => (r?.[0] === strategic.code ? [i + 1] : []));
    expect(strategicRows.length).toBeGreaterThanOrEqual(strategic.kpis);
    await page.locator(`.tree-node[data-code="${strategic.code}"] > .tree-row > .tree-link`).click();
    await idle(page);
    await expect(stubCall(page, "selection")).resolves.toEqual({
      active: kpiSheet.name,
      selection: {
        sheet: kpiSheet.name,
        address: rowsAddress(strategicRows).split(",").map((run) => run.replace(/^(\d+):(\d+)$/, "A$1:XFD$2")).join(","),
      },
    });

    // Links: a click selects the cell on its sheet; Enter on a focused link does the same.
    const hostileItem = page.locator(".item-link", { hasText: HOSTILE_INDICATOR }).first();
    await hostileItem.click();
    await idle(page);
    await expect(stubCall(page, "selection")).resolves.toEqual({
      active: fixture.hostileCell.sheet,
      selection: { sheet: fixture.hostileCell.sheet, address: fixture.hostileCell.address },
    });
    const onHostileSheet = report.kpis.find((k) => k.sheet === HOSTILE_SHEET && k.status === "unmet")!;
    const link = page.locator(`.item-link[data-key="unmet:${HOSTILE_SHEET}!${onHostileSheet.valueCell}"]`);
    await link.focus();
    await page.keyboard.press("Enter");
    await idle(page);
    await expect(stubCall(page, "selection")).resolves.toEqual({
      active: HOSTILE_SHEET,
      selection: { sheet: HOSTILE_SHEET, address: onHostileSheet.valueCell },
    });

    // Accessibility: no serious or critical violation (results open, import form open).
    await page.locator(".import-summary").click();
    // The page's CSP refuses inline scripts (addScriptTag({content}) is blocked, as it should
    // be), so axe is served from the page's own origin and added by URL.
    await context.route(`${base}/__test__/axe.min.js`, (route) =>
      route.fulfill({ status: 200, contentType: "application/javascript", body: axe }),
    );
    await page.addScriptTag({ url: `${base}/__test__/axe.min.js` });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
        resultTypes: ["violations"],
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    // Validate again: same marks (no duplicates), still 2 syncs.
    await stubCall(page, "resetStats");
    await validate(page);
    expect(await stubCall(page, "ourRules")).toEqual(rules);
    await expect(stubCall<{ syncs: number }>(page, "stats")).resolves.toMatchObject({ syncs: 2 });

    // Clear: the workbook is byte for byte what it was before Validate; 2 syncs (find our rules, delete them).
    await stubCall(page, "resetStats");
    await page.locator("#clear").click();
    await idle(page);
    await expect(page.locator(".status-text").textContent()).resolves.toContain("Evidenziazioni rimosse");
    await expect(stubCall<{ runs: number; syncs: number }>(page, "stats")).resolves.toMatchObject({ runs: 1, syncs: 2 });
    // Going to cells changed the active sheet (that is what the links are for); nothing else changed.
    expect(sameWorkbook(await stubCall<string>(page, "snapshot"), original, ["active"])).toBe("identical");

    // Crea riepilogo: one Excel.run adds the Riepilogo sheet; every other sheet stays as it was.
    await stubCall(page, "resetStats");
    await page.locator("#summary").click();
    await idle(page);
    await expect(page.locator(".status-text").textContent()).resolves.toBe("Riepilogo scritto nel nuovo foglio «Riepilogo».");
    await expect(stubCall<{ runs: number; syncs: number }>(page, "stats")).resolves.toMatchObject({ runs: 1, syncs: 2 });
    const withSummary = JSON.parse(await stubCall<string>(page, "snapshot")) as { sheets: { name: string; rows: unknown[][] }[] };
    const originalSheets = (JSON.parse(original) as { sheets: unknown[] }).sheets;
    expect(withSummary.sheets.map((x) => x.name)).toEqual([...originalSheets.map((x) => (x as { name: string }).name), "Riepilogo"]);
    expect(withSummary.sheets.slice(0, originalSheets.length)).toEqual(originalSheets);
    const summaryRows = withSummary.sheets[withSummary.sheets.length - 1].rows;
    expect(String(summaryRows[0][0])).toContain(`Riepilogo della performance ${report.year}`);
    expect(summaryRows.filter((r) => r && roots.some((n) => n.code === r[0])).length).toBeGreaterThanOrEqual(roots.length);
    await expect(stubCall(page, "selection")).resolves.toMatchObject({ active: "Riepilogo" });

    expect(await page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  test("Crea schede unità writes the Schede unità sheet: each unit's result as the engine computes it, 2 syncs, nothing else touched", async () => {
    const { context, page, outside, pageErrors } = await open("it-IT");
    await validate(page);
    const original = await stubCall<string>(page, "snapshot");
    const button = page.locator("#units");
    await expect(button.textContent()).resolves.toBe("Crea schede unità");
    await stubCall(page, "resetStats");
    await button.click();
    await idle(page);
    const units = fixture.units;
    // The sample plan lists many units; several take part in more than one node.
    expect(units.length).toBeGreaterThanOrEqual(3);
    expect(units.some((u) => u.items.length > 1)).toBe(true);
    await expect(page.locator(".status-text").textContent()).resolves.toBe(`Schede di ${units.length} unità scritte nel nuovo foglio «Schede unità».`);
    await expect(stubCall<{ runs: number; syncs: number }>(page, "stats")).resolves.toMatchObject({ runs: 1, syncs: 2 });
    const after = JSON.parse(await stubCall<string>(page, "snapshot")) as { sheets: { name: string; rows: unknown[][] }[] };
    const before = (JSON.parse(original) as { sheets: { name: string }[] }).sheets;
    expect(after.sheets.map((x) => x.name)).toEqual([...before.map((x) => x.name), "Schede unità"]);
    expect(after.sheets.slice(0, before.length)).toEqual(before);
    const rows = after.sheets[after.sheets.length - 1].rows;
    for (const u of units) {
      const row = rows.find((r) => r?.[0] === u.unit);
      expect(row).toBeDefined();
      if (u.achievement === null) expect(row![1]).toBe("");
      else expect(row![1]).toBeCloseTo(u.achievement, 9);
    }
    await expect(stubCall(page, "selection")).resolves.toMatchObject({ active: "Schede unità" });
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  test("the year selector re-validates for the chosen year", async () => {
    const { context, page } = await open("it-IT");
    await validate(page);
    const years = await page.locator("select option").allTextContents();
    expect(years).toEqual(fixture.report.years.map(String));
    await page.locator("select").selectOption("2021");
    await idle(page);
    await expect(page.locator(".year-checked").textContent()).resolves.toBe("Anno verificato: 2021");
    // No value was typed for 2021: every KPI with a 2021 target is missing.
    expect(await badge(page, "met")).toBe(0);
    expect(await badge(page, "missing")).toBeGreaterThan(0);
    await context.close();
  });

  test("Congela monitoraggio, then an edit, then Valida lists the change after the freeze", async () => {
    const { context, page, outside, pageErrors } = await open("it-IT");
    await validate(page);
    await stubCall(page, "resetStats");
    await page.locator("#freeze").click();
    await expect(page.locator(".freeze-question").textContent()).resolves.toContain(`Congelare i valori del periodo ${YEAR}?`);
    await page.locator("#freeze-confirm").click();
    await idle(page);
    // One Excel.run of 2 syncs: read every sheet, write the hidden sheet.
    expect(await stubCall(page, "stats")).toMatchObject({ runs: 1, syncs: 2 });
    // Every KPI with a value cell for the year is frozen (the engine's count, in Node).
    const frozen = fixture.report.kpis.filter((k) => k.valueCell !== null);
    await expect(page.locator(".status-text").textContent()).resolves.toMatch(
      new RegExp(`^Valori congelati: ${frozen.length} del periodo ${YEAR}, nel foglio nascosto «Storico» \\(\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\)\\.$`),
    );
    const book = JSON.parse(await stubCall<string>(page, "snapshot")) as { sheets: { name: string; visibility: string }[] };
    expect(book.sheets.find((s) => s.name === "Storico")?.visibility).toBe("Hidden");

    // The user changes a met value on sheet A after the freeze.
    const kpi = fixture.report.kpis.find((k) => k.sheet === "A" && k.status === "met" && k.valueCell !== null)!;
    const at = parseRect(kpi.valueCell!);
    await stubCall(page, "setCell", "A", at.r0, at.c0, (kpi.value as number) + 1);
    await validate(page);
    expect(await badge(page, "frozen")).toBe(1);
    const link = page.locator('[data-section="frozen"] .item-link');
    await expect(link.locator(".item-where").textContent()).resolves.toBe(`A!${kpi.valueCell}`);
    await expect(link.locator(".item-detail").textContent()).resolves.toMatch(/^Valore modificato dopo il congelamento del .* \(periodo 2022\): era «.*», ora è «.*»\.$/);
    await link.click();
    await idle(page);
    expect(await stubCall(page, "selection")).toEqual({ active: "A", selection: { sheet: "A", address: kpi.valueCell } });
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  test("monitoring dates: the period selector lists 30/06 and 30/09, the at-risk mark and its legend entry", async () => {
    const { workbook, report } = await monitoringFixture();
    const { context, page, outside } = await open("it-IT", { workbook });
    await validate(page);
    // The latest date filled is 30/06/2022 (nothing typed at 30/09 or at the year end).
    expect(report.period).toEqual({ year: YEAR, date: "06-30" });
    const options = await page.locator("select option").allTextContents();
    expect(options).toEqual(["al 30/06/2021", "al 30/09/2021", "2021 (fine anno)", "al 30/06/2022", "al 30/09/2022", "2022 (fine anno)", "al 30/06/2023", "al 30/09/2023", "2023 (fine anno)"]);
    await expect(page.locator("select").inputValue()).resolves.toBe("2022-06-30");
    await expect(page.locator(".year-checked").textContent()).resolves.toBe("Verificato al 30/06/2022");
    const stat = async (id: string) => Number((await page.locator(`[data-stat="${id}"] dd`).textContent())!.replace(/\D/g, ""));
    expect(report.summary.atRisk).toBeGreaterThan(0);
    expect(report.summary.onTrack).toBeGreaterThan(0);
    expect(await stat("atRisk")).toBe(report.summary.atRisk);
    expect(await stat("onTrack")).toBe(report.summary.onTrack);
    expect(await stat("unreachable")).toBe(report.summary.unreachable);
    expect(await badge(page, "atRisk")).toBe(report.summary.atRisk);
    // The legend has the at-risk entry, with its dotted swatch.
    await expect(page.locator('.legend-entry[data-kind="at_risk"]').textContent()).resolves.toContain("A rischio (data intermedia)");
    await expect(page.locator(".swatch-at_risk").evaluate((e) => getComputedStyle(e).borderTopStyle)).resolves.toBe("dotted");
    // The sheet: every at-risk value cell carries the at-risk rule (its fill and the Dot border).
    const rules = await stubCall<{ sheet: string; formula: string; fill: string | null }[]>(page, "ourRules");
    const atRiskRules = rules.filter((r) => r.formula.includes(":at_risk"));
    expect(atRiskRules.length).toBeGreaterThan(0);
    for (const r of atRiskRules) expect(r.fill?.toUpperCase()).toBe("#D6EDFA");
    if (SHOOT) {
      await page.locator("details[data-section='onTrack']").evaluate((d) => ((d as HTMLDetailsElement).open = false));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: MONITOR_SCREENSHOT });
    }
    // Choosing the year end re-validates: no date statuses any more.
    await page.locator("select").selectOption(String(YEAR));
    await idle(page);
    await expect(page.locator(".year-checked").textContent()).resolves.toBe(`Anno verificato: ${YEAR}`);
    expect(await page.locator('[data-stat="atRisk"]').count()).toBe(0);
    expect((await stubCall<{ formula: string }[]>(page, "ourRules")).filter((r) => r.formula.includes(":at_risk"))).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  test("host failures are shown in plain words and nothing is half-written", async () => {
    const { context, page } = await open("it-IT");
    const before = await stubCall<string>(page, "snapshot");
    // A host that fails in cell-edit mode although asked to wait (InvalidOperation, Italian text).
    await stubCall(page, "setCellEditMode", true, { code: "InvalidOperation", message: "Excel è in modalità di modifica della cella." });
    await validate(page);
    await expect(page.locator(".alert-message").textContent()).resolves.toBe(
      "Excel sta modificando una cella. Premi Invio o Esc nel foglio e riprova.",
    );
    await expect(page.locator(".alert-code").textContent()).resolves.toBe("Codice: InvalidOperation");
    expect(sameWorkbook(await stubCall<string>(page, "snapshot"), before)).toBe("identical");
    await stubCall(page, "setCellEditMode", false);
    // The write sync fails: the pane says the marks were removed, none are left.
    await stubCall(page, "failNextSync", 2, "AccessDenied");
    await validate(page);
    await expect(page.locator(".alert-message").textContent()).resolves.toMatch(/protetto/);
    await expect(page.locator(".status-text").textContent()).resolves.toMatch(/non sono state scritte/);
    expect(await stubCall(page, "ourRules")).toEqual([]);
    expect(sameWorkbook(await stubCall<string>(page, "snapshot"), before)).toBe("identical");
    await context.close();
  });

  test("while a cell is being edited, Validate waits (delayForCellEdit) and completes once the user leaves it", async () => {
    const { context, page } = await open("it-IT");
    await stubCall(page, "setCellEditMode", true);
    const syncs = await stubCall<number>(page, "syncCount");
    await page.locator("#validate").click();
    await page.waitForFunction(() => document.getElementById("app")?.getAttribute("data-busy") === "true");
    // The first sync is held by the host: still busy, no error, nothing more sent.
    await page.waitForFunction((n) => (window as unknown as { __officeStub: { syncCount(): number } }).__officeStub.syncCount() === n + 1, syncs);
    expect(await page.locator("#app").getAttribute("data-busy")).toBe("true");
    await stubCall(page, "setCellEditMode", false);
    await idle(page);
    await expect(page.locator(".alert-message").count()).resolves.toBe(0);
    expect(await badge(page, "unmet")).toBe(statusOf(fixture.report, "unmet").length);
    await context.close();
  });

  test("Import the plan: pasted or from a file, new sheets only", async () => {
    const { context, page, outside } = await open("it-IT");
    const before = JSON.parse(await stubCall<string>(page, "snapshot")) as { sheets: { name: string }[] };
    await page.locator(".import-summary").click();
    await page.locator('input[type="file"]').setInputFiles({ name: "piano.txt", mimeType: "text/plain", buffer: Buffer.from(SEED, "utf8") });
    await page.waitForFunction((len) => (document.querySelector("textarea") as HTMLTextAreaElement).value.length === len, SEED.length);
    await expect(page.locator(".file-status").textContent()).resolves.toContain("piano.txt");
    await page.locator(".import .btn-primary").click();
    await idle(page);
    const notice = await page.locator(".import-result").textContent();
    expect(notice).toContain("Fogli creati: A (2)");
    expect(notice).toContain("Il foglio «A» esisteva già");
    const after = JSON.parse(await stubCall<string>(page, "snapshot")) as { sheets: { name: string }[] };
    // Every sheet that was there is unchanged, in place; the new ones come after.
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    expect(after.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["A (2)", "C (2)", "Albero (2)"]));
    expect(outside).toEqual([]);
    await context.close();
  });

  test("English: texts from en-US, and the same results", async () => {
    const { context, page } = await open("en-US");
    await expect(page.locator("#validate").textContent()).resolves.toBe("Validate");
    await expect(page.locator("#clear").textContent()).resolves.toBe("Clear marks");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    await validate(page);
    await expect(page.locator("[data-section='unmet'] .group-title").textContent()).resolves.toBe("Targets not met");
    expect(await badge(page, "unmet")).toBe(statusOf(fixture.report, "unmet").length);
    await expect(page.locator(".year-checked").textContent()).resolves.toBe(`Year checked: ${fixture.report.year}`);
    await expect(page.locator(".legend-list").textContent()).resolves.toContain("Target not met");
    await expect(page.locator(".tree .card-title").textContent()).resolves.toBe("Performance tree");
    await expect(page.locator("#summary").textContent()).resolves.toBe("Build summary");
    const bands = await page.locator(".tree-list > .tree-node > .tree-row .band").allTextContents();
    expect(bands.length).toBeGreaterThan(0);
    expect(bands.every((b) => ["Green", "Amber", "Red", "n/a"].includes(b))).toBe(true);
    expect((await page.locator(".tree-list > .tree-node > .tree-row .tree-ach").first().textContent())!).toMatch(/^Achievement (\d+\.\d\d%|n\/a)$/);
    // Engine messages come in English too.
    const problems = fixture.report.problems.filter((p) => p.code !== "VALUE_MISSING" && p.code !== "WEIGHTS_SUM");
    if (problems.length > 0) {
      const details = await page.locator(".item-detail, .item-title").allTextContents();
      expect(details.some((t) => t.includes(describeIn(problems[0], "en")))).toBe(true);
    }
    await context.close();
  });

  test("50,000 KPI rows: progress is shown phase by phase, and the list and tree stay paged", async () => {
    const big = JSON.parse(JSON.stringify(kpiWorkbook(50_000).workbook.toJSON()));
    const { context, page } = await open("it-IT", { workbook: big });
    await page.evaluate(() => {
      const w = window as unknown as { __beat: { last: number; longest: number }; __phases: string[] };
      w.__beat = { last: performance.now(), longest: 0 };
      w.__phases = [];
      setInterval(() => {
        const now = performance.now();
        w.__beat.longest = Math.max(w.__beat.longest, now - w.__beat.last);
        w.__beat.last = now;
      }, 20);
      new MutationObserver(() => {
        const t = document.querySelector(".status-text")?.textContent ?? "";
        if (w.__phases[w.__phases.length - 1] !== t) w.__phases.push(t);
      }).observe(document.querySelector(".status")!, { subtree: true, childList: true, characterData: true });
    });
    const t0 = Date.now();
    await validate(page);
    const elapsed = Date.now() - t0;
    const { longest, phases } = await page.evaluate(() => {
      const w = window as unknown as { __beat: { longest: number }; __phases: string[] };
      return { longest: w.__beat.longest, phases: w.__phases };
    });
    console.log(`50,000 rows in the browser: Validate ${elapsed} ms, longest main-thread stall ${Math.round(longest)} ms`);
    expect(phases.filter((t) => t.startsWith("Lettura dei fogli")).length).toBeGreaterThan(1);
    expect(phases).toEqual(expect.arrayContaining(["Verifica dei KPI…", "Scrittura delle evidenziazioni…"]));
    expect(await badge(page, "unmet")).toBe(16_667);
    // The list shows a page of items, not 16,667 buttons; the tree (12,500 codes) a page of closed nodes.
    expect(await page.locator("[data-section='unmet'] .item-link").count()).toBe(100);
    expect(await page.locator(".tree-list > .tree-node").count()).toBe(100);
    expect(await page.locator(".tree-children > .tree-node").count()).toBe(0);
    // How long the page stalls is printed above, not asserted: timings on a shared machine
    // are noise (bench/ measures speed). What must hold is structural: the pane showed each
    // phase as it went, so it yielded to the page between them.
    await context.close();
  });

  test("outside Excel's newer API sets: no marks, the list still works", async () => {
    const { context, page } = await open("it-IT", { apiVersion: "1.5" });
    await validate(page);
    await expect(page.locator(".status-text").textContent()).resolves.toContain("ExcelApi 1.6");
    expect(await stubCall(page, "ourRules")).toEqual([]);
    expect(await badge(page, "unmet")).toBe(fixture.report.summary.unmet);
    await context.close();
  });
});
