import type { Package } from "./xlsx-package";

/**
 * The number format of every cell style of a workbook (styles.xml), and whether it shows a
 * date: the reader turns a number under a date format into the serial ExcelJS gave, and the
 * engine reads percentages from the format.
 */

/** The built-in number formats ExcelJS knows (ECMA-376 18.8.30), by id. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

export interface CellStyle {
  readonly format: string | null;
  readonly isDate: boolean;
}

/** Whether a number format shows a date or time: letters of dates outside quotes and brackets. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The number format of each cell style (`s` attribute of a cell), from styles.xml. */
export async function readStyles(pkg: Package, part: string): Promise<CellStyle[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await pkg.parse(
    part,
    (local, tag) => {
      if (local === "numFmt") custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "");
      else if (local === "cellXfs") inCellXfs = !tag.isSelfClosing;
      else if (local === "xf" && inCellXfs) xfs.push(Number(tag.attributes.numFmtId ?? 0) || 0);
    },
    (local) => {
      if (local === "cellXfs") inCellXfs = false;
    },
  );
  return xfs.map((id) => {
    const format = id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? null) : null;
    return { format: format === "" ? null : format, isDate: isDateFormat(format) };
  });
}
