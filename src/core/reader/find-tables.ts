import type { CellValue, ColumnRole, KpiTable, SheetGrid } from "../types";
import { CORE_ROLES, matchHeader, mayBeHeaderCell, normaliseHeader, type HeaderMatch } from "./headers";

type SingleRole = Exclude<ColumnRole, "target" | "value">;

/** A header cell read as a column: its role, 0-based sheet column and the text as typed. */
export interface HeaderCell {
  readonly role: ColumnRole;
  readonly col: number;
  readonly text: string;
  /** The header's own year or position (`Target 2026`, `Target primo anno`): no group of a second header row. */
  readonly dated: boolean;
}

/** The header of a KPI table as read from one row (or two), with 0-based sheet columns. */
interface HeaderColumns {
  readonly roles: Partial<Record<SingleRole, number>>;
  readonly targets: Map<number | null, number>;
  readonly values: Map<number | null, number>;
  /** `Valore 2026 al 30/06`: year, then `MM-DD`, to column. */
  readonly checkpoints: Map<number, Map<string, number>>;
  /** `Target primo anno` ...: position (1 = first year) to column, read once the year is known. */
  readonly ordinalTargets: Map<number, number>;
  readonly ordinalValues: Map<number, number>;
  readonly percentTargets: Set<number>;
  /** The year of a `Baseline 2025` column. */
  baselineYear: number | null;
  /** Every recognised cell, left to right. */
  readonly cells: HeaderCell[];
  /** First and last non-blank header cell (0-based sheet columns): the table's width. */
  left: number;
  right: number;
}

/**
 * A row that reads almost like a KPI table header (two of Indicator, Algorithm, Weight,
 * Baseline, Target, Value) but lacks what a table needs: reported so that the user can see
 * which columns were found and which are missing, instead of a silent "no table".
 */
export interface HeaderNearMiss {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  readonly found: readonly HeaderCell[];
  /** `["indicator"]`, or `["weight", "target"]` when neither is there (one of them is needed). */
  readonly missing: readonly ColumnRole[];
}

/** True for a cell that holds nothing a user typed (blank, or spaces only). */
export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Every cell of every table passes here: a visible ASCII first character settles it
  // without trimming (spaces are ASCII 32 and below, or beyond ASCII like the NBSP).
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === "";
}

/** Every recognised header cell of a row, or `null` when there is none. */
function scanHeaderRow(row: readonly CellValue[], colOffset: number): HeaderColumns | null {
  // Every data row is read here too (a repeated header starts a new table), and almost none
  // has a header cell: the maps are made at the first match only.
  let found: HeaderColumns | null = null;
  let left = -1;
  let right = -1;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    if (left < 0) left = c;
    right = c;
    const match = matchHeader(cell);
    if (!match) continue;
    found ??= {
      roles: {},
      targets: new Map(),
      values: new Map(),
      checkpoints: new Map(),
      ordinalTargets: new Map(),
      ordinalValues: new Map(),
      percentTargets: new Set(),
      baselineYear: null,
      cells: [],
      left: 0,
      right: 0,
    };
    addHeaderCell(found, match, c + colOffset, String(cell).trim());
  }
  if (found === null) return null;
  found.left = left + colOffset;
  found.right = right + colOffset;
  objectiveAsIndicator(found);
  return found;
}

/**
 * A list of objectives (`N. | Obiettivo | Peso`) has no indicator column: there the
 * objective's column is the text of each row, and another code column, if any, the code.
 */
function objectiveAsIndicator(h: HeaderColumns): void {
  if (h.roles.indicator !== undefined) return;
  const objective = h.cells.find((c) => c.role === "code" && normaliseHeader(c.text).startsWith("obiettiv"));
  if (!objective) return;
  h.roles.indicator = objective.col;
  h.roles.code = h.cells.find((c) => c.role === "code" && c.col !== objective.col)?.col;
}

/** Notes one recognised cell; when a role appears twice the first (leftmost) column wins. */
function addHeaderCell(found: HeaderColumns, match: HeaderMatch, col: number, text: string): void {
  found.cells.push({ role: match.role, col, text, dated: match.year !== null || match.ordinal !== undefined });
  if (match.date !== undefined && match.year !== null) {
    let dates = found.checkpoints.get(match.year);
    if (!dates) found.checkpoints.set(match.year, (dates = new Map()));
    if (!dates.has(match.date)) dates.set(match.date, col);
  } else if (match.role === "target" || match.role === "value") {
    const target = match.role === "target";
    if (match.ordinal !== undefined) {
      const ordinals = target ? found.ordinalTargets : found.ordinalValues;
      if (!ordinals.has(match.ordinal)) ordinals.set(match.ordinal, col);
    } else {
      const byYear = target ? found.targets : found.values;
      if (!byYear.has(match.year)) byYear.set(match.year, col);
    }
    if (target && match.percent) found.percentTargets.add(col);
  } else if (found.roles[match.role] === undefined) {
    found.roles[match.role] = col;
    if (match.role === "baseline") found.baselineYear = match.year;
  }
}

