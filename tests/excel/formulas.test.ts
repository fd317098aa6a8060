/**
 * Formulas that call the add-in's functions, written so that Excel reads them in every
 * display language: the local Italian form (`formulasLocal`) with the Italian names active,
 * the English one (`formulas`) otherwise, and the other form, in one more sync, for any cell
 * that answers #NAME?. The fake reads local formulas with its own list of Italian names.
 */
import type { SheetSpec, WorkbookSpec } from "../../src/core/workbook/description";
import { formulaLocale, isKpiFormula, KPI_ITALIAN, localItalianFormula } from "../../src/excel/formulas";
import { importWorkbook } from "../../src/excel/actions/import";
import { FakeExcel, type FakeOptions } from "../support/office";
import { hostOf } from "../support/excel-fixtures";

const TREND = 'IF(OR(C2="",B2=""),"",KPI.TREND_PCT(C2,B2))';

describe("the local Italian form", () => {
  test("Italian names, ';' between arguments and a decimal comma; texts and quoted sheet names untouched", () => {
    expect(localItalianFormula(TREND, ",")).toBe('SE(O(C2="";B2="");"";KPI.TENDENZA_PCT(C2;B2))');
    expect(localItalianFormula('ROUND(KPI.SHARE_PCT(A1,\'Area, B\'!A2)*1.5,2)&"1.5, KPI.X(1)"', ",")).toBe(
      'ARROTONDA(KPI.QUOTA_PCT(A1;\'Area, B\'!A2)*1,5;2)&"1.5, KPI.X(1)"',
    );
    // With a decimal point the separators stay as in English; the names are Italian.
    expect(localItalianFormula("IF(TRUE,KPI.TREND_RATIO(A1,A2),1.5)", ".")).toBe("SE(VERO,KPI.RAPPORTO_TENDENZA(A1,A2),1.5)");
  });

  test("a function with no known Italian name gives no local form (the English one is used)", () => {
    expect(localItalianFormula("VLOOKUP(A1,B:C,2,FALSE)", ",")).toBeNull();
    expect(localItalianFormula("KPI.NOT_A_FUNCTION(A1)", ",")).toBeNull();
  });

  test("which formulas call the add-in, and the locale from the display language", () => {
    expect(isKpiFormula(TREND)).toBe(true);
    expect(isKpiFormula('IF(A1="",1,2)&"KPI.TREND_PCT(1)"')).toBe(false);
    expect(isKpiFormula("(I2-F2)/F2*100")).toBe(false);
    expect(KPI_ITALIAN.TREND_PCT).toBe("TENDENZA_PCT");
    expect(formulaLocale("it-IT")).toEqual({ italianNames: true, decimal: "," });
    expect(formulaLocale("it-CH", ".")).toEqual({ italianNames: true, decimal: "." });
    expect(formulaLocale("en-GB")).toEqual({ italianNames: false, decimal: "." });
  });
});

/** One sheet: base and current measure in B and C, the trend formula in D2, a native one in E2. */
function spec(): WorkbookSpec {
  const sheet: SheetSpec = {
    name: "Tendenze",
    cells: [
      ["Indicatore", "2021", "2022", "Tendenza %", "Nativa %"],
      ["Pratiche", 80, 100, { formula: TREND, result: "" }, { formula: 'IF(OR(C2="",B2=""),"",(C2-B2)/B2*100)', result: 25 }],
    ],
    columns: [],
    frozenRows: 0,
    tables: [],
    formats: [],
    validations: [],
  };
  return { sheets: [sheet] };
}

function excel(options: FakeOptions): FakeExcel {
  const fake = new FakeExcel({ platform: "desktop", apiVersion: "1.14", customFunctions: KPI_ITALIAN, ...options });
  fake.workbook.load({ name: "Foglio1", values: [[1]] });
  return fake;
}

const cell = (fake: FakeExcel, c: number) => {
  const s = fake.workbook.sheet("Tendenze")!;
  return { formula: s.formulas.get(1 * 16384 + c), value: s.rows[1][c] };
};

describe("writing KPI formulas through Office.js", () => {
  test("Italian Excel, Italian names: the local form is recognised at once (2 syncs, no rewrite)", async () => {
    const fake = excel({ language: "it", decimalSeparator: "," });
    await importWorkbook(hostOf(fake), spec(), { displayLanguage: "it-IT" });
    expect(cell(fake, 3)).toEqual({ formula: '=IF(OR(C2="",B2=""),"",KPI.TENDENZA_PCT(C2,B2))', value: "" });
    // The native formula is written as it was, in English through range.formulas.
    expect(cell(fake, 4).formula).toBe('=IF(OR(C2="",B2=""),"",(C2-B2)/B2*100)');
    expect(fake.localWrites).toBe(1);
    expect(fake.stats.syncs).toBe(2);
  });

  test("English Excel: the English form, 2 syncs, no local write", async () => {
    const fake = excel({ language: "en" });
    await importWorkbook(hostOf(fake), spec(), { displayLanguage: "en-US" });
    expect(cell(fake, 3)).toEqual({ formula: `=${TREND}`, value: "" });
    expect(fake.localWrites).toBe(0);
    expect(fake.stats.syncs).toBe(2);
  });

  test("the local form answers #NAME? (Italian display, English function names): rewritten in English, one more sync", async () => {
    const fake = excel({ language: "it", decimalSeparator: ",", customFunctionLanguage: "en" });
    await importWorkbook(hostOf(fake), spec(), { displayLanguage: "it-CH" });
    expect(cell(fake, 3)).toEqual({ formula: `=${TREND}`, value: "" });
    expect(fake.stats.syncs).toBe(3);
  });

  test("the English form answers #NAME? (the names are Italian): rewritten in the local form, one more sync", async () => {
    const fake = excel({ language: "it", decimalSeparator: "," });
    await importWorkbook(hostOf(fake), spec(), { displayLanguage: "en-US" });
    expect(cell(fake, 3)).toEqual({ formula: '=IF(OR(C2="",B2=""),"",KPI.TENDENZA_PCT(C2,B2))', value: "" });
    expect(fake.localWrites).toBe(1);
    expect(fake.stats.syncs).toBe(3);
  });

  test("before ExcelApi 1.11 (no cultureInfo) Italian names assume the Italian decimal comma", async () => {
    const fake = excel({ language: "it", decimalSeparator: ",", apiVersion: "1.9" });
    await importWorkbook(hostOf(fake), spec(), { displayLanguage: "it-IT" });
    expect(cell(fake, 3).value).toBe("");
    expect(fake.stats.syncs).toBe(2);
  });
});
