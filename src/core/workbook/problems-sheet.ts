/**
 * The `Problemi` sheet of a workbook built from a plan: every problem the parser reported,
 * with its line, so that none is lost on the way into the workbook.
 */
import { describe, type Lang } from "../messages";
import type { ParsedPlan } from "../types";
import { rangeRef } from "./a1";
import type { CellSpec, SheetSpec } from "./description";
import { TABLE_STYLE } from "./formats";
import type { WorkbookLabels } from "./labels";
import { safeTableName } from "./names";

/**
 * The problems sheet of a plan, named `name`.
 * @example problemsSheet("Problemi", plan, LABELS.it, "it").cells[0] // ["Riga", "Gravità", "Codice problema", "Messaggio"]
 */
export function problemsSheet(name: string, plan: ParsedPlan, labels: WorkbookLabels, lang: Lang): SheetSpec {
  const P = labels.problems;
  const header = [P.line, P.severity, P.code, P.message];
  const rows: CellSpec[][] = [header];
  for (const p of plan.problems) rows.push([p.line ?? null, P.levels[p.severity], p.code, describe(p, lang)]);
  const last = rows.length;
  return {
    name,
    cells: rows,
    columns: [8, 10, 24, 100].map((width) => ({ width })),
    frozenRows: 1,
    tables: [{ name: safeTableName(P.table), range: rangeRef(1, 1, last, header.length), style: TABLE_STYLE }],
    formats: [
      { range: rangeRef(1, 1, 1, header.length), bold: true },
      { range: rangeRef(2, 4, last, 4), wrap: true },
    ],
    validations: [],
  };
}
