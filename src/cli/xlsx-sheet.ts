import { a1, type CellValue, type SheetGrid } from "../core";
import { LIMITS } from "./limits";
import { XlsxError } from "./xlsx-error";
import type { Package } from "./xlsx-package";
import type { CellStyle } from "./xlsx-styles";

/**
 * One worksheet part streamed into a grid: the SAX events of rows and cells, each cell typed
 * as ExcelJS typed it (shared and inline strings, booleans, errors, dates as 1900-system
 * serials), merged areas kept in their top-left cell, and the grid cut to the used area.
 */

/** A cell holding a formula whose result was never computed (no cached value in the file). */
export interface UncomputedCell {
  readonly sheet: string;
  /** A1 address on the sheet. */
  readonly cell: string;
}

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1900-01-00 to 1904-01-01: what a 1904-system serial lacks. */
const DAYS_1904 = 1_462;

export interface SheetContext {
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

/** A 1900- or 1904-system serial as the 1900-system serial ExcelJS gave (rounded to the millisecond). */
function dateSerial(v: number, date1904: boolean): number | null {
  const ms = Math.round((v - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * DAY_MS);
  return Number.isFinite(ms) ? ms / DAY_MS + UNIX_EPOCH_SERIAL : null;
}

/** One worksheet, streamed into a grid that starts at its first used row and column. */
export async function readSheet(pkg: Package, name: string, part: string, ctx: SheetContext): Promise<SheetGrid> {
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
