/**
 * The streaming reader (src/cli/xlsx-read.ts) against ExcelJS' full read
 * (src/cli/xlsx-read-exceljs.ts, the reader it replaced) on the same files: the grids must be
 * the same, cell for cell and format for format, so that `kpi check` says what it said. Then
 * what the streaming reader does beyond ExcelJS, on raw XML: UTF-8 split across inflate
 * chunks, merged areas, rich and phonetic text, shared formulas, limits.
 */
import { readFileSync } from "fs";
import { crc32, deflateRawSync } from "zlib";
import type { SheetGrid } from "../../src/core/types";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import { checkJson, writeCheckJson } from "../../src/cli/output/check-json";
import { XlsxError } from "../../src/cli/xlsx-error";
import { readXlsxGrids } from "../../src/cli/xlsx-read";
import { readXlsxExcelJs } from "../../src/cli/xlsx-read-exceljs";
import { writeXlsx } from "../../src/cli/xlsx-write";
import { analyseWorkbook, rollupJson } from "../../src/core";
import { handMadeXlsx, simpleXlsx } from "../fixtures/workbooks/build";
import { unzip, zipRaw } from "../support/xlsx-files";
import { SEED } from "../support/cli";
import { rawXlsx } from "../support/raw-xlsx";

/** A grid with sparse format rows written out as ExcelJS' reader gave them (null-filled). */
function normalised(sheets: readonly SheetGrid[]): unknown {
  return sheets.map((s) => ({
    name: s.name,
    origin: s.origin,
    values: s.values,
    formats: s.values.map((row, r) => row.map((_, c) => s.formats?.[r]?.[c] ?? null)),
  }));
}

async function same(bytes: Buffer): Promise<SheetGrid[]> {
  const streamed = (await readXlsxGrids(bytes)).sheets;
  const full = await readXlsxExcelJs(bytes);
  expect(normalised(streamed)).toEqual(normalised(full));
  return streamed;
}

describe("the streaming reader gives ExcelJS' grids", () => {
  test("the hand-made workbook (merged title, formulas, percent and date formats, rich text, a hyperlink, an error)", async () => {
    const sheets = await same(await handMadeXlsx());
    expect(sheets.map((s) => s.name)).toEqual(["Copertina", "Area A", "B", "Note"]);
  });

  test("the workbook imported from the Lecce plan (every sheet, formulas with cached results)", async () => {
    const bytes = await writeXlsx(buildWorkbook(parsePlan(readFileSync(SEED, "utf8"))));
    const sheets = await same(bytes);
    // The same analysis: 93 KPI rows of the plan in the check.
    const { report } = analyseWorkbook(sheets, { year: null });
    expect(report.summary.rows).toBe(93);
  });

  test("dates, times, percentages, booleans, a grid that starts at C5", async () => {
    await same(
      await simpleXlsx(
        "S",
        [[], [], [], [], [null, null, "Indicatore", "Peso", "Target", "Valore", "Ora", "Vero"], [null, null, "a", 0.5, ">= 10%", 0.12, 0.75, true], [null, null, "b", 0.5, "<= 31/12/2022", new Date(Date.UTC(2022, 5, 30)), 0.5, false]],
        { F6: "0%", F7: "dd/mm/yyyy", G6: "h:mm", G7: "[h]:mm:ss", D6: "0.00" },
      ),
    );
  });

  test("raw XML ExcelJS also reads: shared strings, custom formats, date1904=\"1\", a formula without result", async () => {
    const bytes = rawXlsx(
      [
        { ref: "B2", value: "Indicatore" },
        { ref: "C2", value: 43_000, format: 0 },
        { ref: "D2", value: 0.25, format: 1 },
        { ref: "E2", formula: "C2*2", value: 86_000 },
        { ref: "F2", formula: "C2/0", format: 1 },
        { ref: "G2", value: "testo", formula: "\"testo\"", str: true },
      ],
      { sharedStrings: true, numFmts: ["dd/mm/yyyy", "0.0%"], date1904: "1" },
    );
    const sheets = await same(bytes);
    // 43,000 in the 1904 system is 1900-system 44,462.
    expect(sheets[0].values[0][1]).toBe(43_000 + 1_462);
  });
});

