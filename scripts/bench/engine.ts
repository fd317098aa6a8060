/**
 * Engine: reading and validating N KPI rows (`validateWorkbook`, which finds the tables,
 * reads every row, checks weight groups, targets and values) against the bare pass that
 * touches every cell of the same grids once.
 */
import type { SheetGrid } from "../../src/core";
import { validateWorkbook } from "../../src/core/validate";
import { cellCount, kpiGrids, parseEveryCell, touchEveryCell } from "./grids";
import { timeSideBySide, type Timing } from "./timing";

export interface EngineResult {
  readonly rows: number;
  readonly cells: number;
  readonly validate: Timing;
  readonly bare: Timing;
  /** The second reference: every cell read as a number (parseNumber). */
  readonly parse: Timing;
  readonly summary: { met: number; unmet: number; missing: number; invalid: number; problems: number; badGroups: number };
}

export function benchEngine(rows: number): EngineResult {
  const grids: SheetGrid[] = kpiGrids(rows);
  const report = validateWorkbook(grids, { year: 2022 });
  const big = rows >= 100_000;
  const [validate, bare, parse] = timeSideBySide(
    [() => validateWorkbook(grids, { year: 2022 }), () => touchEveryCell(grids), () => parseEveryCell(grids)],
    big ? { warmup: 1, samples: 5, minSampleMs: 200 } : { warmup: 3, samples: 7, minSampleMs: 200 },
  );
  return {
    rows,
    cells: cellCount(grids),
    validate,
    bare,
    parse,
    summary: {
      met: report.summary.met,
      unmet: report.summary.unmet,
      missing: report.summary.missing,
      invalid: report.summary.invalid,
      problems: report.problems.length,
      badGroups: report.groups.filter((g) => !g.ok).length,
    },
  };
}
