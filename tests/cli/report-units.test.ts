/**
 * The monitoring cycle in the CLI: deviation reasons (`Motivazione scostamento`) in
 * `kpi check --json` and in the Relazione, and the unit scorecards in `kpi check --json`
 * (`units`) and `kpi report --unita`, on real .xlsx files written by ExcelJS.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { writeXlsx } from "../../src/cli/xlsx-write";
import type { WorkbookSpec } from "../../src/core/workbook/description";
import { seedWorkbook } from "../support/seed-values";
import { axeViolations, hasChromium, withOfflinePage } from "../support/chromium";
import { kpi, REPO, tempDir } from "../support/cli";
import { htmlRow } from "../support/html-rows";

/**
 * Renders an HTML file in headless Chromium (no request leaves the file), screenshots one
 * section for the docs and returns axe-core's serious or critical violations.
 */
async function renderSection(htmlPath: string, selector: string, screenshot: string): Promise<string[]> {
  return withOfflinePage(htmlPath, async (page, blocked) => {
    expect(blocked).toEqual([]);
    mkdirSync(join(REPO, "docs/screenshots"), { recursive: true });
    await page.locator(selector).screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString("latin1")).toBe("PNG");
    const violations = await axeViolations(page);
    return violations.filter((v) => /serious|critical/.test(v));
  });
}

let work: { dir: string; cleanup: () => void };
beforeAll(() => {
  work = tempDir("kpi-units-");
});
afterAll(() => work.cleanup());

const sheet = (name: string, cells: WorkbookSpec["sheets"][number]["cells"]): WorkbookSpec["sheets"][number] => ({
  name, cells, columns: [], frozenRows: 0, tables: [], formats: [], validations: [],
});

/** Three KPIs of one objective: one met, two not met (one with its reason, one without). */
const REASONS: WorkbookSpec = {
  sheets: [
    sheet("Obiettivi", [
      ["Codice", "Indicatore", "Peso", "Target 2025", "Valore 2025", "Struttura responsabile", "Motivazione scostamento"],
      ["OB.1", "Pratiche evase entro 30 giorni", 40, ">= 90%", 72, "Ufficio Registro", "Blocco del portale nazionale da marzo a maggio"],
      ["OB.1", "Imprese <incontrate> & assistite", 30, ">= 200", 150, "Ufficio Promozione", null],
      ["OB.1", "Adozione del regolamento", 30, "<= 30/06/2025", "15/06/2025", "Ufficio Registro", null],
    ]),
  ],
};

describe("deviation reasons", () => {
  it("kpi check --json carries each KPI's reason and warns at the blank reason cell", async () => {
    writeFileSync(join(work.dir, "reasons.xlsx"), await writeXlsx(REASONS));
    const r = await kpi(["check", "reasons.xlsx", "--json"], { cwd: work.dir });
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as { kpis: { status: string; reason: string | null }[]; problems: { code: string; cell: string }[]; units: unknown[] };
    expect(json.kpis.map((k) => [k.status, k.reason])).toEqual([
      ["unmet", "Blocco del portale nazionale da marzo a maggio"],
      ["unmet", null],
      ["met", null],
    ]);
    expect(json.problems.filter((p) => p.code === "REASON_MISSING").map((p) => p.cell)).toEqual(["G3"]);
    // Units from the Struttura responsabile column (no tree): Registro = mean of 72/90 = 80 and 100 = 90;
    // Promozione = 150/200 = 75.
    expect(json.units).toEqual([
      { unit: "Ufficio Registro", achievement: 90, kpis: 2, missing: 0, band: "green" },
      { unit: "Ufficio Promozione", achievement: 75, kpis: 1, missing: 0, band: "amber" },
    ]);
  });

  it("kpi check (text) shows the reason under each unmet KPI, or that it is missing", async () => {
    writeFileSync(join(work.dir, "reasons.xlsx"), await writeXlsx(REASONS));
    const r = await kpi(["check", "reasons.xlsx"], { cwd: work.dir });
    const lines = r.stdout.split("\n");
    const after = (text: string) => lines[lines.findIndex((l) => l.includes(text)) + 1];
    // 72/90 = 80%
    expect(after("Pratiche evase")).toMatch(/raggiungimento 80% · motivazione: Blocco del portale nazionale da marzo a maggio$/);
    expect(after("Imprese <incontrate>")).toMatch(/raggiungimento 75% · MOTIVAZIONE MANCANTE \(colonna Motivazione scostamento\)$/);
    const en = await kpi(["check", "reasons.xlsx", "--lang", "en"], { cwd: work.dir });
    expect(en.stdout).toContain("REASON MISSING (column Motivazione scostamento)");
  });

  it("kpi report prints the reason beside each unmet KPI, and a marked «Motivazione mancante»", async () => {
    writeFileSync(join(work.dir, "reasons.xlsx"), await writeXlsx(REASONS));
    const r = await kpi(["report", "reasons.xlsx", "-o", "rel.html", "--date", "2026-03-31"], { cwd: work.dir });
    expect(r.stderr).toBe("");
    const html = readFileSync(join(work.dir, "rel.html"), "utf8");
    const section = html.slice(html.indexOf('<section class="deviations"'), html.indexOf("</section>", html.indexOf('<section class="deviations"')));
    expect(section).toContain("Scostamenti e motivazioni");
    expect(section).toContain("Indicatori con target non raggiunto nel 2025: 2; motivazioni mancanti: 1.");
    const row = (text: string) => htmlRow(section, text);
    // 72/90 = 80 -> "80,00"; the reason verbatim.
    expect(row("Pratiche evase")).toContain(">80,00<");
    expect(row("Pratiche evase")).toContain('<td class="reason">Blocco del portale nazionale da marzo a maggio</td>');
    // 150/200 = 75; no reason: marked, never blank; the indicator's text escaped.
    expect(row("Imprese &lt;incontrate&gt; &amp; assistite")).toContain(">75,00<");
    expect(row("Imprese &lt;incontrate&gt;")).toContain('class="reason reason-missing"');
    expect(row("Imprese &lt;incontrate&gt;")).toContain("Motivazione mancante");
    // The met KPI is not listed.
    expect(section).not.toContain("Adozione del regolamento");
    // Without --unita no unit section.
    expect(html).not.toContain("Risultati per unità organizzativa");
    if (hasChromium()) {
      expect(await renderSection(join(work.dir, "rel.html"), "section.deviations", join(REPO, "docs/screenshots/relazione-motivazioni.png"))).toEqual([]);
    }
  });
});

