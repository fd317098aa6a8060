import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellValue, SheetGrid } from "../core";
import { LIMITS } from "./limits";
import { readZip, ZipError, type ZipEntry } from "./zip";
import { entryChunks } from "./zip-stream";

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
 */

/** Why a workbook could not be read; the CLI words each reason in Italian and English. */
export type XlsxReason =
  | "no_workbook"
  | "missing_part"
  | "bad_xml"
  | "too_large"
  | "too_many_rows"
  | "zip_corrupt"
  | "zip_truncated"
  | "zip_unsupported";

export class XlsxError extends Error {
  constructor(
    readonly reason: XlsxReason,
    /** The part or sheet concerned, when there is one. */
    readonly part = "",
  ) {
    super(`${reason}${part ? ` (${part})` : ""}`);
    this.name = "XlsxError";
  }
}

/** A cell holding a formula whose result was never computed (no cached value in the file). */
export interface UncomputedCell {
  readonly sheet: string;
  /** A1 address on the sheet. */
  readonly cell: string;
}

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

function zipFailure(e: unknown): unknown {
  if (e instanceof ZipError) {
    if (e.reason === "too_large") return new XlsxError("too_large");
    if (e.reason === "truncated") return new XlsxError("zip_truncated");
    if (e.reason === "unsupported") return new XlsxError("zip_unsupported");
    return new XlsxError("zip_corrupt");
  }
  return e;
}

// ------------------------------------------------------------------ the package

/** The archive's parts by name (case-insensitive, as OPC part names are), read under one budget. */
class Package {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(
    entries: readonly ZipEntry[],
    readonly budget: { left: number },
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\/+/, "").toLowerCase(), e);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  /** Streams a part through a SAX parser; false when the part is not in the archive. */
  async parse(name: string, onOpen: (local: string, tag: SaxesTagPlain) => void, onClose?: (local: string) => void, onText?: (text: string) => void): Promise<boolean> {
    const entry = this.entry(name);
    if (!entry) return false;
    const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
    parser.on("opentag", (tag) => onOpen(localName(tag.name), tag));
    if (onClose) parser.on("closetag", (tag) => onClose(localName(tag.name)));
    if (onText) {
      parser.on("text", onText);
      parser.on("cdata", onText);
    }
    let failed = false;
    parser.on("error", () => {
      failed = true;
    });
    // TextDecoder in stream mode: a character split between two chunks is decoded whole.
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of entryChunks(entry, this.budget)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failed) throw new XlsxError("bad_xml", name);
    }
    parser.write(decoder.decode());
    parser.close();
    if (failed) throw new XlsxError("bad_xml", name);
    return true;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (`r:id`, `ns1:id` and `id` alike when `prefixed` is false). */
function attr(tag: SaxesTagPlain, local: string, prefixedOnly = false): string | undefined {
  const direct = tag.attributes[local];
  if (direct !== undefined && !prefixedOnly) return direct;
  for (const key in tag.attributes) {
    const colon = key.indexOf(":");
    if (colon >= 0 && key.slice(colon + 1) === local && key.slice(0, colon) !== "xmlns") return tag.attributes[key];
  }
  return undefined;
}