/** A header needs an indicator column and a weight or a target column (either may be missing, not both). */
function isKpiHeader(h: HeaderColumns): boolean {
  return h.roles.indicator !== undefined && (h.roles.weight !== undefined || h.targets.size > 0 || h.ordinalTargets.size > 0);
}

/**
 * Reads one row as a KPI table header, or `null` when it is not one. A header needs an
 * indicator column and a weight or a target column; when a role appears twice the first
 * (leftmost) column wins, because that is the one a reader of the sheet sees first.
 */
export function readHeaderRow(row: readonly CellValue[], colOffset = 0): HeaderColumns | null {
  const found = scanHeaderRow(row, colOffset);
  return found !== null && isKpiHeader(found) ? found : null;
}

/** A year as a second header row writes it: `2026` (number or text) or `Anno 2026`. */
function yearOfCell(cell: CellValue | undefined): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1900 && cell <= 2099 ? cell : null;
  if (typeof cell !== "string" || cell.length > 24) return null;
  const m = /^(?:anno |year )?((?:19|20)\d{2})$/.exec(normaliseHeader(cell));
  return m ? Number(m[1]) : null;
}

/**
 * A second header row of years under `Target` and `Risultato` (`Target` merged, or written
 * once, over `2026 | 2027 | 2028`): gives each year column its role and returns the last
 * column used, or `null` when the row is not such a row (then it is the table's first data row).
 */
function readYearRow(h: HeaderColumns, row: readonly CellValue[], colOffset: number): number | null {
  const years: { col: number; year: number }[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    const year = yearOfCell(cell);
    // Anything but a year or another header word makes it a data row.
    if (year === null) {
      if (matchHeader(cell) === null) return null;
      continue;
    }
    years.push({ col: c + colOffset, year });
  }
  if (years.length === 0) return null;
  // Each year belongs to the nearest target or value cell at or left of it in the row above.
  const groups = h.cells.filter((cell) => cell.role === "target" || cell.role === "value").sort((a, b) => a.col - b.col);
  let used = false;
  let last = h.right;
  for (const { col, year } of years) {
    let group: HeaderCell | undefined;
    for (const g of groups) if (g.col <= col) group = g;
    // A year under a column that already names its own year ("Target 2026") is not a group's.
    if (!group || group.dated) continue;
    const target = group.role === "target";
    const byYear = target ? h.targets : h.values;
    // The group word's own column now holds a year: it is no longer a column for every year.
    if (byYear.get(null) === group.col) byYear.delete(null);
    if (!byYear.has(year)) byYear.set(year, col);
    if (target && h.percentTargets.has(group.col)) h.percentTargets.add(col);
    used = true;
    last = Math.max(last, col);
  }
  return used ? last : null;
}

/**
 * The first plan year, for headers that name years by position (`Target primo anno`): the
 * year after a `Baseline 2025` column, else the earliest year another column names, else the
 * first year of a title above the table (`PIAO 2026-2028`), else `null`.
 */
