// Weight groups: KPI rows grouped by owner, their weights summed and checked against 100 (or 1).
import { a1, rangeA1 } from "../a1";
import { roundHalfUp } from "../achievement";
import { isKpiError, type KpiError, type Result } from "../errors";
import type { KpiResult, WeightGroup } from "../types";
import { errorProblem, problem } from "../problem";
import { judgeWeightSum, weightsSumRef } from "../weights";
import type { Problems } from "./problems";
import type { TableRead } from "./rows";

/** One weight group as its rows are added. */
interface Group {
  /** Position in the list of groups. */
  readonly index: number;
  /** The table of the group's first row: its weight column is the group's. */
  readonly table: TableRead;
  readonly owner: string | null;
  /** Rows added so far. */
  size: number;
  /** The sum of the readable weights, in row order. */
  sum: number;
  /** The rows whose weight is blank, negative or not a number (rare: made when needed). */
  bad: { readonly row: number; readonly error: KpiError }[] | null;
}

/**
 * Weight groups: by Codice on the same sheet; a table without a Codice column (or its rows
 * before the first code) is one group. Groups are listed in the order of their first row.
 */
export class WeightGroups {
  private readonly groups: Group[] = [];
  /** Per sheet name: groups by code, and code-less groups by their table's header row. */
  private readonly bySheet = new Map<string, { byCode: Map<string, Group>; byTable: Map<number, Group> }>();
  private last: Group | null = null;
  /**
   * The group (index) of every row added, in order, -1 for a row of a table whose weights
   * are not checked (`skip`): position i is the i-th KPI result. Each group's list of rows is
   * made from these at the end, at its final length: arrays grown row by row would keep
   * spare room in each of tens of thousands of small lists that the report holds on to.
   */
  private readonly memberGroups: number[];
  private added = 0;

  constructor(rows: number) {
    this.memberGroups = new Array<number>(rows);
  }

  /**
   * Adds a KPI row (0-based sheet row), one of the `rows` announced, with its owner (`null`
   * when not by code) and its weight (`null` for a prerequisite, outside the sum).
   */
  add(t: TableRead, owner: string | null, row: number, weight: Result<number> | null): void {
    const group = this.groupOf(t, owner);
    group.size++;
    this.memberGroups[this.added++] = group.index;
    if (weight === null) return;
    if (isKpiError(weight)) (group.bad ??= []).push({ row, error: weight });
    else group.sum += weight;
  }

  /** Passes over a KPI row, one of the `rows` announced, whose table's weights are not checked. */
  skip(): void {
    this.memberGroups[this.added++] = -1;
  }

  private groupOf(t: TableRead, owner: string | null): Group {
    // Rows of one group usually follow each other: the previous row's group is tried first.
    const last = this.last;
    if (last !== null && last.table === t && last.owner === owner) return last;
    const { sheet, headerRow } = t.table;
    let index = this.bySheet.get(sheet);
    if (!index) this.bySheet.set(sheet, (index = { byCode: new Map(), byTable: new Map() }));
    let group = owner !== null ? index.byCode.get(owner) : index.byTable.get(headerRow);
    if (!group) {
      group = { index: this.groups.length, table: t, owner, size: 0, sum: 0, bad: null };
      this.groups.push(group);
      if (owner !== null) index.byCode.set(owner, group);
      else index.byTable.set(headerRow, group);
    }
    this.last = group;
    return group;
  }

  /** Each group's 1-based rows, by group index (see `check` for `kpis`). */
  private rowLists(kpis: readonly KpiResult[]): number[][] {
    const lists = this.groups.map((group) => new Array<number>(group.size));
    const filled = new Array<number>(this.groups.length).fill(0);
    for (let i = 0; i < this.added; i++) {
      const g = this.memberGroups[i];
      if (g >= 0) lists[g][filled[g]++] = kpis[i].row;
    }
    return lists;
  }

  /**
   * Each group's sum against 100 (or 1), with a problem for every bad weight and bad sum.
   * `kpis` are the results of the rows added, in the order they were added.
   */
  check(kpis: readonly KpiResult[], problems: Problems): WeightGroup[] {
    const out: WeightGroup[] = [];
    const lists = this.rowLists(kpis);
    for (let g = 0; g < this.groups.length; g++) {
      const { table: t, owner, sum, bad } = this.groups[g];
      const rows = lists[g];
      const { sheet } = t.table;
      // Groups are made only for tables with a weight column (weightsChecked).
      const weightCol = t.table.columns.weight as number;
      for (const { row, error } of bad ?? []) {
        problems.add(errorProblem(error, { sheet, cell: a1(row, weightCol) }), t.sheetOrder, row, weightCol);
      }
      const { expected, difference, sumOk } = judgeWeightSum(sum);
      // With a bad weight the sum cannot be judged yet: the weight is listed once, by itself.
      if (!sumOk && bad === null) {
        problems.add(
          problem("error", "WEIGHTS_SUM", weightsSumRef(tidy(sum), expected, tidy(difference)).params, { sheet, cell: weightCells(rows, weightCol) }),
          t.sheetOrder,
          rows[0] - 1,
          weightCol,
        );
      }
      out.push({ owner, sheet, weightSum: tidy(sum), ok: bad === null && sumOk, difference: tidy(difference), rows });
    }
    return out;
  }
}

/** Float noise off (33.33 + 33.33 + 33.34); absurd weights (1e308) must still give a finite figure. */
function tidy(x: number): number {
  return Math.abs(x) < 1e12 ? roundHalfUp(x, 6) : Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x));
}

/** The group's weight cells (from 1-based rows): one range when the rows are contiguous, else the first cell. */
function weightCells(rows: readonly number[], col: number): string {
  const first = rows[0];
  const contiguous = rows.every((row, i) => row === first + i);
  return contiguous ? rangeA1(first - 1, col, rows[rows.length - 1] - 1, col) : a1(first - 1, col);
}
