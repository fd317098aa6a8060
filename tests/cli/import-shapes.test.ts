/**
 * `kpi import` on plans of other bodies, end to end: the hand-written plan texts of
 * tests/fixtures/plans/ and .docx files built in the test, imported into real .xlsx files
 * (ExcelJS), checked with `kpi check`, and the same workbooks after LibreOffice has opened
 * and saved them. Expected figures are counted by hand from the fixtures (see
 * tests/core/plan/shapes.test.ts for the plan-level detail).
 */
import { execFile } from "child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildDocx, type Part } from "../fixtures/plans/docx";
import { hasLibreOffice, SOFFICE } from "../support/libreoffice";
import { kpi, REPO, useTempDir, type CheckJson } from "../support/cli";

jest.setTimeout(300_000);

const FIXTURES = join(REPO, "tests/fixtures/plans");

let dir: string;
useTempDir("kpi-shapes-", (d) => (dir = d));

async function check(file: string): Promise<{ code: number; json: CheckJson }> {
  const r = await kpi(["check", file, "--json"], { cwd: dir });
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson };
}
/** Groups by owner (the order of the sheets is the workbook's business, not the plan's). */
const groupsOf = (j: CheckJson) =>
  j.groups.map((g) => [g.owner, g.weightSum, g.ok]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** Converts every file with one LibreOffice start into `out`. */
async function libreOffice(inputs: string[], filter: string, out: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        SOFFICE,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", out, ...inputs],
        { timeout: 240_000 },
        (error, _o, stderr) => (error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve()),
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Per text shape: the file, the KPIs and the weight groups (owner, sum, ok) `kpi check` finds
 * in the imported workbook. Sums: 60 + 40, 100 ... as in the fixtures' Peso cells.
 */
const SHAPES: [string, number, (string | number | boolean)[][]][] = [
  ["piao-markdown.md", 6, [["1.1", 100, true], ["1.1.1", 100, true], ["2.1", 100, true]]],
  ["word-paste.txt", 5, [["1.1", 100, true], ["1.2", 100, true], ["2.1", 100, true]]],
  ["csv-tables.csv", 3, [["OO1", 100, true], ["OO2", 100, true]]],
  ["numbered-lists.txt", 3, [["1.1", 100, true], ["1.1/ATT2", 100, true], ["2.1", 100, true]]],
  ["services-perspectives.txt", 5, [["OA1.1", 100, true], ["OA1.2", 100, true], ["OS2/AZ1", 100, true]]],
  ["restarting-numbers.txt", 4, [["01.03/1", 100, true], ["1", 100, true], ["12.01/1", 100, true], ["2", 100, true]]],
];

describe("text shapes: imported, written by ExcelJS, checked", () => {
  test.each(SHAPES)("%s", async (file, kpis, groups) => {
    const out = `${file}.xlsx`;
    const r = await kpi(["import", join(FIXTURES, file), "-o", out], { cwd: dir });
    expect(r.code).toBe(0); // only notes (generated or renamed codes, no target column), nothing dropped
    expect(r.stdout).toContain(`${kpis} KPI`);
    const c = await check(out);
    expect(c.json.kpis).toHaveLength(kpis);
    expect(groupsOf(c.json)).toEqual(groups);
  });

  test("the same workbooks after LibreOffice opened and saved them read the same", async () => {
    expect(hasLibreOffice()).toBe(true);
    const lo = join(dir, "lo");
    await libreOffice(SHAPES.map(([f]) => join(dir, `${f}.xlsx`)), "xlsx:Calc MS Excel 2007 XML", lo);
    expect(readdirSync(lo).sort()).toEqual(SHAPES.map(([f]) => `${f}.xlsx`).sort());
    for (const [file, kpis, groups] of SHAPES) {
      const c = await check(join("lo", `${file}.xlsx`));
      expect([file, c.json.kpis.length, groupsOf(c.json)]).toEqual([file, kpis, groups]);
    }
  });
});

describe("kpi import exits 1 when a table or a row was left out", () => {
  test("a table after a heading without title, rows with the wrong number of cells", async () => {
    const r = await kpi(["import", join(FIXTURES, "bad-heading-table.txt"), "-o", "bad.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("riga 8");
    expect(r.stdout).toContain("non è attribuita all'obiettivo precedente; righe ignorate: 1");
    expect(r.stdout).toContain("La riga KPI ha 2 celle invece di 3");
  });

  test("a row with columns outside any table is only a warning, but still exits 1", async () => {
    writeFileSync(join(dir, "orphan-row.txt"), "Obiettivo strategico: OS1 Servizi\nRiga\tsenza\tintestazione\tdi\ttabella\n");
    const r = await kpi(["import", "orphan-row.txt", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { problems: { severity: string; code: string }[] };
    expect(j.problems.map((p) => [p.severity, p.code])).toEqual([["warning", "PLAN_ROW_OUTSIDE_TABLE"]]);
  });

  test("nothing readable: PLAN_EMPTY lists the near misses, in English too", async () => {
    const r = await kpi(["import", join(FIXTURES, "near-misses.txt"), "--json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { problems: { code: string; message: string }[] };
    expect(j.problems[0].code).toBe("PLAN_EMPTY");
    expect(j.problems[0].message).toContain("line 3: “OBIETTIVO STRATEGICO 1.1” looks like a heading");
  });
});

// ------------------------------------------------------------------ .docx

/**
 * A PIAO section as Word writes it. Document lines (paragraphs and table rows, in order):
 * 1 title; 2 "1. Obiettivo di valore pubblico" (numbered, Titolo1); 3 "1.1 Obiettivo
 * specifico" (numbered, a custom style based on Titolo2); 4 body; 5-8 a table with `Target`
 * merged over 2026 | 2027 and a cell on two paragraphs; 9 a heading by outline level only;
 * 10-14 a table whose title rows are the actions; 15 a body line with tab stops.
 */
const PIAO: Part[] = [
  { p: "PIAO 2026-2028 – Sottosezione Performance", style: "Titolo1" },
  { p: "Obiettivo di valore pubblico – Servizi digitali per tutti", style: "Titolo1", num: { id: 1, level: 0 } },
  { p: "Obiettivo specifico – Pratiche online", style: "ObiettivoPIAO", num: { id: 1, level: 1 } },
  { p: "Le pratiche si presentano sullo sportello telematico & si seguono online." },
  {
    table: [
      ["Indicatore di performance", "Formula di calcolo", "Peso %", { text: "Target", span: 2 }],
      ["", "", "", "2026", "2027"],
      ["Pratiche online", "Pratiche online / Pratiche totali * 100", "70", ">= 60%", ">= 75%"],
      ["Tempo medio\n(giorni)", "Giorni medi di rilascio", "30", "<= 20", "<= 15"],
    ],
  },
  { p: "Obiettivo specifico 1.2 Sportello unico", outline: 1 },
  {
    table: [
      [{ text: "Azione: Formazione degli operatori", span: 3 }],
      ["Indicatore", "Peso", "Target"],
      ["Operatori formati", "100", ">= 20"],
      [{ text: "Azione: Guida online", span: 3 }],
      ["Guida pubblicata", "100", "<= 31/03/2026"],
    ],
  },
  { p: "Fonte dei dati:\tsistema di protocollo", tabs: true },
];

/** The same document with a heading Word users often leave without title, and its table. */
const WITH_BAD_HEADING: Part[] = [
  ...PIAO,
  { p: "OBIETTIVO SPECIFICO 1.3", style: "Titolo2" },
  { table: [["Indicatore", "Peso", "Target"], ["Accessi al portale", "100", ">= 1000"]] },
];

interface PlanJson {
  nodes: { code: string; kind: string; parent: string | null; title: string }[];
  kpis: { owner: string; indicator: string; weight: number | null; targets: unknown[] }[];
  problems: { line: number; severity: string; code: string; message: string }[];
  years: number[];
}

describe("kpi import of a .docx", () => {
  beforeAll(async () => {
    writeFileSync(join(dir, "piao.docx"), await buildDocx(PIAO));
    writeFileSync(join(dir, "piao-bad.docx"), await buildDocx(WITH_BAD_HEADING));
  });

  const expectPiao = (j: PlanJson) => {
    // Codes: Word's numbering "1." and "1.1"; the outline-level heading's own 1.2; the actions' generated ones.
    expect(j.nodes.map((n) => [n.code, n.kind, n.parent])).toEqual([
      ["1", "area", null],
      ["1.1", "strategic", "1"],
      ["1.2", "strategic", "1"],
      ["1.2/AZ1", "action", "1.2"],
      ["1.2/AZ2", "action", "1.2"],
    ]);
    expect(j.nodes[1].title).toBe("Pratiche online");
    expect(j.kpis.map((k) => [k.owner, k.indicator, k.weight, k.targets])).toEqual([
      // 2026 and 2027 under the merged Target
      ["1.1", "Pratiche online", 70, [{ year: 2026, op: ">=", value: 60, unit: "percent" }, { year: 2027, op: ">=", value: 75, unit: "percent" }]],
      ["1.1", "Tempo medio (giorni)", 30, [{ year: 2026, op: "<=", value: 20, unit: "number" }, { year: 2027, op: "<=", value: 15, unit: "number" }]],
      ["1.2/AZ1", "Operatori formati", 100, [{ year: null, op: ">=", value: 20, unit: "number" }]],
      ["1.2/AZ2", "Guida pubblicata", 100, [{ year: null, op: "<=", value: "2026-03-31", unit: "date" }]],
    ]);
    expect(j.years).toEqual([2026, 2027]);
  };

  test("headings by style, outline level and numbering; tables with merged cells and title rows", async () => {
    const r = await kpi(["import", "piao.docx", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as PlanJson;
    expectPiao(j);
    // The only note: the two actions' generated codes (at the first, document line 10).
    expect(j.problems.map((p) => [p.line, p.code])).toEqual([[10, "PLAN_CODES_GENERATED"]]);
  });

  test("written to .xlsx and checked: three weight groups (70 + 30, 100, 100)", async () => {
    const r = await kpi(["import", "piao.docx", "-o", "piao.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const c = await check("piao.xlsx");
    expect(groupsOf(c.json)).toEqual([["1.1", 100, true], ["1.2/AZ1", 100, true], ["1.2/AZ2", 100, true]]);
    expect(c.json.kpis).toHaveLength(4);
  });

  test("a heading without title: its table is reported at its document line and the import exits 1", async () => {
    const r = await kpi(["import", "piao-bad.docx", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as PlanJson;
    expect(j.kpis.some((k) => k.indicator === "Accessi al portale")).toBe(false);
    expect(j.problems.map((p) => [p.line, p.severity, p.code])).toEqual([
      [10, "warning", "PLAN_CODES_GENERATED"],
      [16, "warning", "PLAN_HEADING_NO_TITLE"],
      [17, "error", "PLAN_TABLE_AFTER_BAD_HEADING"],
    ]);
    expect(j.problems[2].message).toContain("riga 16 («OBIETTIVO SPECIFICO 1.3»)");
  });

  test("a .docx that is not a Word document, and a damaged one, stop with one clear line", async () => {
    writeFileSync(join(dir, "finto.docx"), "Obiettivo strategico: OS1 testo");
    const a = await kpi(["import", "finto.docx"], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("«finto.docx» non è un documento Word (.docx)");
    const good = await buildDocx(PIAO);
    writeFileSync(join(dir, "rotto.docx"), good.subarray(0, Math.floor(good.length / 2)));
    const b = await kpi(["import", "rotto.docx", "--lang", "en"], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/“rotto\.docx” is not a Word document|The Word document “rotto\.docx” is damaged/);
  });
});
