import { isBlankCell } from "../grid";
import type { CellValue, ColumnRole } from "../types";
import { matchHeader, mayBeHeaderCell, normaliseHeader, type HeaderMatch } from "./headers";

/**
 * One row (or two, with a row of years below) read as the header of a KPI table: which
 * column holds which role, the target and value columns by year, and whether the row is a
 * header at all. headers.ts reads one cell's words; find-tables.ts finds the tables.
 */

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
export interface HeaderColumns {
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

/** Every recognised header cell of a row, or `null` when there is none. */
export function scanHeaderRow(row: readonly CellValue[], colOffset: number): HeaderColumns | null {
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
export function isKpiHeader(h: HeaderColumns): boolean {
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
export function readYearRow(h: HeaderColumns, row: readonly CellValue[], colOffset: number): number | null {
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
 * False for a row that cannot be a header: one needs an indicator and a weight or target
 * cell, so at least two cells that could begin a header. Data rows, read here one by one
 * to find where a table ends, rarely have two and need no closer look.
 */
export function mayBeHeaderRow(row: readonly CellValue[]): boolean {
  let candidates = 0;
  for (let c = 0; c < row.length; c++) {
    if (mayBeHeaderCell(row[c]) && ++candidates >= 2) return true;
  }
  return false;
}
