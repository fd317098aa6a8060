import { localIsoDate, UNIT_SHEET, type UnitScore, unitSheet, workbookUnitScores } from "../../core";
import type { ExcelHost } from "../host";
import { buildOwnSheet, type SummaryOutcome, type SummaryRequest } from "./own-sheet";

/**
 * The "Unit scorecards" action (`Crea schede unità`): one `Excel.run` that reads the
 * workbook, analyses it as Validate does, computes each organisational unit's result
 * (src/core/scorecards.ts, with the workbook's `Risultato unità` rule) and writes the
 * `Schede unità` sheet (src/core/workbook/unit-sheet.ts). The same writer as *Crea
 * riepilogo* (./own-sheet.ts), so the same promises: 2 syncs on desktop, a new sheet with a
 * free name, an earlier sheet of ours rewritten in place only when untouched, a failed new
 * sheet removed again.
 */

export interface UnitSheetOutcome extends SummaryOutcome {
  /** The scorecards written (empty: the workbook names no unit, and no sheet was written). */
  readonly units: readonly UnitScore[];
}

/**
 * Reads, checks and writes the unit scorecards sheet.
 * @example const { sheet, units } = await buildUnitSheet(officeHost(), { lang: "it", year: 2022 });
 */
export async function buildUnitSheet(host: ExcelHost, request: SummaryRequest): Promise<UnitSheetOutcome> {
  let units: UnitScore[] = [];
  const out = await buildOwnSheet(host, request, {
    kind: "units",
    name: UNIT_SHEET[request.lang],
    spec: (checked) => {
      if (checked.report.summary.tables === 0) return null;
      units = workbookUnitScores(checked);
      if (units.length === 0) return null;
      return unitSheet(
        {
          year: checked.report.year,
          units,
          rules: checked.rollup.rules,
          unitRule: checked.rules.unitRule ?? "all",
          generatedOn: request.generatedOn ?? localIsoDate(new Date()),
          body: checked.rules.body,
        },
        { lang: request.lang },
      );
    },
  });
  return { ...out, units };
}
