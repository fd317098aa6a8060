/**
 * The opt-in path for percentage-formatted inputs: KPI.PERCENT_POINTS(H2) reads the number
 * format of the cell it is given and turns 0.16 shown as "16%" into 16 percentage points.
 *
 * Why a function of its own: Excel hands a custom function a cell's value, not its format
 * (the metadata asks for plain values; see coerce.ts). Microsoft documents two pieces that
 * together give the format:
 * - `@requiresParameterAddresses` puts the address of each argument in
 *   `invocation.parameterAddresses` (CustomFunctions.Invocation; CustomFunctionsRuntime 1.3);
 * - in a shared runtime, which this add-in uses, a custom function may call the Excel
 *   JavaScript API ("Call Excel JavaScript APIs from a custom function"), read-only in practice.
 * Reading a format is one extra round trip to Excel per call, so it is not done on every
 * KPI.* call: only where the user wraps a cell in KPI.PERCENT_POINTS.
 */
import { isPercentFormat, kpiError } from "../core";
import { amount, cell } from "./coerce";
import { raise, run } from "./excel-errors";

/** Reads the number format of the top-left cell at an address such as `Foglio1!H2`. */
export type FormatReader = (address: string) => Promise<string | null>;

/** The part of CustomFunctions.Invocation this file uses. */
export interface AddressedInvocation {
  readonly parameterAddresses?: readonly (string | null | undefined)[];
}

/**
 * Splits an address into sheet and range; the sheet may be quoted (`'Area A'!H2`, with `''`
 * for a quote in the name) and may be missing (then the active sheet is meant).
 * @example splitAddress("'Area A'!H2") // { sheet: "Area A", range: "H2" }
 * @example splitAddress("H2")          // { sheet: null, range: "H2" }
 */
export function splitAddress(address: string): { sheet: string | null; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, bang);
  // A workbook prefix ([Book1]Sheet1) is not part of the sheet's name.
  sheet = sheet.replace(/^'?\[[^\]]*\]/, (m) => (m.startsWith("'") ? "'" : ""));
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/**
 * The Excel reader: one `Excel.run` with one load and one sync.
 * @example await excelFormatReader("Foglio1!H2") // "0%"
 */
export const excelFormatReader: FormatReader = (address) =>
  Excel.run(async (context) => {
    const { sheet, range } = splitAddress(address);
    const sheets = context.workbook.worksheets;
    const target = (sheet === null ? sheets.getActiveWorksheet() : sheets.getItem(sheet)).getRange(range).getCell(0, 0);
    target.load("numberFormat");
    await context.sync();
    const format = target.numberFormat?.[0]?.[0];
    return typeof format === "string" ? format : null;
  });

/**
 * A cell's number in percentage points when the cell shows a percentage (0.16 shown as 16%
 * gives 16), otherwise the number as KPI.* functions read it (Italian text, "16%" -> 16).
 * A constant typed in the formula has no cell and is read as it is.
 * @example await percentPoints(0.16, { parameterAddresses: ["A!H2"] }, async () => "0%") // 16
 */
export async function percentPoints(value: unknown, invocation: AddressedInvocation | undefined, read: FormatReader): Promise<number> {
  let format: string | null = null;
  // Text ("16%", "1.234,5") says what it means; only a number needs its cell's format.
  const v = run(() => cell(value));
  if (typeof v === "number") {
    const addresses = invocation?.parameterAddresses;
    // No array at all: a runtime below CustomFunctionsRuntime 1.3 (the option is ignored).
    if (!Array.isArray(addresses)) return run(() => raise(kpiError("FORMAT_NEEDS_ADDRESS")));
    const address = addresses[0];
    if (typeof address === "string" && address.trim() !== "") {
      try {
        format = await read(address);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return run(() => raise(kpiError("FORMAT_UNREADABLE", { address, detail })));
      }
    }
  }
  return run(() => (typeof v === "number" && isPercentFormat(format) ? v * 100 : amount(v)));
}
