import type { SheetGrid } from "../core";
import { LIMITS } from "./limits";
import { XlsxError, zipFailure } from "./xlsx-error";
import { Package, attr, relationships } from "./xlsx-package";
import { readSharedStrings } from "./xlsx-shared-strings";
import { readSheet, type UncomputedCell } from "./xlsx-sheet";
import { readStyles } from "./xlsx-styles";
import { readZip, type ZipEntry } from "./zip";

/**
 * The streaming .xlsx reader of `kpi check` and `kpi report`: the ZIP directory is read, the
 * few parts needed (relationships, workbook, styles, shared strings, worksheets) are inflated
 * chunk by chunk and parsed by a SAX parser straight into the engine's grids. No workbook
 * model is built: memory is the grids plus one chunk, and the inflated bytes are capped
 * (LIMITS.xmlBytes) whatever the ZIP directory claims.
 *
 * It gives what ExcelJS' full read gave (xlsx-read-exceljs.ts, compared on every fixture):
 * cached results of formulas, dates as 1900-system serials, rich text as plain text, error
 * cells as their text, merged areas in their top-left cell, number formats from styles.xml.
 * It also reads what ExcelJS did not: `date1904="true"` (LibreOffice's spelling), absolute
 * part paths (openpyxl), namespace prefixes on the elements (`<x:worksheet>`), and it names
 * the formula cells that were never computed (no cached value).
 *
 * This module finds the parts and reads them in order; the package (parts, SAX streaming,
 * relationships) is xlsx-package.ts, styles xlsx-styles.ts, shared strings
 * xlsx-shared-strings.ts, a worksheet xlsx-sheet.ts, the reasons of failure xlsx-error.ts.
 */

export interface WorkbookGrids {
  readonly sheets: SheetGrid[];
  readonly uncomputed: UncomputedCell[];
  /** True when the file counts dates from 1904 (the serials in `sheets` are 1900-based anyway). */
  readonly date1904: boolean;
}

/**
 * Reads every worksheet of an .xlsx into grids (see the file comment).
 * @throws XlsxError when the file is not a workbook that can be read, or is too large.
 * @example
 *   const { sheets } = await readXlsxGrids(fs.readFileSync("piano.xlsx"));
 *   sheets[0].values[0] // ["Codice", "Indicatori testo", ...]
 */
export async function readXlsxGrids(buffer: Buffer, limits: { xmlBytes?: number } = {}): Promise<WorkbookGrids> {
  let entries: ZipEntry[];
  try {
    entries = readZip(buffer);
  } catch (e) {
    throw zipFailure(e);
  }
  const pkg = new Package(entries, { left: limits.xmlBytes ?? LIMITS.xmlBytes });
  try {
    return await readPackage(pkg);
  } catch (e) {
    throw zipFailure(e);
  }
}

/**
 * The grids only, as the reader before this one gave them.
 * @example const sheets = await readXlsx(fs.readFileSync("piano.xlsx"));
 */
export async function readXlsx(buffer: Buffer): Promise<SheetGrid[]> {
  return (await readXlsxGrids(buffer)).sheets;
}

async function readPackage(pkg: Package): Promise<WorkbookGrids> {
  // Every part the reader will inflate, by what the ZIP directory declares: a file that
  // announces more than the limit is refused before a byte is inflated.
  let workbookPart = "xl/workbook.xml";
  for (const rel of (await relationships(pkg, "")).values()) {
    if (/\/officeDocument$/.test(rel.type)) workbookPart = rel.target;
  }
  let date1904 = false;
  const sheetList: { name: string; id: string }[] = [];
  const found = await pkg.parse(workbookPart, (local, tag) => {
    if (local === "workbookPr") date1904 = xmlTrue(tag.attributes.date1904);
    else if (local === "sheet") sheetList.push({ name: tag.attributes.name ?? "", id: attr(tag, "id", true) ?? "" });
  });
  if (!found) throw new XlsxError("no_workbook");
  const rels = await relationships(pkg, workbookPart);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const sheetParts = sheetList
    .map((s) => ({ name: s.name, rel: rels.get(s.id) }))
    // Chart sheets and dialog sheets hold no cells.
    .filter((s) => s.rel !== undefined && s.rel.type.endsWith("/worksheet"))
    .map((s) => ({ name: s.name, part: (s.rel as { target: string }).target }));
  const stylesPart = byType("/styles");
  const stringsPart = byType("/sharedStrings");

  let declared = 0;
  for (const part of [stylesPart, stringsPart, ...sheetParts.map((s) => s.part)]) declared += part ? (pkg.entry(part)?.size ?? 0) : 0;
  if (declared > pkg.budget.left) throw new XlsxError("too_large");
  for (const s of sheetParts) if (!pkg.entry(s.part)) throw new XlsxError("missing_part", s.name);

  const styles = stylesPart ? await readStyles(pkg, stylesPart) : [];
  const strings = stringsPart ? await readSharedStrings(pkg, stringsPart) : [];
  const sheets: SheetGrid[] = [];
  const uncomputed: UncomputedCell[] = [];
  for (const s of sheetParts) sheets.push(await readSheet(pkg, s.name, s.part, { styles, strings, date1904, uncomputed }));
  return { sheets, uncomputed, date1904 };
}

/** An XML Schema boolean: `1` and `true` (Excel writes the first, LibreOffice the second). */
function xmlTrue(value: string | undefined): boolean {
  return value !== undefined && /^\s*(1|true)\s*$/.test(value);
}
