/**
 * Nothing of the user's is lost, through the CLI end to end:
 *  - `kpi check -o copy.xlsx` writes a copy that differs from the input only by the marks:
 *    every part of the package is byte-identical except the marked sheets (which differ only
 *    by <conditionalFormatting> blocks) and styles.xml (only by its <dxfs>); every cell's
 *    value, formula, style, note and hyperlink reads back the same. Checked on the workbook
 *    the import builds from seeds/ (formulas with cached results, tables, validations,
 *    frozen panes) and on a workbook with the features a user's file has and a library could
 *    drop: notes, hyperlinks, rich text, shared formulas, merges, a hidden and a protected
 *    sheet, print settings, defined names, row outlines;
 *  - `kpi import -o` over an existing workbook: a KNOWN GAP today (it overwrites), see below.
 * The Office.js side (Validate/Clear snapshots, failed syncs) is in tests/excel and in
 * nothing-lost-excel.test.ts.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { COMMANDS } from "../../src/cli/commands";
import { writeXlsx } from "../../src/cli/xlsx-write";
import { kpi, SEED, sha256, useTempDir } from "../support/cli";
import { seedWorkbook } from "../support/seed-values";
import { unzip } from "../support/xlsx-files";

let dir: string;
useTempDir("kpi-nothing-lost-", (d) => (dir = d), "each");

/** A workbook with what users' files have, around a KPI table with met, unmet and missing values. */
async function richWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Ufficio controllo di gestione";
  wb.title = "Monitoraggio 2022";
  const ws = wb.addWorksheet("Area A", { views: [{ state: "frozen", ySplit: 3 }], pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1 } });
  ws.headerFooter.oddFooter = "&LPiano della Performance&RPagina &P di &N";
  ws.mergeCells("A1:F1");
  ws.getCell("A1").value = { richText: [{ text: "Monitoraggio ", font: { bold: true } }, { text: "2022", font: { italic: true, color: { argb: "FFC00000" } } }] };
  ws.getRow(3).values = ["Codice", "Indicatore", "Peso", "Target 2022", "Valore 2022", "Note"];
  ws.getRow(3).font = { bold: true };
  const rows: [string, string, number, string, number | null, string][] = [
    ["A.1", "Visite guidate", 50, ">= 10", 12, "ok"],
    ["A.1", "Pratiche evase", 50, "<= 5", 8, "in ritardo"],
    ["A.2", "Eventi", 100, ">= 3", null, "da misurare"],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  ws.getCell("E4").numFmt = "#,##0.00";
  ws.getCell("E4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("E5").border = { bottom: { style: "double", color: { argb: "FF0000FF" } } };
  ws.getCell("B4").note = "Fonte: registro visite";
  ws.getCell("F6").value = { text: "Regolamento", hyperlink: "https://www.example.org/regolamento" };
  ws.getCell("C7").value = { formula: "SUM(C4:C6)", result: 200 };
  ws.getCell("D7").value = { formula: "C4*2", result: 100 };
  ws.getCell("D8").value = { sharedFormula: "D7", result: 100 };
  ws.getCell("E9").value = new Date(Date.UTC(2022, 11, 31));
  ws.getCell("E9").numFmt = "dd/mm/yyyy";
  ws.getCell("C4").dataValidation = { type: "decimal", operator: "between", formulae: [0, 100], allowBlank: true, showErrorMessage: true, error: "0..100" };
  ws.addConditionalFormatting({ ref: "C4:C6", rules: [{ type: "expression", priority: 1, formulae: ["C4>60"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }] });
  ws.getRow(5).outlineLevel = 1;
  ws.getColumn(2).width = 40;
  ws.autoFilter = "A3:F6";
  const hidden = wb.addWorksheet("Nascosto", { state: "hidden" });
  hidden.getCell("A1").value = "dati di appoggio";
  const locked = wb.addWorksheet("Protetto");
  locked.getCell("A1").value = "non modificare";
  await locked.protect("segreta", { selectLockedCells: true });
  wb.definedNames.add("'Area A'!$C$4:$C$6", "Pesi");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CF_BLOCK = /<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g;
const DXFS = /<dxfs\b[^>]*\/>|<dxfs\b[^>]*>[\s\S]*?<\/dxfs>/;

/** Every difference between two packages that is not a mark, as readable lines. */
function differencesBesidesMarks(input: Buffer, output: Buffer): string[] {
  const a = unzip(input);
  const b = unzip(output);
  const out: string[] = [];
  if ([...a.keys()].sort().join("\n") !== [...b.keys()].sort().join("\n")) out.push(`parts differ: ${[...a.keys()].join(",")} -> ${[...b.keys()].join(",")}`);
  for (const [name, data] of a) {
    const other = b.get(name);
    if (!other || other.equals(data)) continue;
    const x = data.toString("utf8");
    const y = other.toString("utf8");
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      if (x.replace(CF_BLOCK, "") !== y.replace(CF_BLOCK, "")) out.push(`${name}: changed beyond conditional formatting`);
    } else if (name === "xl/styles.xml") {
      if (x.replace(DXFS, "") !== y.replace(DXFS, "")) out.push(`${name}: changed beyond <dxfs>`);
    } else {
      out.push(`${name}: changed`);
    }
  }
  return out;
}

/** The user's own conditional-format rules of a sheet part (formula and format), ours left out. */
function userRules(xml: string): string[] {
  return [...xml.matchAll(CF_BLOCK)].map((m) => m[0].replace(/\spriority="\d+"/g, "")).filter((r) => !/<formula>TRUE<\/formula>/.test(r));
}

async function cellsOf(buffer: Buffer): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const out: unknown[] = [];
  wb.eachSheet((ws) => {
    out.push({ sheet: ws.name, state: ws.state, views: ws.views, merges: (ws.model as unknown as { merges: string[] }).merges });
    ws.eachRow({ includeEmpty: true }, (row) => {
      out.push({ row: row.number, outline: row.outlineLevel, height: row.height, hidden: row.hidden });
      row.eachCell({ includeEmpty: true }, (c) => {
        out.push({ a: `${ws.name}!${c.address}`, v: c.value, f: c.formula, t: c.type, s: c.style, n: c.note, h: c.hyperlink, dv: c.dataValidation });
      });
    });
  });
  out.push({ names: wb.definedNames.model });
  return out;
}

const WORKBOOKS: [string, () => Promise<Buffer>][] = [
  ["the workbook imported from seeds/, with 2021 values typed in", () => writeXlsx(seedWorkbook())],
  ["a user's workbook with notes, links, rich text, shared formulas, hidden and protected sheets", richWorkbook],
];

describe("kpi check -o: the copy differs from the input by the marks only", () => {
  test.each(WORKBOOKS)("%s", async (_name, make) => {
    const bytes = await make();
    writeFileSync(join(dir, "input.xlsx"), bytes);
    const before = sha256(join(dir, "input.xlsx"));
    const r = await kpi(["check", "input.xlsx", "--json", "-o", "copy.xlsx"], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as { kpis: { status: string }[] };
    expect(report.kpis.some((k) => k.status === "met" || k.status === "unmet" || k.status === "missing")).toBe(true);
    expect(sha256(join(dir, "input.xlsx"))).toBe(before);

    const copy = readFileSync(join(dir, "copy.xlsx"));
    expect(differencesBesidesMarks(bytes, copy)).toEqual([]);
    // The copy does carry marks (the comparison above is not vacuous) ...
    const marked = [...unzip(copy)].filter(([name, data]) => /^xl\/worksheets\//.test(name) && !data.equals(unzip(bytes).get(name) as Buffer));
    expect(marked.length).toBeGreaterThan(0);
    // ... and keeps each of the user's own rules.
    for (const [name, data] of unzip(bytes)) {
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
        expect(userRules((unzip(copy).get(name) as Buffer).toString("utf8"))).toEqual(userRules(data.toString("utf8")));
      }
    }
    expect(await cellsOf(copy)).toEqual(await cellsOf(bytes));
  });

  test("the rich workbook keeps its hidden sheet, its protection and its note parts", async () => {
    const bytes = await richWorkbook();
    writeFileSync(join(dir, "input.xlsx"), bytes);
    await kpi(["check", "input.xlsx", "-o", "copy.xlsx"], { cwd: dir });
    const parts = unzip(readFileSync(join(dir, "copy.xlsx")));
    const names = [...parts.keys()];
    expect(names.some((n) => /comments\d*\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /vmlDrawing/.test(n))).toBe(true);
    expect((parts.get("xl/workbook.xml") as Buffer).toString("utf8")).toMatch(/state="hidden"/);
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => (parts.get(n) as Buffer).toString("utf8"));
    expect(sheets.some((x) => /<sheetProtection\b/.test(x))).toBe(true);
  });
});

describe("kpi import -o over an existing workbook", () => {
  const hasForce = COMMANDS.import.options.some((o) => o.name === "force");
  let existing: Buffer;
  beforeAll(async () => {
    existing = await richWorkbook();
  });

  test("the plan imports (the setup of the case below works)", async () => {
    const r = await kpi(["import", SEED, "-o", "nuovo.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
  });

  // Re-running the import after typing the year's values into the workbook must not lose
  // them: exit 2 with one line unless --force is given.
  test("refuses to write over an existing workbook (unless --force)", async () => {
    writeFileSync(join(dir, "lavoro.xlsx"), existing);
    const before = sha256(join(dir, "lavoro.xlsx"));
    const r = await kpi(["import", SEED, "-o", "lavoro.xlsx"], { cwd: dir });
    expect(sha256(join(dir, "lavoro.xlsx"))).toBe(before);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    if (hasForce) {
      const forced = await kpi(["import", SEED, "-o", "lavoro.xlsx", "--force"], { cwd: dir });
      expect(forced.code).toBe(0);
      expect(sha256(join(dir, "lavoro.xlsx"))).not.toBe(before);
    }
  });
});
