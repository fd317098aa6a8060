/**
 * `kpi report` end to end: the seed plan's workbook (built by the import, with the 2021
 * values of tests/support/seed-values.ts typed in) written to a real .xlsx, the report
 * written as HTML, its figures checked against the roll-up computed by hand in
 * tests/core/rollup/seed.test.ts, then rendered by headless Chromium: a screenshot for the
 * docs (docs/screenshots/relazione.png), a PDF to check that it paginates on A4, and an
 * axe-core accessibility check.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { rulesSheet } from "../../src/core/rules";
import { writeXlsx } from "../../src/cli/xlsx-write";
import { seedWorkbook } from "../support/seed-values";
import { axeViolations, hasChromium, withOfflinePage } from "../support/chromium";
import { kpi, REPO, tempDir } from "../support/cli";
import { htmlRow } from "../support/html-rows";

const SCREENSHOT = join(REPO, "docs/screenshots/relazione.png");

let work: { dir: string; cleanup: () => void };
let html = "";
let htmlPath = "";

beforeAll(async () => {
  work = tempDir("kpi-report-");
  const spec = seedWorkbook([rulesSheet({}, { body: "Camera di commercio di Lecce" })]);
  writeFileSync(join(work.dir, "piano.xlsx"), await writeXlsx(spec));
  const r = await kpi(["report", "piano.xlsx", "--year", "2021", "-o", "relazione.html", "--date", "2022-03-31"], { cwd: work.dir });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  htmlPath = join(work.dir, "relazione.html");
  html = readFileSync(htmlPath, "utf8");
});

afterAll(() => work.cleanup());

/** The text of the table row of a node (its code cell up to the end of the row). */
function rowOf(code: string): string {
  return htmlRow(html, `<td class="code">${code}</td>`);
}

describe("kpi report on the seed workbook", () => {
  it("says what it wrote", async () => {
    const r = await kpi(["report", "piano.xlsx", "--year", "2021", "-o", "r2.html", "--date", "2022-03-31", "--lang", "en"], { cwd: work.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Report 2021 written: r2\.html\n/);
    // Indicators measured: every KPI with a weight and a 2021 target (A.1's third trend has
    // one for 2021, C.1's mean has one for 2021); met/unmet/missing add up to it.
    const m = /(\d+) indicators measured · (\d+) met · (\d+) not met · (\d+) missing/.exec(r.stdout);
    expect(m).not.toBeNull();
    const [kpis, met, unmet, missing] = (m as RegExpExecArray).slice(1).map(Number);
    expect(met + unmet + missing).toBe(kpis);
  });

  it("has the title, the body, the year and the date", () => {
    expect(html).toContain("<title>Relazione sulla performance 2021 – Camera di commercio di Lecce</title>");
    expect(html).toContain('<p class="body-name">Camera di commercio di Lecce</p>');
    expect(html).toContain("31 marzo 2022");
    expect(html).toContain("piano.xlsx");
  });

  it("prints the hand-computed figures, rounded half-up with a decimal comma", () => {
    // From tests/core/rollup/seed.test.ts:
    // B.1.1.1 = 88; B.1.2.2 = 62.5 (red); B.1.2 = 76.25 (amber); B.2.1 = 233.5/3 = 77.8333 -> 77,83
    expect(rowOf("B.1.1.1")).toContain(">88,00<");
    expect(rowOf("B.1.2.2")).toContain(">62,50<");
    expect(rowOf("B.1.2.2")).toContain("Rosso");
    expect(rowOf("B.1.2")).toContain(">76,25<");
    expect(rowOf("B.1.2")).toContain("Giallo");
    expect(rowOf("B.2.1")).toContain(">77,83<");
    // B.2 = 83.441666... -> 83,44; B = 81.720833... -> 81,72; A = 85; C = 87.3598915... -> 87,36
    expect(rowOf("B.2")).toContain(">83,44<");
    expect(rowOf("B")).toContain(">81,72<");
    expect(rowOf("A")).toContain(">85,00<");
    expect(rowOf("C")).toContain(">87,36<");
    // B.1.2.2's own KPIs: 1 met, 2 not met, 0 missing
    expect(rowOf("B.1.2.2")).toContain('<td class="n">1</td><td class="n">2</td><td class="n">0</td>');
    // No data: "n.d.", no band
    expect(rowOf("A.1.3")).toContain("n.d.");
  });

  it("charts the strategic objectives with the value and the band in words", () => {
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    for (const code of ["A.1", "B.1", "B.2", "C.1", "C.2"]) expect(svg).toContain(`>${code} `);
    // B.2 83,44 is amber ("Giallo"), C.2 = 7750/85 = 91.18 is green ("Verde")
    expect(svg).toContain(">83,44%</text>");
    expect(svg).toContain(">91,18%</text>");
    expect(svg).toMatch(/Giallo<\/text>/);
    expect(svg).toMatch(/Verde<\/text>/);
    expect(svg).toContain('role="img"');
  });

  it("is self-contained: no scripts, no external resources", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    // The only URL is the SVG namespace, which is a name, not a resource.
    const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
    expect([...new Set(urls)]).toEqual(["http://www.w3.org/2000/svg"]);
  });

  it("renders in headless Chromium: screenshot for the docs, A4 PDF over several pages, no serious accessibility issue", async () => {
    if (!hasChromium()) {
      console.warn("Chromium not found: rendering skipped");
      return;
    }
    await withOfflinePage(htmlPath, async (page, blocked) => {
      expect(blocked).toEqual([]);

      mkdirSync(join(REPO, "docs/screenshots"), { recursive: true });
      // The first screen (title, summary, chart, start of the tree): what the README shows.
      await page.screenshot({ path: SCREENSHOT, fullPage: false });
      expect(readFileSync(SCREENSHOT).subarray(1, 4).toString("latin1")).toBe("PNG");

      const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
      writeFileSync(join(work.dir, "relazione.pdf"), pdf);
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      // Summary + one page per area (3) + rules: at least 5 A4 pages.
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages).toBeLessThan(20);

      const violations = await axeViolations(page);
      expect(violations.filter((v) => /serious|critical/.test(v))).toEqual([]);
    });
  });
});

