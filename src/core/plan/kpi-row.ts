import { errorRef, isKpiError, type KpiError } from "../errors";
import type { MessageCode } from "../messages";
import { problem, type Problem } from "../problem";
import { isNoneText, parseNumber } from "../numbers";
import { parseTarget, targetErrors, type TargetOptions } from "../targets";
import type { PlanKpi, TargetEntry } from "../types";
import { parseWeight } from "../weights";
import { kpiAlgorithmKind } from "./algorithm";
import { splitCells } from "./headings";
import type { PlanColumns, TargetColumn } from "./table";
import { shorten } from "./text";

/** The number of cells of a Lecce KPI row: Indicatori testo, Algoritmo, Peso, Stato, Target. */
export const KPI_CELLS = 5;

/** The Lecce table's columns, as `readTableHeader` finds them in its header. */
export const LECCE_COLUMNS: PlanColumns = {
  indicator: 0,
  algorithm: 1,
  weight: 2,
  baseline: 3,
  targets: [{ col: 4, year: null, ordinal: null, percent: false, header: "Target" }],
  names: ["Indicatori testo", "Algoritmo", "Peso", "Stato", "Target"],
};

export interface RowResult {
  /** `null` when the row cannot be a KPI (wrong number of cells). */
  readonly kpi: PlanKpi | null;
  readonly problems: readonly Problem[];
  /** True when the table has a weight column and this row's weight cell is blank. */
  readonly blankWeight?: boolean;
}

/** What a row needs to know about its table. */
export interface RowContext {
  readonly columns: PlanColumns;
  /** Cells a row must have (the header's, or the two-row header's, count). */
  readonly width: number;
  /** First year of the plan (its title), for `Target primo anno` columns; `null` when unknown. */
  readonly firstYear: number | null;
}

/**
 * Reads one data row of a Lecce KPI table (tab separated, five cells).
 * @example parseKpiRow("Trend\t(X(t)-X(t-1))/X(t-1)*100\t50\t17.835\t>= +10%", 254, "B.1").kpi?.baseline // 17835
 */
export function parseKpiRow(line: string, lineNo: number, owner: string): RowResult {
  return parseKpiCells(splitCells(line), { columns: LECCE_COLUMNS, width: KPI_CELLS, firstYear: null }, lineNo, owner);
}

/**
 * Reads one data row of a KPI table of any column set. Weight, baseline and targets go
 * through the engine (`parseWeight`, `parseNumber`, `parseTarget`); a piece that cannot be
 * read becomes a problem and the KPI is kept with that piece empty, so nothing is dropped
 * silently. Per-year target columns (`Target 2026`, `Target primo anno`, a two-row header)
 * give one entry per year; a year whose cell is unreadable is reported for that year only.
 * @example parseKpiCells(["Pratiche", "20", ">= 90%"], { columns: { indicator: 0, algorithm: null, weight: 1, baseline: null,
 *   targets: [{ col: 2, year: null, ordinal: null, percent: false, header: "Target" }], names: ["Indicatore", "Peso", "Target"] },
 *   width: 3, firstYear: null }, 7, "OS1").kpi?.weight // 20
 */
