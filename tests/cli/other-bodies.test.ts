/**
 * `kpi check` on KPI sheets of other bodies (issue 9, item 2), as real .xlsx files: written
 * by ExcelJS, written as raw openpyxl-style XML, and each of them saved again by LibreOffice
 * (`soffice --headless --convert-to xlsx`). All four must read the same, and as worked out
 * by hand below (the sheets are described in tests/fixtures/workbooks/other-bodies.ts).
 */
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { otherBodiesRawXlsx, otherBodiesXlsx } from "../fixtures/workbooks/other-bodies";
import { unzip } from "../support/xlsx-files";
import { convertWithLibreOffice, hasLibreOffice } from "../support/libreoffice";
import { kpi, useTempDir, type CheckJson } from "../support/cli";

jest.setTimeout(240_000);

let dir: string;
useTempDir("kpi-other-", (d) => (dir = d));
const files: Record<string, string> = {};

beforeAll(async () => {
  expect(hasLibreOffice()).toBe(true);
  writeFileSync(join(dir, "exceljs.xlsx"), await otherBodiesXlsx());
  writeFileSync(join(dir, "raw.xlsx"), otherBodiesRawXlsx());
  files.exceljs = "exceljs.xlsx";
  files.raw = "raw.xlsx";
  for (const name of ["exceljs", "raw"]) {
    // LibreOffice writes into another folder; its copy is read from there.
    const { dir: out, files: made } = await convertWithLibreOffice(join(dir, `${name}.xlsx`), "xlsx:Calc MS Excel 2007 XML");
    try {
      expect(made).toHaveLength(1);
      // Really LibreOffice's own file, not the input passed through.
      expect(unzip(readFileSync(made[0])).get("docProps/app.xml")?.toString("utf8")).toContain("LibreOffice");
      writeFileSync(join(dir, `${name}-libreoffice.xlsx`), readFileSync(made[0]));
      files[`${name}-libreoffice`] = `${name}-libreoffice.xlsx`;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
});

async function check(file: string, lang = "it"): Promise<{ code: number; json: CheckJson }> {
  const r = await kpi(["check", file, "--json", "--lang", lang], { cwd: dir });
  expect(r.stderr).toBe("");
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson };
}

const WRITERS = ["exceljs", "raw", "exceljs-libreoffice", "raw-libreoffice"];

describe.each(WRITERS)("a workbook of other bodies' shapes (%s)", (writer) => {
  let result: { code: number; json: CheckJson };
  beforeAll(async () => {
    result = await check(files[writer]);
  });

  it("finds six tables and no error: exit code 0; 2026 is the latest year with a result", () => {
    expect(result.code).toBe(0);
    const j = result.json;
    expect(j.year).toBe(2026);
    expect(j.years).toEqual([2026, 2027, 2028]);
    // Rows: PIAO 3 + Due righe 5 + Senza pesi 2 + Obiettivi 9 + Target % 2 + Primo anno 1 = 22.
    // Met: 2 + 4 + 1 + 0 + 1 + 1 = 9; unmet: 1 + 1 + 1 + 0 + 1 + 0 = 4; no target: the 9 objectives.
    expect(j.summary).toEqual({ tables: 6, rows: 22, met: 9, unmet: 4, missing: 0, noTarget: 9, invalid: 0 });
  });

  it("checks the weight groups: X and – outside the sum, none for the table without weights", () => {
    expect(result.json.groups.map((g) => [g.sheet, g.owner, g.weightSum, g.ok])).toEqual([
      ["PIAO", "OS1", 100, true], // 60 + 40
      ["PIAO", "OS2", 100, true],
      ["Due righe", "1.1.2", 100, true], // 50 + 50, the X row outside
      ["Due righe", "n. 3", 100, true], // 100, the – row outside
      ["Obiettivi servizio", null, 100, true], // 20 + 8 × 10
      ["Target %", null, 100, true], // 50 + 50
      ["Primo anno", null, 100, true],
    ]);
  });

  it("reads each KPI's owner, weight, target, value, status and achievement", () => {
    const rows = result.json.kpis.filter((k) => k.sheet !== "Obiettivi servizio").map((k) => [k.sheet, k.row, k.owner, k.weight, k.target, k.value, k.status, k.achievement]);
    const c = (op: string, value: number | string, unit = "number") => ({ op, value, unit });
    expect(rows).toEqual([
      ["PIAO", 4, "OS1", 60, c("<=", 30), 27, "met", 100],
      ["PIAO", 5, "OS1", 40, c(">=", 90, "percent"), 88, "unmet", 97.78], // 88/90
      ["PIAO", 6, "OS2", 100, c(">=", 150), 162, "met", 100],
      ["Due righe", 3, "1.1.2", 50, c(">=", 90, "percent"), 91, "met", 100],
      ["Due righe", 4, "1.1.2", 50, c(">=", 100), 80, "unmet", 80], // 80/100
      ["Due righe", 5, "1.1.2", null, c("<=", "2026-12-31", "date"), "2026-11-30", "met", 100],
      ["Due righe", 6, "n. 3", 100, c(">=", 4), 4, "met", 100],
      ["Due righe", 7, "n. 3", null, c(">=", 1), 1, "met", 100],
      ["Senza pesi", 2, null, null, c(">=", 7), 7.5, "met", 100],
      ["Senza pesi", 3, null, null, c("<=", 10), 12, "unmet", 83.33], // 10/12
      ["Target %", 2, null, 50, c(">=", 65, "percent"), 70, "met", 100],
      ["Target %", 3, null, 50, c(">=", 80, "percent"), 60, "unmet", 75], // 60/80
      ["Primo anno", 3, null, 100, c(">=", 40), 42, "met", 100],
    ]);
    const objectives = result.json.kpis.filter((k) => k.sheet === "Obiettivi servizio");
    expect(objectives.map((k) => [k.row, k.weight, k.status])).toEqual([
      [3, 20, "no_target"],
      ...Array.from({ length: 8 }, (_, i) => [4 + i, 10, "no_target"]),
    ]);
    expect(objectives[0].indicator).toBe("Riduzione dei tempi di rilascio");
  });

  it("gives one note per table for what it does not check, and lists the almost-header's columns", () => {
    expect(result.json.problems.map((p) => [p.severity, p.code, p.sheet, p.cell])).toEqual([
      ["warning", "TABLE_NO_WEIGHT_COLUMN", "Senza pesi", "A1"],
      ["warning", "TABLE_NO_TARGET_COLUMN", "Obiettivi servizio", "B2:C2"],
      ["warning", "HEADER_INCOMPLETE", "Quasi", "B1"],
    ]);
    expect(result.json.problems[2].message).toBe(
      "La riga 1 sembra l'intestazione di una tabella KPI ma non è letta: colonne trovate «Peso» (B1), «Target 2026» (C1); manca Indicatore.",
    );
  });
});

it("prints the notes in English with --lang en", async () => {
  const { json } = await check(files["raw-libreoffice"], "en");
  expect(json.problems.map((p) => p.message)).toEqual([
    "Table without a Weight column: the weights are not checked.",
    "Table without a Target column: only the weights are checked.",
    "Row 1 looks like a KPI table header but is not read as one: columns found “Peso” (B1), “Target 2026” (C1); missing Indicator.",
  ]);
});

it("checks 2027 from the two-row header's next columns when asked", async () => {
  const r = await kpi(["check", files.exceljs, "--json", "--year", "2027"], { cwd: dir });
  const j = JSON.parse(r.stdout) as CheckJson;
  const due = j.kpis.filter((k) => k.sheet === "Due righe").map((k) => [k.row, k.target?.value ?? null, k.status]);
  // 2027: >= 92%, >= 110, --- (no target), >= 5, >= 1; the Risultato 2027 column is empty.
  expect(due).toEqual([
    [3, 92, "missing"],
    [4, 110, "missing"],
    [5, null, "no_target"],
    [6, 5, "missing"],
    [7, 1, "missing"],
  ]);
});

it("prints each weight group with its own rows", async () => {
  const r = await kpi(["check", files["raw-libreoffice"]], { cwd: dir });
  const groups = r.stdout.split("\n").filter((l) => /^ {2}(ok|NO) /.test(l)).map((l) => l.replace(/ +/g, " ").trim());
  expect(groups).toEqual([
    "ok OS1 somma 100 su 100 [PIAO righe 4-5]",
    "ok OS2 somma 100 su 100 [PIAO riga 6]",
    "ok 1.1.2 somma 100 su 100 [Due righe righe 3-5]",
    "ok n. 3 somma 100 su 100 [Due righe righe 6-7]",
    "ok (tabella) somma 100 su 100 [Obiettivi servizio righe 3-11]",
    "ok (tabella) somma 100 su 100 [Target % righe 2-3]",
    "ok (tabella) somma 100 su 100 [Primo anno riga 3]",
  ]);
});