function firstYearOf(h: HeaderColumns, rows: readonly (readonly CellValue[])[], headerRow: number): number | null {
  if (h.baselineYear !== null) return h.baselineYear + 1;
  const named = [...h.targets.keys(), ...h.values.keys()].filter((y): y is number => y !== null);
  if (named.length > 0) return Math.min(...named);
  for (let r = headerRow - 1; r >= 0 && r >= headerRow - 10; r--) {
    // A title is a row of one text: a year in a data row above ("entro il 31/12/2025") is not one.
    const filled = (rows[r] ?? []).filter((cell) => !isBlankCell(cell));
    if (filled.length !== 1 || typeof filled[0] !== "string") continue;
    const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(filled[0]);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Every KPI table on a sheet, top to bottom. A table starts at a header row (see
 * `readHeaderRow`), with a second row of years below it when it has one, and ends at the
 * first row that is blank across the header's width, or just before the next header row
 * (a repeated header starts a new table). A header with no data below it still counts as
 * an (empty) table: the user meant one there. Rows that read almost like a header are added
 * to `nearMisses` when given.
 * @example
 *   findKpiTables({ name: "A", values: [["Indicatore", "Peso", "Target"], ["Visite", 100, ">= 10"]] })
 *   // [{ sheet: "A", headerRow: 0, firstRow: 1, lastRow: 1, columns: { indicator: 0, weight: 1, ... } }]
 */
export function findKpiTables(sheet: SheetGrid, nearMisses?: HeaderNearMiss[]): KpiTable[] {
  const rowOffset = sheet.origin?.row ?? 0;
  const colOffset = sheet.origin?.col ?? 0;
  const rows = sheet.values;
  const tables: KpiTable[] = [];
  let r = 0;
  while (r < rows.length) {
    const scanned = scanHeaderRow(rows[r] ?? [], colOffset);
    if (scanned === null || !isKpiHeader(scanned)) {
      if (scanned !== null && nearMisses) noteNearMiss(scanned, sheet.name, r + rowOffset, nearMisses);
      r++;
      continue;
    }
    const header = scanned;
    const headerRow = r;
    const yearRowRight = r + 1 < rows.length ? readYearRow(header, rows[r + 1] ?? [], colOffset) : null;
    const headerRows = yearRowRight === null ? 1 : 2;
    const right = Math.max(header.right, yearRowRight ?? header.right);
    let end = r + headerRows; // first grid row after the data
    while (end < rows.length) {
      const row = rows[end] ?? [];
      if (isBlankSpan(row, header.left - colOffset, right - colOffset)) break;
      if (mayBeHeaderRow(row) && readHeaderRow(row, colOffset)) break;
      end++;
    }
    const ordinalYearsUnknown = placeOrdinals(header, firstYearOf(header, rows, headerRow));
    const { roles } = header;
    tables.push({
      sheet: sheet.name,
      headerRow: headerRow + rowOffset,
      firstRow: headerRow + headerRows + rowOffset,
      lastRow: end - 1 + rowOffset,
      columns: {
        code: roles.code,
        indicator: roles.indicator as number,
        algorithm: roles.algorithm,
        weight: roles.weight,
        baseline: roles.baseline,
        targets: header.targets,
        values: header.values,
        ...(header.checkpoints.size > 0 ? { checkpoints: header.checkpoints } : {}),
        source: roles.source,
        notes: roles.notes,
        unit: roles.unit,
        responsible: roles.responsible,
        achieved: roles.achieved,
        reason: roles.reason,
        percentTargets: header.percentTargets,
      },
      ...(ordinalYearsUnknown ? { ordinalYearsUnknown } : {}),
    });
    // A blank row is consumed; a header row is read again as the next table's start.
    r = end;
  }
  return tables;
}

/**
 * Gives `Target primo anno` ... their years from the first year. Without a first year the
 * first position's columns count for every year (and `true` is returned to say so).
 */
function placeOrdinals(h: HeaderColumns, firstYear: number | null): boolean {
  if (h.ordinalTargets.size === 0 && h.ordinalValues.size === 0) return false;
  for (const [ordinals, byYear] of [
    [h.ordinalTargets, h.targets],
    [h.ordinalValues, h.values],
  ] as const) {
    for (const [position, col] of ordinals) {
      const key = firstYear === null ? (position === 1 ? null : undefined) : firstYear + position - 1;
      if (key !== undefined && !byYear.has(key)) byYear.set(key, col);
    }
  }
  return firstYear === null;
}

/** Adds a near miss when the row has two core roles but is not a KPI header. */
function noteNearMiss(h: HeaderColumns, sheet: string, row: number, out: HeaderNearMiss[]): void {
  const roles = new Set(h.cells.map((c) => c.role));
  let core = 0;
  for (const role of CORE_ROLES) if (roles.has(role)) core++;
  if (core < 2) return;
  const missing: ColumnRole[] = [];
  if (!roles.has("indicator")) missing.push("indicator");
  if (!roles.has("weight") && !roles.has("target")) missing.push("weight", "target");
  out.push({ sheet, row, found: h.cells, missing });
}

/**
 * False for a row that cannot be a header: one needs an indicator and a weight or target
 * cell, so at least two cells that could begin a header. Data rows, read here one by one
 * to find where a table ends, rarely have two and need no closer look.
 */
function mayBeHeaderRow(row: readonly CellValue[]): boolean {
  let candidates = 0;
  for (let c = 0; c < row.length; c++) {
    if (mayBeHeaderCell(row[c]) && ++candidates >= 2) return true;
  }
  return false;
}

/** True when every cell from `left` to `right` (grid columns) is blank. */
function isBlankSpan(row: readonly CellValue[], left: number, right: number): boolean {
  for (let c = left; c <= right && c < row.length; c++) {
    if (!isBlankCell(row[c])) return false;
  }
  return true;
}