describe("what only the streaming reader reads", () => {
  test("a character split between two inflate chunks (64 KB apart) is read whole", async () => {
    // "à" is 2 bytes in UTF-8: put one across every possible chunk boundary near 64 KB.
    const pad = "x".repeat(65_536 - 200);
    const cells = Array.from({ length: 8 }, (_, i) => ({ ref: `A${i + 1}`, value: `${pad.slice(i)}àèìòù€😀` }));
    const { sheets } = await readXlsxGrids(rawXlsx(cells));
    expect(sheets[0].values.map((r) => r[0])).toEqual(cells.map((c) => c.value));
  });

  test("text made only of 3- and 4-byte characters across several 64 KB chunks reads back whole", async () => {
    // "€" is 3 bytes, "😀" 4: 7 bytes a pair, and 65,536 is not a multiple of 7, so the chunk
    // boundaries fall inside characters.
    const cells = Array.from({ length: 4 }, (_, i) => ({ ref: `B${i + 1}`, value: "€😀".repeat(10_000 + i) }));
    const { sheets } = await readXlsxGrids(rawXlsx(cells));
    expect(sheets[0].values.map((r) => r[0])).toEqual(cells.map((c) => c.value));
  });

  test("merged areas keep only their top-left value; a merge over blank cells costs nothing", async () => {
    const { sheets } = await readXlsxGrids(
      rawXlsx(
        [
          { ref: "A1", value: "Titolo" },
          { ref: "B1", value: "nascosto" },
          { ref: "A2", value: 1 },
          { ref: "B2", value: 2 },
        ],
        { merges: ["A1:C1", "A3:XFD1048576"] },
      ),
    );
    // Rows are ragged: the first ends at its one value.
    expect(sheets[0].values).toEqual([["Titolo"], [1, 2]]);
  });

  test("rich text runs joined, phonetic runs left out, inline and shared alike", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Tem</t></r><r><rPr><b/></rPr><t xml:space="preserve">po </t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></is></c></row></sheetData></worksheet>`;
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Indi</t></r><r><t>catore</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`;
    const bytes = withParts({ "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst });
    const { sheets } = await readXlsxGrids(bytes);
    expect(sheets[0].values).toEqual([["Indicatore", "Tempo "]]);
  });

  test("shared formulas: every cell of the group gives its own cached value; one without a value is named", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c><c r="B2"><v>2</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/></c><c r="B3"><v>3</v></c></row></sheetData></worksheet>`;
    const { sheets, uncomputed } = await readXlsxGrids(withParts({ "xl/worksheets/sheet1.xml": sheet }));
    expect(sheets[0].values).toEqual([
      [2, 1],
      [4, 2],
      [null, 3],
    ]);
    expect(uncomputed).toEqual([{ sheet: "KPI", cell: "A3" }]);
  });

  test("a sheet that declares more than the limit is refused before inflating; one that inflates past it, while inflating", async () => {
    const big = "<row><c><v>1</v></c></row>".repeat(40_000);
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${big}</sheetData></worksheet>`;
    const honest = withParts({ "xl/worksheets/sheet1.xml": sheet });
    await expect(readXlsxGrids(honest, { xmlBytes: 100_000 })).rejects.toEqual(new XlsxError("too_large"));
    // The same sheet with a ZIP directory that lies: it claims 100 bytes.
    const data = Buffer.from(sheet);
    const parts = rawParts({ "xl/worksheets/sheet1.xml": sheet }).map((p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, size: 100 } : p,
    );
    expect(data.length).toBeGreaterThan(100_000);
    await expect(readXlsxGrids(zipRaw(parts), { xmlBytes: 100_000 })).rejects.toEqual(new XlsxError("too_large"));
    // Within the limit it reads: 40,000 rows of one value each.
    expect((await readXlsxGrids(honest)).sheets[0].values).toHaveLength(40_000);
  });

  test("a lying directory over a large part: the inflater is stopped at the limit and the read ends (no hang)", async () => {
    // 32 MB of rows declared as 100 bytes, read under a 1 MB limit.
    const rows = Buffer.from("<row><c><v>1</v></c></row>".repeat(40_000));
    const head = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
    const sheet = Buffer.concat([Buffer.from(head), ...Array.from({ length: 32 }, () => rows), Buffer.from("</sheetData></worksheet>")]);
    const parts = rawParts({}).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, crc: crc32(sheet), size: 100, raw: deflateRawSync(sheet) } : p));
    await expect(readXlsxGrids(zipRaw(parts), { xmlBytes: 1024 * 1024 })).rejects.toEqual(new XlsxError("too_large"));
  });

  test("a row past Excel's 1,048,576 is refused", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`;
    await expect(readXlsxGrids(withParts({ "xl/worksheets/sheet1.xml": sheet }))).rejects.toEqual(new XlsxError("too_many_rows", "KPI"));
  });

  test("broken XML is refused with the part named", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`;
    await expect(readXlsxGrids(withParts({ "xl/worksheets/sheet1.xml": sheet }))).rejects.toEqual(new XlsxError("bad_xml", "xl/worksheets/sheet1.xml"));
  });
});

