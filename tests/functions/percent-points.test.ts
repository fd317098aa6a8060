import { ErrorCode } from "../support/functions-setup";
import { StandInError } from "../support/custom-functions";
import fc from "fast-check";
import { formatMessage } from "../../src/core";
import { PERCENT_POINTS, TARGET_MET } from "../../src/functions/functions";
import { isPercentFormat } from "../../src/core";
import { excelFormatReader, percentPoints, splitAddress, type FormatReader } from "../../src/functions/number-format";

/** A reader that answers from a table of addresses and records what it was asked. */
function reader(formats: Record<string, string>): FormatReader & { asked: string[] } {
  const asked: string[] = [];
  const read = async (address: string) => {
    asked.push(address);
    if (!(address in formats)) throw new Error(`no such cell ${address}`);
    return formats[address];
  };
  return Object.assign(read, { asked });
}

async function rejected(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    const v = await p;
    throw new Error(`expected a CustomFunctions.Error, got ${JSON.stringify(v)}`);
  } catch (e) {
    if (!(e instanceof StandInError)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe("percentPoints: a cell's number as the percentage it shows", () => {
  test("a number in a cell formatted as a percentage is multiplied by 100 (0.16 shown as 16% -> 16)", async () => {
    const read = reader({ "Area A!H2": "0%", "Area A!H3": "0.00%", "Area A!H4": "#,##0.00" });
    expect(await percentPoints(0.16, { parameterAddresses: ["Area A!H2"] }, read)).toBeCloseTo(16, 12);
    expect(await percentPoints(0.1425, { parameterAddresses: ["Area A!H3"] }, read)).toBeCloseTo(14.25, 12);
    // Not a percentage format: the number as it is.
    expect(await percentPoints(0.16, { parameterAddresses: ["Area A!H4"] }, read)).toBe(0.16);
    expect(read.asked).toEqual(["Area A!H2", "Area A!H3", "Area A!H4"]);
  });

  test("text says what it means and needs no format: '16%' -> 16, '1.234,5' -> 1234.5", async () => {
    const read = reader({});
    expect(await percentPoints("16%", { parameterAddresses: ["A!H2"] }, read)).toBe(16);
    expect(await percentPoints("1.234,5", { parameterAddresses: ["A!H2"] }, read)).toBe(1234.5);
    expect(read.asked).toEqual([]);
  });

  test("a constant typed in the formula has no cell: read as it is, Excel is not asked", async () => {
    const read = reader({});
    expect(await percentPoints(0.16, { parameterAddresses: [""] }, read)).toBe(0.16);
    expect(read.asked).toEqual([]);
  });

  test("quoted percent signs and colours are not percentage formats", async () => {
    const read = reader({ "S!A1": '0"%"', "S!A2": "[Red]0", "S!A3": "\\%0", "S!A4": "[Red]0.0%" });
    const at = (a: string) => percentPoints(2, { parameterAddresses: [a] }, read);
    expect([await at("S!A1"), await at("S!A2"), await at("S!A3"), await at("S!A4")]).toEqual([2, 2, 2, 200]);
    expect([isPercentFormat("0%"), isPercentFormat('0"%"'), isPercentFormat(null)]).toEqual([true, false, false]);
  });

  test("an Excel without parameter addresses (below CustomFunctionsRuntime 1.3) gets #VALUE! saying so, in English or Italian", async () => {
    const r = await rejected(percentPoints(0.16, {}, reader({})));
    expect(r).toEqual({ code: ErrorCode.invalidValue, message: formatMessage("FORMAT_NEEDS_ADDRESS", "en") });
    expect(formatMessage("FORMAT_NEEDS_ADDRESS", "it")).toContain("KPI.PUNTI_PERCENTUALI richiede Excel con CustomFunctionsRuntime 1.3");
  });

  test("a format Excel cannot give is #VALUE! naming the cell", async () => {
    const r = await rejected(percentPoints(0.16, { parameterAddresses: ["Gone!A1"] }, reader({})));
    expect(r).toEqual({ code: ErrorCode.invalidValue, message: "Cannot read the number format of Gone!A1: no such cell Gone!A1." });
  });

  test("a blank cell is 0 and '---' is #N/A, as in the other functions", async () => {
    const read = reader({ "A!B1": "0%" });
    expect(await percentPoints(null, { parameterAddresses: ["A!B1"] }, read)).toBe(0);
    expect((await rejected(percentPoints("---", { parameterAddresses: ["A!B1"] }, read))).code).toBe(ErrorCode.notAvailable);
  });

  test("composes with TARGET_MET: 16% against >= 15% is met, where the bare 0.16 is not", async () => {
    const points = await percentPoints(0.16, { parameterAddresses: ["A!H2"] }, reader({ "A!H2": "0%" }));
    expect([TARGET_MET(points, ">= 15%"), TARGET_MET(0.16, ">= 15%")]).toEqual([true, false]);
  });

  test("on anything Excel can pass: a finite number or an Excel error with a message", async () => {
    const formats = fc.oneof(fc.constantFrom("0%", "General", "0.00%", '"%"0', "dd/mm/yyyy"), fc.string());
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant([[1]]), fc.constant({})), formats, async (value, format) => {
        try {
          const v = await percentPoints(value, { parameterAddresses: ["A!A1"] }, async () => format);
          expect(Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(StandInError);
          expect([ErrorCode.invalidValue, ErrorCode.notAvailable, ErrorCode.invalidNumber, ErrorCode.divisionByZero]).toContain((e as StandInError).code);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("splitAddress", () => {
  test.each([
    ["Foglio1!H2", { sheet: "Foglio1", range: "H2" }],
    ["'Area A'!H2:H9", { sheet: "Area A", range: "H2:H9" }],
    ["'L''area'!B3", { sheet: "L'area", range: "B3" }],
    ["[Book1]Sheet1!A1", { sheet: "Sheet1", range: "A1" }],
    ["'[Piano 2022.xlsx]Area A'!C4", { sheet: "Area A", range: "C4" }],
    ["H2", { sheet: null, range: "H2" }],
  ])("%p", (address, expected) => {
    expect(splitAddress(address)).toEqual(expected);
  });
});

describe("the Excel reader and KPI.PERCENT_POINTS against a stand-in Excel.run", () => {
  type Call = { sheet: string | "active"; range: string; loaded: string[] };
  let calls: Call[];
  let syncs: number;
  const g = globalThis as unknown as { Excel?: unknown };
  beforeEach(() => {
    calls = [];
    syncs = 0;
    const formats: Record<string, string> = { "Area A!H2": "0%", "active!H3": "General" };
    const sheetFor = (sheet: string) => ({
      getRange: (range: string) => ({
        getCell: (r: number, c: number) => {
          expect([r, c]).toEqual([0, 0]);
          const call: Call = { sheet, range, loaded: [] };
          calls.push(call);
          const cell = {
            numberFormat: undefined as unknown,
            load: (p: string) => call.loaded.push(p),
          };
          Object.defineProperty(cell, "numberFormat", { get: () => (syncs > 0 ? [[formats[`${sheet}!${range}`]]] : undefined) });
          return cell;
        },
      }),
    });
    g.Excel = {
      run: async (body: (ctx: unknown) => Promise<unknown>) =>
        body({
          workbook: { worksheets: { getItem: (name: string) => sheetFor(name), getActiveWorksheet: () => sheetFor("active") } },
          sync: async () => {
            syncs++;
          },
        }),
    };
  });
  afterEach(() => {
    delete g.Excel;
  });

  test("one range, one load of numberFormat, one sync", async () => {
    expect(await excelFormatReader("'Area A'!H2")).toBe("0%");
    expect(calls).toEqual([{ sheet: "Area A", range: "H2", loaded: ["numberFormat"] }]);
    expect(syncs).toBe(1);
    expect(await excelFormatReader("H3")).toBe("General");
    expect(calls[1].sheet).toBe("active");
  });

  test("KPI.PERCENT_POINTS reads the cell Excel names in parameterAddresses", async () => {
    const invocation = { parameterAddresses: ["'Area A'!H2"] } as unknown as CustomFunctions.Invocation;
    expect(await PERCENT_POINTS(0.16, invocation)).toBeCloseTo(16, 12);
    expect(calls.map((c) => `${c.sheet}!${c.range}`)).toEqual(["Area A!H2"]);
  });
});
