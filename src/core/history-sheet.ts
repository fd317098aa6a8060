import { parseA1 } from "./a1";
import { isBlankCell, SheetCells } from "./grid";
import type { CellValue, SheetGrid } from "./types";

/**
 * The `Storico` sheet itself: its name and header (which is also its marker, see history.ts),
 * its rows as frozen values and back, and which freeze of each period counts. Both adapters
 * write it (the pane through Office.js, the CLI at the XML level) and read it through here.
 */

/** The name of the history sheet (the same in every language: both adapters look for it). */
export const HISTORY_SHEET = "Storico";

/** The header row, which is also the sheet's marker (see the module comment). */
export const HISTORY_HEADER: readonly string[] = [
  "Foglio / Sheet",
  "Cella / Cell",
  "Codice / Code",
  "Indicatore / Indicator",
  "Periodo / Period",
  "Valore / Value",
  "Congelato il / Frozen at",
];

/** One frozen value: a row of the `Storico` sheet. */
export interface FrozenValue {
  readonly sheet: string;
  /** A1 address of the value cell, e.g. `H5`. */
  readonly cell: string;
  readonly code: string | null;
  readonly indicator: string;
  /** `2026` (year end) or `2026-06-30` (a monitoring date). */
  readonly period: string;
  /** The cell's value as stored (a number, a text as typed, a boolean, or `null` when blank). */
  readonly value: CellValue;
  /** Local date and time of the freeze, `yyyy-mm-dd hh:mm:ss` (sorts as text). */
  readonly frozenAt: string;
}

/**
 * The rows a freeze adds to the `Storico` sheet (without the header: see `HISTORY_HEADER`).
 * @example historyRows([{ sheet: "A", cell: "H2", code: "A.1", indicator: "Visite", period: "2026", value: 12, frozenAt: "2026-06-30 09:05:07" }])
 *   // [["A", "H2", "A.1", "Visite", "2026", 12, "2026-06-30 09:05:07"]]
 */
export function historyRows(values: readonly FrozenValue[]): CellValue[][] {
  return values.map((v) => [v.sheet, v.cell, v.code ?? "", v.indicator, v.period, v.value, v.frozenAt]);
}

/** The history sheet of a workbook (by name, case-insensitively), or `null`. */
export function findHistorySheet(grids: readonly SheetGrid[]): SheetGrid | null {
  const name = HISTORY_SHEET.toLowerCase();
  return grids.find((g) => g.name.toLowerCase() === name) ?? null;
}

/** A cell as trimmed text (`""` for a blank one), as the sheet's columns are compared. */
export const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/** The 0-based grid row of the header, when the grid is a history sheet of ours; else -1. */
function headerRowOf(grid: SheetGrid): number {
  const rows = grid.values;
  let r = 0;
  while (r < rows.length && (rows[r] ?? []).every((c) => isBlankCell(c))) r++;
  if (r >= rows.length || new SheetCells(grid).colOffset !== 0) return -1;
  const row = rows[r];
  for (let c = 0; c < HISTORY_HEADER.length; c++) {
    if (text(row[c]).toLowerCase() !== HISTORY_HEADER[c].toLowerCase()) return -1;
  }
  for (let c = HISTORY_HEADER.length; c < row.length; c++) if (!isBlankCell(row[c])) return -1;
  return r;
}

/** What a `Storico` sheet holds. */
export interface HistoryRead {
  /** True when the sheet was written by the add-in (its first row is the header). */
  readonly ours: boolean;
  /** Its frozen values, in the sheet's order (none when it is not ours). */
  readonly values: readonly FrozenValue[];
  /** 0-based sheet row after the last non-blank row: where the next freeze is appended. */
  readonly nextRow: number;
}

/**
 * Reads a history sheet. A sheet that is empty counts as not ours too: the add-in always
 * writes the header.
 * @example readHistory({ name: "Storico", values: [HISTORY_HEADER, ["A", "H2", "A.1", "Visite", "2026", 12, "2026-06-30 09:05:07"]] }).values.length // 1
 */
export function readHistory(grid: SheetGrid): HistoryRead {
  const origin = new SheetCells(grid).rowOffset;
  let last = -1;
  grid.values.forEach((row, r) => {
    if ((row ?? []).some((c) => !isBlankCell(c))) last = r;
  });
  const nextRow = origin + last + 1;
  const header = headerRowOf(grid);
  if (header < 0) return { ours: false, values: [], nextRow };
  const values: FrozenValue[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const sheet = text(row[0]);
    const cell = text(row[1]).toUpperCase();
    if (sheet === "" || parseA1(cell) === null) continue;
    const raw = row[5] ?? null;
    values.push({
      sheet,
      cell,
      code: text(row[2]) || null,
      indicator: text(row[3]),
      period: text(row[4]),
      value: isBlankCell(raw) ? null : raw,
      frozenAt: text(row[6]),
    });
  }
  return { ours: true, values, nextRow };
}

/**
 * The frozen values that count: for each period only its latest freeze (a later freeze of a
 * period supersedes the earlier one; equal times: the rows further down win), and for each
 * cell only its latest entry.
 * @example latestFreezes(values).length // one per cell
 */
export function latestFreezes(values: readonly FrozenValue[]): FrozenValue[] {
  const latest = new Map<string, string>();
  for (const v of values) {
    const seen = latest.get(v.period);
    if (seen === undefined || v.frozenAt > seen) latest.set(v.period, v.frozenAt);
  }
  const byCell = new Map<string, FrozenValue>();
  for (const v of values) {
    if (v.frozenAt !== latest.get(v.period)) continue;
    const key = `${v.sheet.toLowerCase()}\u0000${v.cell}`;
    const seen = byCell.get(key);
    if (seen === undefined || v.frozenAt >= seen.frozenAt) byCell.set(key, v);
  }
  return [...byCell.values()];
}

/** True for the workbook's history sheet of ours (left out of the KPI checks). */
export function isHistorySheet(grid: SheetGrid): boolean {
  return grid.name.toLowerCase() === HISTORY_SHEET.toLowerCase() && headerRowOf(grid) >= 0;
}
