import { isKpiError, type KpiError } from "../errors";
import { formatMessage, type Lang, type MessageCode } from "../messages";
import { parseNumber } from "../numbers";
import { parseTarget, targetErrors } from "../targets";
import type { PlanKpi, Problem, TargetEntry } from "../types";
import { parseWeight } from "../weights";
import { kpiAlgorithmKind } from "./algorithm";
import { splitCells } from "./headings";
import { shorten } from "./text";

/** The number of cells of a KPI row: Indicatori testo, Algoritmo, Peso, Stato, Target. */
export const KPI_CELLS = 5;

export interface RowResult {
  /** `null` when the row cannot be a KPI (wrong number of cells). */
  readonly kpi: PlanKpi | null;
  readonly problems: readonly Problem[];
}

/**
 * Reads one data row of a KPI table. Weight, baseline and target go through the engine
 * (`parseWeight`, `parseNumber`, `parseTarget`); a piece that cannot be read becomes a
 * problem and the KPI is kept with that piece empty, so nothing is dropped silently.
 * @example parseKpiRow("Trend\t(X(t)-X(t-1))/X(t-1)*100\t50\t17.835\t>= +10%", 254, "B.1", "en").kpi?.baseline // 17835
 */
export function parseKpiRow(line: string, lineNo: number, owner: string, lang: Lang): RowResult {
  const cells = splitCells(line);
  // A trailing tab leaves empty cells at the end: harmless.
  while (cells.length > KPI_CELLS && cells[cells.length - 1] === "") cells.pop();
  if (cells.length !== KPI_CELLS) {
    return { kpi: null, problems: [problem("error", "PLAN_ROW_CELLS", lang, lineNo, { count: cells.length })] };
  }
  const [indicator, algorithm, weightText, baselineText, target] = cells;
  const problems: Problem[] = [];
  const label = shorten(indicator || algorithm);
  if (indicator === "") problems.push(problem("warning", "PLAN_EMPTY_INDICATOR", lang, lineNo));

  const weight = parseWeight(weightText);
  if (isKpiError(weight)) problems.push(detailed("PLAN_BAD_WEIGHT", weight, lang, lineNo, label));

  const baseline = parseNumber(baselineText);
  if (isKpiError(baseline)) problems.push(detailed("PLAN_BAD_BASELINE", baseline, lang, lineNo, label));

  const parsed = parseTarget(target);
  let targets: readonly TargetEntry[] = [];
  if (isKpiError(parsed)) problems.push(detailed("PLAN_BAD_TARGET", parsed, lang, lineNo, label));
  else {
    targets = parsed.entries;
    // A year that could not be read is reported on its own; the other years stay.
    for (const { error } of targetErrors(parsed)) problems.push(detailed("PLAN_BAD_TARGET", error, lang, lineNo, label));
  }

  const kpi: PlanKpi = {
    owner,
    indicator,
    algorithm,
    algorithmKind: kpiAlgorithmKind(algorithm, targets),
    weight: isKpiError(weight) ? null : weight,
    baseline: isKpiError(baseline) ? null : baseline,
    target,
    targets,
    line: lineNo,
  };
  return { kpi, problems };
}

/** A plan problem with its message from the catalogue. */
export function problem(
  severity: Problem["severity"],
  code: MessageCode,
  lang: Lang,
  line: number,
  params: Readonly<Record<string, string | number>> = {},
): Problem {
  return { severity, code, message: formatMessage(code, lang, params), line };
}

function detailed(code: MessageCode, error: KpiError, lang: Lang, line: number, indicator: string): Problem {
  return problem("error", code, lang, line, { indicator, detail: error.message[lang] });
}
