// A table's rows: which rows are KPIs (not labels, not totals), and a row's texts as the
// report shows them. Cells are read through ../grid.ts, whatever the grid's origin.
import { a1 } from "../a1";
import { problem } from "../problem";
import { isBlankCell, type SheetCells } from "../grid";
import { normaliseHeader } from "../reader/headers";
import type { CellValue, KpiTable } from "../types";
import { isOutsideSumMark } from "../weights";
import type { Problems } from "./problems";
import { textCache } from "./text-cache";

/** A table found on a sheet, with what every one of its rows needs worked out once. */
export interface TableRead {
  readonly table: KpiTable;
  readonly cells: SheetCells;
  /** The target and value columns, in the header's order. */
  readonly targetColumns: readonly number[];
  readonly valueColumns: readonly number[];
  /** Position of the table's sheet in the workbook: the first key of the problems' order. */
  readonly sheetOrder: number;
  /** The 0-based sheet rows that are KPIs (`findKpiRows`), in order. */
  readonly kpiRows: number[];
  /**
   * False when the table's weights are not checked: it has no weight column, or no row has a
   * weight (blank, `-` or `X` in every row). Set by `findKpiRows`.
   */
  weightsChecked: boolean;
}


/**
 * A found table with its target and value columns listed once; its KPI rows are filled in by `findKpiRows`.
 * @example tableRead(table, new SheetCells(grid), 0).kpiRows // [] until findKpiRows fills it
 */
export function tableRead(table: KpiTable, cells: SheetCells, sheetOrder: number): TableRead {
  return {
    table,
    cells,
    targetColumns: [...table.columns.targets.values()],
    valueColumns: [...table.columns.values.values(), ...[...(table.columns.checkpoints?.values() ?? [])].flatMap((dates) => [...dates.values()])],
    sheetOrder,
    kpiRows: [],
    weightsChecked: false,
  };
}

const TOTAL_WORDS = /^(totale|totali|total|totals|somma|sum)\b/;

/**
 * Notes the KPI rows of a table in `kpiRows`: label rows (nothing but a code) and total rows
 * are skipped. Adds every year a target text names to `targetTextYears` on the way.
 * @example findKpiRows(read, problems, years); read.kpiRows // [4, 5, 7]: the label and "Totale" rows left out
 */
export function findKpiRows(t: TableRead, problems: Problems, targetTextYears: Set<number>): void {
  const { table, cells } = t;
  const { columns } = table;
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const indicatorCell = cells.value(r, columns.indicator);
    const weightCell = cells.value(r, columns.weight);
    let noTargets = true;
    for (let c = 0; c < t.targetColumns.length; c++) {
      const cell = cells.value(r, t.targetColumns[c]);
      if (isBlankCell(cell)) continue;
      noTargets = false;
      // Only a text can name years ("Anno: 2021 ..."); a number is a target for any year.
      if (typeof cell === "string") {
        const { years } = textCache.target(cell);
        for (let y = 0; y < years.length; y++) targetTextYears.add(years[y]);
      }
    }
    let noValues = true;
    for (let c = 0; c < t.valueColumns.length; c++) {
      if (!isBlankCell(cells.value(r, t.valueColumns[c]))) {
        noValues = false;
        break;
      }
    }

    // A row with nothing to check (a section label) is not a KPI.
    if (isBlankCell(indicatorCell) && isBlankCell(weightCell) && noTargets && noValues) continue;
    // "Totale | 100": a sum row; counting it would double the group's weight.
    if (noTargets && TOTAL_WORDS.test(normaliseHeader(textOf(indicatorCell) || textOf(cells.value(r, columns.code))))) continue;

    if (isBlankCell(indicatorCell)) {
      problems.add(problem("warning", "INDICATOR_BLANK", {}, { sheet: table.sheet, cell: a1(r, columns.indicator) }), t.sheetOrder, r, columns.indicator);
    }
    t.kpiRows.push(r);
    if (!t.weightsChecked && !isBlankCell(weightCell) && !isOutsideSumMark(weightCell)) t.weightsChecked = true;
  }
}

/**
 * A cell as trimmed text, "" for an empty cell.
 * @example textOf("  Visite ") // "Visite"; textOf(null) // ""
 */
export function textOf(cell: CellValue): string {
  if (cell === null) return "";
  return String(cell).trim();
}

/** A run of spaces longer than one, or a tab, line break or other space that is not " ". */
const UNTIDY_SPACE = /[^\S ]|\s\s/;

/**
 * The indicator on one line: runs of spaces, tabs and line breaks (texts pasted from PDFs)
 * become one space. Most texts are tidy already and are kept as they are, not copied.
 * @example indicatorText("Visite\n  effettuate") // "Visite effettuate"
 */
export function indicatorText(cell: CellValue): string {
  const text = textOf(cell);
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, " ") : text;
}
