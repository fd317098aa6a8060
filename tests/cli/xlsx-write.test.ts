/**
 * writeXlsx: the seed plan's workbook written with ExcelJS, read back with ExcelJS, and
 * opened by LibreOffice (a real spreadsheet application) through a CSV conversion.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { formulaWriter, writeXlsx } from "../../src/cli/xlsx-write";
import { entryData, readZip } from "../../src/cli/zip";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { WorkbookSpec } from "../../src/core/workbook/description";
import { hasLibreOffice, xlsxToCsvSheets } from "../support/libreoffice";

const seed = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
const spec = buildWorkbook(parsePlan(seed));
const kpiSpec = buildWorkbook(parsePlan(seed), { formulas: "kpi" });

/** One part of the package, as text. */
function part(xlsx: Buffer, name: string): string {
  const entry = readZip(xlsx).find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  return entryData(entry).toString("utf8");
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("formulaWriter", () => {
  test("add-in calls are stored the way Excel saves Office.js custom functions", () => {
    const write = formulaWriter("xldudf", "KPI");
    expect(write('IF(OR(I2="",F2=""),"",KPI.TREND_PCT(I2,F2))')).toBe(
      'IF(OR(I2="",F2=""),"",_xldudf_KPI_TREND_PCT(I2,F2))',
    );
    expect(write("KPI.SHARE_PCT(A1,B1)+KPI.TREND_RATIO(A1, B1)")).toBe(
      "_xldudf_KPI_SHARE_PCT(A1,B1)+_xldudf_KPI_TREND_RATIO(A1, B1)",
    );
  });
  test("text in quotes and other names are left alone", () => {
    const write = formulaWriter("xldudf", "KPI");
    expect(write('IF(A1="KPI.TREND_PCT(x)",1,2)')).toBe('IF(A1="KPI.TREND_PCT(x)",1,2)');
    expect(write("MYKPI.TREND_PCT(A1,B1)+SUM(KPI_A[Peso])")).toBe("MYKPI.TREND_PCT(A1,B1)+SUM(KPI_A[Peso])");
  });
  test("plain keeps the formula as described", () => {
    expect(formulaWriter("plain", "KPI")("KPI.TREND_PCT(A1,B1)")).toBe("KPI.TREND_PCT(A1,B1)");
  });
});

describe("writeXlsx on the seed workbook, read back with ExcelJS", () => {
  let wb: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await writeXlsx(spec);
    wb = await load(bytes);
  });

  test("the sheets, in order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "B", "C", "Albero", "Impostazioni"]);
  });

  test("one Excel table per sheet, over the right range", () => {
    const tables = wb.worksheets.filter((w) => w.getTables().length > 0).map((w) => {
      const t = w.getTables()[0] as unknown as { table: { name: string; tableRef?: string; ref: string } };
      return [w.name, w.getTables().length, t.table.name, t.table.tableRef ?? t.table.ref];
    });
    expect(tables).toEqual([
      ["A", 1, "KPI_A", "A1:P27"],
      ["B", 1, "KPI_B", "A1:P25"],
      ["C", 1, "KPI_C", "A1:P44"],
      ["Albero", 1, "Nodi", "A1:G58"],
    ]);
    // The settings sheet is a key/value list, not a table.
    expect(wb.getWorksheet("Impostazioni")?.getTables()).toHaveLength(0);
  });

  test("values: text, Italian weights as numbers, baselines", () => {
    const b = wb.getWorksheet("B") as ExcelJS.Worksheet;
    expect(b.getCell("A2").value).toBe("B.1");
    expect(b.getCell("E2").value).toBe(50);
    expect(b.getCell("F2").value).toBe(17835);
    expect(b.getCell("H2").value).toBe(">= 10%");
    const c = wb.getWorksheet("C") as ExcelJS.Worksheet;
    expect([c.getCell("E2").value, c.getCell("E3").value, c.getCell("E4").value]).toEqual([33.33, 33.33, 33.34]);
    expect(c.getCell("G44").value).toBe("<= 31/10/2021");
  });

  test("native formulas with their cached result, and Excel told to recalculate on open", () => {
    const b = wb.getWorksheet("B") as ExcelJS.Worksheet;
    const v = b.getCell("J2").value as ExcelJS.CellFormulaValue;
    expect(v.formula).toBe('IF(OR(I2="",F2=""),"",(I2-F2)/F2*100)');
    expect(v.result ?? "").toBe("");
    expect((b.getCell("M2").value as ExcelJS.CellFormulaValue).formula).toBe('IF(OR(L2="",I2=""),"",(L2-I2)/I2*100)');
    // ExcelJS does not read calcPr back: look at the part itself.
    expect(part(bytes, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    let formulas = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      );
    }
    expect(formulas).toBe(57);
  });

  test("frozen header rows, column widths, number formats, bold headers", () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getCell("A1").font?.bold).toBe(true);
    }
    const c = wb.getWorksheet("C") as ExcelJS.Worksheet;
    expect(c.getColumn(3).width).toBe(spec.sheets[2].columns[2].width);
    expect(c.getCell("E2").numFmt).toBe("#,##0.00");
    expect(c.getCell("J44").numFmt).toBe("dd/mm/yyyy");
    expect(c.getCell("C2").alignment?.wrapText).toBe(true);
  });

  test("weights are validated as decimals between 0 and 100", () => {
    const a = wb.getWorksheet("A") as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };
    const model = a.dataValidations.model;
    for (const addr of ["E2", "E27"]) {
      expect(model[addr]).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100], allowBlank: true });
    }
    expect(model.E28).toBeUndefined();
    expect(model.F2).toBeUndefined();
  });

  test("add-in formulas, when asked for, are stored the way Excel saves them", async () => {
    const kpi = await load(await writeXlsx(kpiSpec));
    const b = kpi.getWorksheet("B") as ExcelJS.Worksheet;
    expect((b.getCell("J2").value as ExcelJS.CellFormulaValue).formula).toBe('IF(OR(I2="",F2=""),"",_xldudf_KPI_TREND_PCT(I2,F2))');
    expect((b.getCell("M2").value as ExcelJS.CellFormulaValue).formula).toBe('IF(OR(L2="",I2=""),"",_xldudf_KPI_TREND_PCT(L2,I2))');
  });

  test("add-in formulas can be kept as written", async () => {
    const plain = await load(await writeXlsx(kpiSpec, { addinFormulas: "plain" }));
    const v = (plain.getWorksheet("B") as ExcelJS.Worksheet).getCell("J2").value as ExcelJS.CellFormulaValue;
    expect(v.formula).toBe('IF(OR(I2="",F2=""),"",KPI.TREND_PCT(I2,F2))');
  });
});