export function parseKpiCells(raw: readonly string[], ctx: RowContext, lineNo: number, owner: string): RowResult {
  const cells = [...raw];
  // A trailing separator leaves empty cells at the end: harmless.
  while (cells.length > ctx.width && cells[cells.length - 1] === "") cells.pop();
  if (cells.length !== ctx.width) {
    return {
      kpi: null,
      problems: [
        problem("error", "PLAN_ROW_CELLS", {
          count: cells.length,
          expected: ctx.width,
          columns: ctx.columns.names.filter((n) => n !== "").join(", "),
        }, { line: lineNo }),
      ],
    };
  }
  const c = ctx.columns;
  const at = (col: number | null): string => (col === null ? "" : (cells[col] ?? ""));
  const indicator = at(c.indicator);
  const algorithm = at(c.algorithm);
  const problems: Problem[] = [];
  const label = shorten(indicator || algorithm);
  if (indicator === "") problems.push(problem("warning", "PLAN_EMPTY_INDICATOR", {}, { line: lineNo }));

  let weight: number | null = null;
  const weightText = at(c.weight);
  // A blank weight in a weight column is judged with the whole table (no weights at all is a note).
  // `---`, `-`, `–`, `n.d.`: no weight, as a blank cell.
  const blankWeight = c.weight !== null && (isNoneText(weightText) || /^[–—]$/.test(weightText.trim()));
  if (c.weight !== null && !blankWeight) {
    const w = parseWeight(weightText);
    if (isKpiError(w)) problems.push(detailed("PLAN_BAD_WEIGHT", w, lineNo, label));
    else weight = w;
  }

  let baseline: number | null = null;
  if (c.baseline !== null) {
    const b = parseNumber(at(c.baseline));
    if (isKpiError(b)) problems.push(detailed("PLAN_BAD_BASELINE", b, lineNo, label));
    else baseline = b;
  }

  const { target, targets } = readTargets(cells, ctx, lineNo, label, problems);
  const kpi: PlanKpi = {
    owner,
    indicator,
    algorithm,
    algorithmKind: kpiAlgorithmKind(algorithm, targets),
    weight,
    baseline,
    target,
    targets,
    line: lineNo,
  };
  return { kpi, problems, ...(blankWeight ? { blankWeight } : {}) };
}

/** The year a target column stands for: its own, or the plan's first year plus its position. */
function columnYear(t: TargetColumn, firstYear: number | null): number | null {
  if (t.year !== null) return t.year;
  if (t.ordinal !== null && firstYear !== null) return firstYear + t.ordinal - 1;
  return null;
}

function readTargets(
  cells: readonly string[],
  ctx: RowContext,
  lineNo: number,
  label: string,
  problems: Problem[],
): { target: string; targets: readonly TargetEntry[] } {
  const yearly = ctx.columns.targets
    .map((t) => ({ t, year: columnYear(t, ctx.firstYear) }))
    .filter((x): x is { t: TargetColumn; year: number } => x.year !== null);
  if (yearly.length === 0) {
    const plain = ctx.columns.targets.find((t) => t.year === null && t.ordinal === null);
    if (!plain) return { target: "", targets: [] };
    const text = cells[plain.col] ?? "";
    const options: TargetOptions = { ...(plain.percent ? { bareIsPercent: true } : {}), ...(ctx.firstYear !== null ? { firstYear: ctx.firstYear } : {}) };
    const parsed = parseTarget(text, options);
    if (isKpiError(parsed)) {
      problems.push(detailed("PLAN_BAD_TARGET", parsed, lineNo, label));
      return { target: text, targets: [] };
    }
    // A year that could not be read is reported on its own; the other years stay.
    for (const { error } of targetErrors(parsed)) problems.push(detailed("PLAN_BAD_TARGET", error, lineNo, label));
    return { target: text, targets: parsed.entries };
  }
  // One entry per year column; the verbatim text in the plan's own per-year form.
  const entries: TargetEntry[] = [];
  const texts: string[] = [];
  for (const { t, year } of yearly) {
    const text = (cells[t.col] ?? "").trim();
    if (text === "") continue;
    texts.push(`Anno: ${year} ${text}`);
    const parsed = parseTarget(text, { year, ...(t.percent ? { bareIsPercent: true } : {}) });
    if (isKpiError(parsed)) {
      problems.push(problem("error", "PLAN_BAD_TARGET_YEAR", { indicator: label, year, detail: errorRef(parsed) }, { line: lineNo }));
      continue;
    }
    for (const e of parsed.entries) {
      if (e.year !== null && e.year !== year) continue; // a cell naming another year is not this column's
      if (!entries.some((x) => x.year === year)) entries.push({ year, condition: e.condition });
    }
  }
  return { target: texts.join(" "), targets: entries };
}

/** A KPI cell the engine could not read, as a plan problem that quotes the engine's error. */
function detailed(code: MessageCode, error: KpiError, line: number, indicator: string): Problem {
  return problem("error", code, { indicator, detail: errorRef(error) }, { line });
}
