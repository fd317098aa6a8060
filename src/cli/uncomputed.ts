import { problem, type Problem, type ValidationReport } from "../core";
import type { UncomputedCell } from "./xlsx-sheet";

/**
 * The report with a warning for each KPI cell (value or target) holding a formula that was
 * never computed: files written by a program that does not calculate (openpyxl, a script)
 * carry formulas without results, and such a value would otherwise only show as "missing",
 * with no word of why or of the fix (open and save the file in Excel).
 * @example withUncomputed(report, [{ sheet: "KPI", cell: "D2" }]).problems.at(-1)?.code // "FORMULA_NOT_COMPUTED"
 */
export function withUncomputed(report: ValidationReport, cells: readonly UncomputedCell[]): ValidationReport {
  if (cells.length === 0) return report;
  const wanted = new Set(cells.map((c) => `${c.sheet}\u0000${c.cell}`));
  const added: Problem[] = [];
  const seen = new Set<string>();
  for (const k of report.kpis) {
    for (const cell of [k.valueCell, k.targetCell]) {
      if (cell === undefined || cell === null) continue;
      const key = `${k.sheet}\u0000${cell}`;
      if (!wanted.has(key) || seen.has(key)) continue;
      seen.add(key);
      added.push(problem("warning", "FORMULA_NOT_COMPUTED", {}, { sheet: k.sheet, cell }));
    }
  }
  return added.length === 0 ? report : { ...report, problems: [...report.problems, ...added] };
}