const withLibreOffice = hasLibreOffice() ? describe : describe.skip;

withLibreOffice("the seed workbook opened by LibreOffice", () => {
  let sheets: Map<string, string[][]>;
  beforeAll(async () => {
    sheets = await xlsxToCsvSheets(await writeXlsx(spec));
  }, 120_000);
  const rows = (name: string) => {
    const s = sheets.get(name);
    if (!s) throw new Error(`LibreOffice did not export sheet ${name}: ${[...sheets.keys()].join(", ")}`);
    return s;
  };

  test("every sheet is there with every row", () => {
    expect([...sheets.keys()].sort()).toEqual(["A", "Albero", "B", "C", "Impostazioni"]);
    expect(rows("A")).toHaveLength(27);
    expect(rows("B")).toHaveLength(25);
    expect(rows("C")).toHaveLength(44);
    expect(rows("Albero")).toHaveLength(58);
  });

  test("figures as shown: weights with two decimals, baselines with thousands separators", () => {
    const c = rows("C");
    expect(c[1].slice(0, 5)).toEqual([
      "C.1",
      "Obiettivo strategico",
      "Media ponderata di performance degli obiettivi operativi associati",
      "Media ponderata degli obiettivi operativi*100",
      "33.33",
    ]);
    expect(c[3][4]).toBe("33.34");
    const b = rows("B");
    expect(b[1][5]).toBe("17,835"); // 17.835 in the plan; LibreOffice's default locale is en-US
    expect(b[1][7]).toBe(">= 10%");
  });

  test("formula cells show their cached result (empty: no measures yet), not an error", () => {
    const b = rows("B");
    expect(b[0][9]).toBe("Valore 2021");
    expect([b[1][9], b[1][12], b[1][15]]).toEqual(["", "", ""]);
    expect(rows("A").flat().some((v) => /#NAME|Err:/.test(v))).toBe(false);
  });

  test("the tree with units", () => {
    const t = rows("Albero");
    expect(t.find((r) => r[0] === "C.1.2.10")?.[5]).toBe("AREA I, AREA II, AREA III, AREA STAFF");
  });

  test("a cached formula result is what a user without the add-in sees", async () => {
    const small: WorkbookSpec = {
      sheets: [
        {
          name: "S",
          cells: [
            ["Stato", "Misura 2021", "Valore 2021"],
            [100, 110, { formula: 'IF(OR(B2="",A2=""),"",KPI.TREND_PCT(B2,A2))', result: 10 }],
          ],
          columns: [{ width: 10 }, { width: 10 }, { width: 10 }],
          frozenRows: 1,
          tables: [],
          formats: [{ range: "C2", numberFormat: "#,##0.00" }],
          validations: [],
        },
      ],
    };
    const shown = await xlsxToCsvSheets(await writeXlsx(small));
    expect(shown.get("S")?.[1]).toEqual(["100", "110", "10.00"]);
  }, 120_000);
});