describe("unit scorecards on the sample plan", () => {
  it("kpi check --json: units, with the figures of tests/core/scorecards.test.ts", async () => {
    writeFileSync(join(work.dir, "piano.xlsx"), await writeXlsx(seedWorkbook()));
    const r = await kpi(["check", "piano.xlsx", "--year", "2021", "--json"], { cwd: work.dir });
    const json = JSON.parse(r.stdout) as { units: { unit: string; achievement: number | null; kpis: number; missing: number; band: string | null }[] };
    const by = new Map(json.units.map((u) => [u.unit, u]));
    // (88 + 80 + 90 + 62.5) / 4 = 80.125 -> 80.13 half-up
    expect(by.get("STAFF 1")).toMatchObject({ achievement: 80.13, band: "amber" });
    // (96 + 87.5 + 50 + 87.5 + 100) / 5 = 84.2; 10 KPIs, 3 missing
    expect(by.get("S. 3.1")).toEqual({ unit: "S. 3.1", achievement: 84.2, kpis: 10, missing: 3, band: "amber" });
    expect(by.get("STAFF 8")).toEqual({ unit: "STAFF 8", achievement: null, kpis: 2, missing: 2, band: null });
  });

  it("kpi report --unita adds the unit section", async () => {
    writeFileSync(join(work.dir, "piano.xlsx"), await writeXlsx(seedWorkbook()));
    const r = await kpi(["report", "piano.xlsx", "--year", "2021", "--unita", "-o", "u.html", "--date", "2022-03-31"], { cwd: work.dir });
    expect(r.stderr).toBe("");
    const html = readFileSync(join(work.dir, "u.html"), "utf8");
    const start = html.indexOf('<section class="units"');
    expect(start).toBeGreaterThan(0);
    const section = html.slice(start, html.indexOf("</section>", start));
    const row = (unit: string) => htmlRow(section, `<th scope="row" class="code">${unit}</th>`);
    expect(row("STAFF 1")).toContain(">80,13<");
    expect(row("STAFF 1")).toContain("Giallo");
    // 4 of its 8 nodes measured; B.1.2.2 listed with its 62,50.
    expect(row("STAFF 1")).toContain(">4 di 8<");
    expect(row("STAFF 1")).toContain("B.1.2.2 (62,50)");
    expect(row("S. 3.1")).toContain(">84,20<");
    expect(row("STAFF 3")).toContain(">0,00<");
    expect(row("STAFF 3")).toContain("Rosso");
    expect(row("STAFF 8")).toContain("n.d.");
    expect(section).toContain("conta per tutte le unità");
    // The deviations section is there too, before the units (the seed has no reason column: every reason is missing).
    expect(html.indexOf("Scostamenti e motivazioni")).toBeLessThan(start);
    if (hasChromium()) {
      expect(await renderSection(join(work.dir, "u.html"), "section.units", join(REPO, "docs/screenshots/relazione-unita.png"))).toEqual([]);
    }
  });
});