describe("kpi report, other workbooks and bad input", () => {
  it("a hand-made workbook without a tree: each code is a node; text from the cells is escaped", async () => {
    const w = tempDir("kpi-report-hand-");
    try {
      const spec = {
        sheets: [
          {
            name: "Obiettivi",
            cells: [
              ["Codice", "Indicatore", "Peso", "Target 2022", "Valore 2022"],
              ["<b>X</b>", "Pratiche & <script>", 100, ">= 10", 8],
            ],
            columns: [],
            frozenRows: 1,
            tables: [],
            formats: [],
            validations: [],
          },
        ],
      };
      writeFileSync(join(w.dir, "a mano.xlsx"), await writeXlsx(spec));
      const r = await kpi(["report", "a mano.xlsx", "--ente", "Comune di <Prova>", "--date", "2023-01-15"], { cwd: w.dir });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      // Default output name: relazione-<year>.html, the year being the latest with a value.
      const out = readFileSync(join(w.dir, "relazione-2022.html"), "utf8");
      expect(out).toContain("Comune di &lt;Prova&gt;");
      expect(out).toContain("&lt;b&gt;X&lt;/b&gt;");
      expect(out).not.toContain("<b>X</b>");
      // 8 vs >= 10: 80, amber
      expect(out).toContain(">80,00<");
      expect(out).toContain("15 gennaio 2023");
    } finally {
      w.cleanup();
    }
  });

  it("exit 2 with one line for a missing file, a bad date, no KPI table", async () => {
    const w = tempDir("kpi-report-bad-");
    try {
      const missing = await kpi(["report", "nope.xlsx"], { cwd: w.dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^kpi: File non trovato: nope\.xlsx\n$/);

      writeFileSync(join(w.dir, "vuoto.xlsx"), await writeXlsx({ sheets: [{ name: "Note", cells: [["nulla"]], columns: [], frozenRows: 0, tables: [], formats: [], validations: [] }] }));
      const none = await kpi(["report", "vuoto.xlsx"], { cwd: w.dir });
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("Nessuna tabella KPI");

      const date = await kpi(["report", "vuoto.xlsx", "--date", "2022-02-30"], { cwd: w.dir });
      expect(date.code).toBe(2);
      expect(date.stderr).toContain("Data non valida «2022-02-30»");

      const year = await kpi(["report", "vuoto.xlsx", "--year", "22"], { cwd: w.dir });
      expect(year.code).toBe(2);
      expect(existsSync(join(w.dir, "relazione.html"))).toBe(false);
    } finally {
      w.cleanup();
    }
  });

  it("never writes over its input", async () => {
    const w = tempDir("kpi-report-same-");
    try {
      writeFileSync(join(w.dir, "p.xlsx"), await writeXlsx(seedWorkbook()));
      const before = readFileSync(join(w.dir, "p.xlsx"));
      const r = await kpi(["report", "p.xlsx", "-o", "p.xlsx"], { cwd: w.dir });
      expect(r.code).toBe(2);
      expect(readFileSync(join(w.dir, "p.xlsx")).equals(before)).toBe(true);
    } finally {
      w.cleanup();
    }
  });

  it("--help describes the command", async () => {
    const r = await kpi(["report", "--help"], { cwd: REPO });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Uso: kpi report <file.xlsx>");
    const usage = await kpi(["--help"], { cwd: REPO });
    expect(usage.stdout).toContain("report <file.xlsx>");
  });
});