/** A relationship target resolved against the folder of the part that names it; absolute targets as they are. */
export function resolvePart(fromPart: string, target: string): string {
  const base = target.startsWith("/") ? "" : fromPart.slice(0, fromPart.lastIndexOf("/") + 1);
  const parts: string[] = [];
  for (const seg of (base + target).split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function relationships(pkg: Package, part: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  await pkg.parse(relsOf(part), (local, tag) => {
    if (local !== "Relationship" || tag.attributes.TargetMode === "External") return;
    rels.set(tag.attributes.Id ?? "", { type: tag.attributes.Type ?? "", target: resolvePart(part, tag.attributes.Target ?? "") });
  });
  return rels;
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

// ------------------------------------------------------------------ styles and strings

/** The built-in number formats ExcelJS knows (ECMA-376 18.8.30), by id. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

interface CellStyle {
  readonly format: string | null;
  readonly isDate: boolean;
}

/** Whether a number format shows a date or time: letters of dates outside quotes and brackets. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The number format of each cell style (`s` attribute of a cell), from styles.xml. */
async function readStyles(pkg: Package, part: string): Promise<CellStyle[]> {
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

/** The shared strings, rich text joined, phonetic runs left out. */
async function readSharedStrings(pkg: Package, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inT = false;
  let inPhonetic = 0;
  await pkg.parse(
    part,
    (local, tag) => {
      if (local === "si") current = "";
      else if (local === "t") inT = !tag.isSelfClosing;
      else if (local === "rPh") inPhonetic += tag.isSelfClosing ? 0 : 1;
    },
    (local) => {
      if (local === "t") inT = false;
      else if (local === "rPh") inPhonetic--;
      else if (local === "si") strings.push(current);
    },
    (text) => {
      if (inT && inPhonetic === 0) current += text;
    },
  );
  return strings;
}

// ------------------------------------------------------------------ worksheets

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1900-01-00 to 1904-01-01: what a 1904-system serial lacks. */
const DAYS_1904 = 1_462;

interface SheetContext {
  readonly styles: readonly CellStyle[];
  readonly strings: readonly string[];
  readonly date1904: boolean;
  readonly uncomputed: UncomputedCell[];
}

/** "AB12" -> {row: 11, col: 27} (also "$AB$12"); null when it is not a cell reference. One pass, no substrings: it runs once per cell. */
function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let row = 0;
  let i = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const colStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === colStart) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const rowStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

function a1(row: number, col: number): string {
  let letters = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A 1900- or 1904-system serial as the 1900-system serial ExcelJS gave (rounded to the millisecond). */
function dateSerial(v: number, date1904: boolean): number | null {
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * DAY_MS);
  return Number.isFinite(ms) ? ms / DAY_MS + UNIX_EPOCH_SERIAL : null;
}

/** One worksheet, streamed into a grid that starts at its first used row and column. */
async function readSheet(pkg: Package, name: string, part: string, ctx: SheetContext): Promise<SheetGrid> {
  // Rows by their sheet index; a row's array by column. Sparse until the end.
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: string[] = [];
  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read.
  let cellRow = 0;
  let cellCol = 0;
  let type = "n";
  let style = -1;
  let vText: string | null = null;
  let isText: string | null = null;
  let hasFormula = false;
  let inV = false;
  let inIs = false;
  let inT = false;
  let inPhonetic = 0;

  const endCell = () => {
    let value: CellValue = null;
    const present = vText !== null || isText !== null || hasFormula;
    if (!present) return;
    const st = style >= 0 ? ctx.styles[style] : undefined;
    if (type === "inlineStr") value = isText ?? vText;
    else if (vText !== null) {
      switch (type) {
        case "s":
          value = ctx.strings[Number(vText)] ?? null;
          break;
        case "str":
          // A formula whose result is "" shows a blank cell (Excel and ExcelJS write `<v></v>`).
          value = vText === "" ? null : vText;
          break;
        case "b":
          value = vText.trim() === "1" || vText.trim() === "true";
          break;
        case "e":
          value = vText;
          break;
        case "d": {
          const t = Date.parse(vText);
          value = Number.isNaN(t) ? null : t / DAY_MS + UNIX_EPOCH_SERIAL;
          break;
        }
        default: {
          const n = parseFloat(vText);
          value = !Number.isFinite(n) ? null : st?.isDate ? dateSerial(n, ctx.date1904) : n;
        }
      }
    } else if (hasFormula) {
      ctx.uncomputed.push({ sheet: name, cell: a1(cellRow, cellCol) });
    }
    const format = st?.format ?? null;
    if (value === null && format === null) return;
    (values[cellRow] ??= [])[cellCol] = value;
    if (format !== null) (formats[cellRow] ??= [])[cellCol] = format;
  };

  await pkg.parse(
    part,
    (local, tag) => {
      switch (local) {
        case "row": {
          const r = tag.attributes.r;
          rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
          if (!Number.isInteger(rowIndex) || rowIndex < 0) throw new XlsxError("bad_xml", name);
          if (rowIndex >= LIMITS.rows) throw new XlsxError("too_many_rows", name);
          colIndex = -1;
          break;
        }
        case "c": {
          const ref = tag.attributes.r;
          const at = ref !== undefined ? parseRef(ref) : null;
          if (at) {
            cellRow = at.row;
            cellCol = at.col;
          } else {
            cellRow = Math.max(rowIndex, 0);
            cellCol = colIndex + 1;
          }
          if (cellRow >= LIMITS.rows || cellCol >= LIMITS.columns) throw new XlsxError("too_many_rows", name);
          colIndex = cellCol;
          type = tag.attributes.t ?? "n";
          style = tag.attributes.s !== undefined ? Number(tag.attributes.s) : -1;
          vText = null;
          isText = null;
          hasFormula = false;
          inPhonetic = 0;
          if (tag.isSelfClosing) endCell();
          break;
        }
        case "v":
          inV = true;
          vText ??= "";
          break;
        case "f":
          hasFormula = true;
          break;
        case "is":
          inIs = true;
          isText ??= "";
          break;
        case "t":
          inT = inIs && !tag.isSelfClosing;
          break;
        case "rPh":
          if (!tag.isSelfClosing) inPhonetic++;
          break;
        case "mergeCell":
          if (tag.attributes.ref) merges.push(tag.attributes.ref);
          break;
      }
    },
    (local) => {
      switch (local) {
        case "c":
          endCell();
          break;
        case "v":
          inV = false;
          break;
        case "is":
          inIs = false;
          break;
        case "t":
          inT = false;
          break;
        case "rPh":
          inPhonetic--;
          break;
      }
    },
    (text) => {
      if (inV) vText += text;
      else if (inT && inPhonetic === 0) isText += text;
    },
  );
  applyMerges(values, formats, merges);
  return toGrid(name, values, formats);
}

/** Only the top-left cell of a merged area keeps its value (as Office.js and ExcelJS give it). */
function applyMerges(values: CellValue[][], formats: (string | null)[][], merges: readonly string[]): void {
  for (const ref of merges) {
    const [from, to] = ref.split(":");
    const a = parseRef(from ?? "");
    const b = parseRef(to ?? from ?? "");
    if (!a || !b) continue;
    const last = Math.min(b.row, values.length - 1);
    for (let r = a.row; r <= last; r++) {
      const row = values[r];
      if (!row) continue;
      for (let c = a.col; c <= Math.min(b.col, row.length - 1); c++) {
        if (r === a.row && c === a.col) continue;
        delete row[c];
        if (formats[r]) delete formats[r][c];
      }
    }
  }
}

/** The sparse rows as a grid from the first used row and column; holes become null. */
function toGrid(name: string, values: CellValue[][], formats: (string | null)[][]): SheetGrid {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  values.forEach((row, r) => {
    let used = false;
    row.forEach((_, c) => {
      used = true;
      if (c < minCol) minCol = c;
    });
    if (used) {
      if (r < minRow) minRow = r;
      maxRow = r;
    }
  });
  if (maxRow < 0) return { name, values: [], formats: [], origin: { row: 0, col: 0 } };
  const outValues: CellValue[][] = [];
  const outFormats: (string | null)[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const row = values[r];
    const fmt = formats[r];
    let last = -1;
    row?.forEach((_, c) => {
      last = c;
    });
    const width = last < 0 ? 0 : last - minCol + 1;
    const vs: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) vs[c] = row[c + minCol] ?? null;
    outValues.push(vs);
    // Formats only for rows that have any: the engine reads them as optional.
    if (fmt) {
      const fs: (string | null)[] = new Array(width);
      for (let c = 0; c < width; c++) fs[c] = fmt[c + minCol] ?? null;
      outFormats[r - minRow] = fs;
    }
    values[r] = undefined as unknown as CellValue[];
  }
  return { name, values: outValues, formats: outFormats, origin: { row: minRow, col: minCol } };
}