describe("check --json streamed", () => {
  test("the streamed text is exactly JSON.stringify's of the same document", async () => {
    const sheets = await readXlsxExcelJs(await handMadeXlsx());
    const { report, rollup } = analyseWorkbook(sheets, { year: null });
    const extra = { rollup: rollupJson(rollup.nodes, { decimals: 2 }) };
    let text = "";
    writeCheckJson(report, "it", extra, (s) => {
      text += s;
    });
    expect(text).toBe(JSON.stringify({ ...(checkJson(report, "it") as object), ...extra }, null, 2) + "\n");
    expect(report.kpis.length).toBeGreaterThan(3);
  });

  test("lists longer than one chunk (2,501 KPIs, 1,001 problems) stream byte for byte too", () => {
    // 2,501 = 2 × 1,000 + 501: two full chunks and a partial one; the groups hold nested arrays.
    const kpis = Array.from({ length: 2501 }, (_, i) => ({
      sheet: "S", row: i + 2, owner: `O${i % 7}`, indicator: `k "${i}" ]`, weight: 10, target: { op: ">=", value: i, unit: "percent" },
      value: i % 3 === 0 ? null : i / 2, status: i % 3 === 0 ? "missing" : "met", achievement: i % 3 === 0 ? null : 100, valueCell: `D${i + 2}`, targetCell: `C${i + 2}`,
    }));
    const groups = Array.from({ length: 1200 }, (_, i) => ({ owner: `O${i}`, sheet: "S", rows: [i + 2, i + 3], weightSum: 100, ok: true, difference: 0 }));
    const problems = Array.from({ length: 1001 }, (_, i) => ({ severity: "warning", code: "NOT_A_NUMBER", params: { text: `p${i}]` }, sheet: "S", cell: `A${i + 1}` }));
    const report = { year: 2026, years: [2026], period: { year: 2026, date: null }, periods: [{ year: 2026, date: null }], groups, kpis, problems, summary: { tables: 1, rows: 2501, met: 1667, unmet: 0, missing: 834, noTarget: 0, invalid: 0 } };
    let text = "";
    let pieces = 0;
    writeCheckJson(report as never, "it", { rollup: [] }, (s) => {
      text += s;
      pieces++;
    });
    expect(text).toBe(JSON.stringify({ ...(checkJson(report as never, "it") as object), rollup: [] }, null, 2) + "\n");
    expect(pieces).toBeGreaterThan(1); // written in pieces, not as one text
  });

  test("an empty report streams as JSON.stringify writes it too (empty lists)", () => {
    const report = { year: null, years: [], period: null, periods: [], groups: [], kpis: [], problems: [], summary: { tables: 0, rows: 0, met: 0, unmet: 0, missing: 0, noTarget: 0, invalid: 0 } };
    let text = "";
    writeCheckJson(report as never, "it", { rollup: [] }, (s) => {
      text += s;
    });
    expect(text).toBe(JSON.stringify({ ...report, rollup: [] }, null, 2) + "\n");
  });
});

// ------------------------------------------------------------------ helpers

/** A one-sheet package (sheet "KPI") whose parts are replaced by `overrides` (raw XML). */
function rawParts(overrides: Record<string, string>): { name: string; method: 8; crc: number; size: number; raw: Buffer }[] {
  const parts = unzip(rawXlsx([{ ref: "A1", value: "x" }], { sharedStrings: true }));
  for (const [name, xml] of Object.entries(overrides)) parts.set(name, Buffer.from(xml));
  return [...parts.entries()].map(([name, data]) => ({ name, method: 8 as const, crc: crc32(data), size: data.length, raw: deflateRawSync(data) }));
}

function withParts(overrides: Record<string, string>): Buffer {
  return zipRaw(rawParts(overrides));
}

