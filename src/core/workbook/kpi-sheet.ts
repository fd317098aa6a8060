/**
 * One area's KPI sheet of a workbook built from a plan: the KPI table with each plan year's
 * target, measure and value columns, and the live formulas of year-over-year KPIs.
 */
import { isKpiError } from "../errors";
import { isYearOverYear } from "../plan/algorithm";
import { conditionForYear, formatCondition } from "../targets";
import type { AlgorithmKind, PlanKpi, PlanNode } from "../types";
import { cellRef, rangeRef } from "./a1";
import type { CellSpec, FormulaSpec, RangeFormatSpec, SheetSpec } from "./description";
import { FORMATS, TABLE_STYLE, weightValidation } from "./formats";
import type { WorkbookLabels } from "./labels";
import { safeTableName } from "./names";

/** Grey for measure cells a KPI does not use. */
const UNUSED_FILL = "EDEDED";

/**
 * How a year-over-year KPI turns a year's measure `m` and the previous one `b` into its value:
 * the add-in's custom function, and the same arithmetic as a native Excel formula (the engine's
 * `trendPct`, `trendRatio`, `sharePct` in src/core/measures.ts).
 */
interface TrendFormulas {
  readonly kpi: string;
  readonly native: (m: string, b: string) => string;
}
const TREND_PCT: TrendFormulas = { kpi: "KPI.TREND_PCT", native: (m, b) => `(${m}-${b})/${b}*100` };
const TREND_FUNCTION: Partial<Record<AlgorithmKind, TrendFormulas>> = {
  trend_pct: TREND_PCT,
  ratio: { kpi: "KPI.TREND_RATIO", native: (m, b) => `${m}/${b}` },
  share_pct: { kpi: "KPI.SHARE_PCT", native: (m, b) => `${m}/${b}*100` },
};

/**
 * Which formulas a written workbook holds for trends and ratios.
 * - `native` (default): Excel's own arithmetic, `IF(OR(J2="",F2=""),"",(J2-F2)/F2*100)`.
 *   It computes in Excel in every language (the file stores English names and `,`; Excel shows
 *   `SE(O(...);...)` in Italian), without the add-in, on the web and in LibreOffice. A
 *   measure typed as text ("1.234,5") gives #VALUE! rather than being read the Italian way.
 * - `kpi`: the add-in's functions, `IF(OR(J2="",F2=""),"",KPI.TREND_PCT(J2,F2))`: Italian
 *   text is read, but every filled cell shows #NAME? where the add-in is not loaded.
 */
export type FormulaStyle = "native" | "kpi";

interface Column {
  readonly header: string;
  readonly width: number;
}

/**
 * The KPI sheet of one area (`name`), its table named `KPI_<area>`.
 * @example kpiSheet("A", "A", kpis, [2021, 2022], nodes, LABELS.it, "native").tables[0].name // "KPI_A"
 */
export function kpiSheet(
  name: string,
  area: string,
  kpis: readonly PlanKpi[],
  years: readonly number[],
  nodes: ReadonlyMap<string, PlanNode>,
  labels: WorkbookLabels,
  formulas: FormulaStyle,
  checkpoints: readonly string[] = [],
): SheetSpec {
  const L = labels.kpi;
  const withMeasures = kpis.some(usesMeasures);
  const columns: Column[] = [
    { header: L.code, width: 11 },
    { header: L.kind, width: 20 },
    { header: L.indicator, width: 48 },
    { header: L.algorithm, width: 40 },
    { header: L.weight, width: 9 },
    { header: L.baseline, width: 11 },
    { header: L.target, width: 30 },
  ];
  const FIXED = columns.length;
  const WEIGHT = 5;
  const BASELINE = 6;
  /** 1-based columns of each year's target, measure (0 = none) and value. */
  const yearCols = years.map((year) => {
    const target = columns.push({ header: L.targetYear(year), width: 14 });
    const measure = withMeasures ? columns.push({ header: L.measureYear(year), width: 12 }) : 0;
    // "06-30" is written the Italian way, 30/06, in the header.
    const dated = checkpoints.map((d) => columns.push({ header: L.valueAt(year, `${d.slice(3)}/${d.slice(0, 2)}`), width: 12 }));
    const value = columns.push({ header: L.valueYear(year), width: 12 });
    return { year, target, measure, dated, value };
  });
  // Without plan years there is still one place for the value.
  const plainValue = years.length === 0 ? columns.push({ header: L.value, width: 12 }) : 0;

  const last = kpis.length + 1;
  const rows: CellSpec[][] = [columns.map((c) => c.header)];
  const formats: RangeFormatSpec[] = [
    { range: rangeRef(1, 1, 1, columns.length), bold: true, wrap: true, vertical: "center" },
    { range: rangeRef(2, 1, last, columns.length), vertical: "top" },
    { range: rangeRef(2, 3, last, 4), wrap: true },
    { range: rangeRef(2, FIXED, last, FIXED), wrap: true },
    { range: rangeRef(2, WEIGHT, last, WEIGHT), numberFormat: FORMATS.weight },
  ];
  const baselineFormats: string[] = [];
  const valueFormats: string[] = [];

  kpis.forEach((k, i) => {
    const row = i + 2;
    const cells: CellSpec[] = new Array<CellSpec>(columns.length).fill(null);
    cells[0] = k.owner;
    const owner = nodes.get(k.owner);
    cells[1] = owner ? labels.kind[owner.kind] : null;
    cells[2] = k.indicator;
    cells[3] = k.algorithm;
    cells[WEIGHT - 1] = k.weight;
    cells[BASELINE - 1] = k.baseline;
    cells[FIXED - 1] = k.target;
    const measured = usesMeasures(k);
    yearCols.forEach((y, j) => {
      cells[y.target - 1] = yearTarget(k, y.year);
      if (measured) {
        const base = j === 0 ? cellRef(row, BASELINE) : cellRef(row, yearCols[j - 1].measure);
        cells[y.value - 1] = trendFormula(k.algorithmKind, cellRef(row, y.measure), base, formulas);
      }
    });
    rows.push(cells);
    baselineFormats.push(k.baseline !== null && !Number.isInteger(k.baseline) ? FORMATS.decimal : FORMATS.integer);
    valueFormats.push(k.algorithmKind === "deadline" ? FORMATS.date : FORMATS.decimal);
    if (withMeasures && !measured) {
      for (const y of yearCols) formats.push({ range: cellRef(row, y.measure), fill: UNUSED_FILL });
    }
  });

  formats.push(...columnRuns(BASELINE, baselineFormats));
  for (const y of yearCols) {
    formats.push(...columnRuns(y.value, valueFormats));
    for (const col of y.dated) formats.push(...columnRuns(col, valueFormats));
    if (y.measure) formats.push({ range: rangeRef(2, y.measure, last, y.measure), numberFormat: FORMATS.integer });
  }
  if (plainValue) formats.push(...columnRuns(plainValue, valueFormats));

  return {
    name,
    cells: rows,
    columns: columns.map((c) => ({ width: c.width })),
    frozenRows: 1,
    tables: [{ name: safeTableName(`KPI_${area}`), range: rangeRef(1, 1, last, columns.length), style: TABLE_STYLE }],
    formats,
    validations: [weightValidation(rangeRef(2, WEIGHT, last, WEIGHT), labels)],
  };
}

/** True when the KPI gets measure columns and a formula: a year-over-year trend, ratio or share. */
export function usesMeasures(k: PlanKpi): boolean {
  return TREND_FUNCTION[k.algorithmKind] !== undefined && isYearOverYear(k.algorithm);
}

/**
 * The live value of a year-over-year KPI. Blank inputs give `""` rather than an error, both
 * in Excel and as the cached result written to the file: a new workbook has no measures yet.
 * A zero base gives #DIV/0! both ways, as the engine's DIV_ZERO does.
 * @example trendFormula("trend_pct", "J2", "F2")
 *   // { formula: 'IF(OR(J2="",F2=""),"",(J2-F2)/F2*100)', result: "" }
 * @example trendFormula("trend_pct", "J2", "F2", "kpi")
 *   // { formula: 'IF(OR(J2="",F2=""),"",KPI.TREND_PCT(J2,F2))', result: "" }
 */
export function trendFormula(kind: AlgorithmKind, measure: string, base: string, style: FormulaStyle = "native"): FormulaSpec {
  const fn = TREND_FUNCTION[kind] ?? TREND_PCT;
  const value = style === "kpi" ? `${fn.kpi}(${measure},${base})` : fn.native(measure, base);
  return { formula: `IF(OR(${measure}="",${base}=""),"",${value})`, result: "" };
}

/** A year's condition as the plans write it; `---` when the year has none. */
function yearTarget(k: PlanKpi, year: number): string {
  // A target the parser could not read is copied as written: the checker then reports it.
  if (k.targets.length === 0) return k.target;
  const c = conditionForYear({ entries: k.targets }, year);
  if (!isKpiError(c)) return formatCondition(c);
  // A year with no target is `---`; one that could not be read (or names a plan year by its
  // place) is copied as written, so that nothing is lost and the checker reports it.
  return c.code === "NO_TARGET" || c.code === "NO_TARGET_FOR_YEAR" ? "---" : k.target;
}

/** Format entries for a data column, one per run of rows with the same format. */
function columnRuns(col: number, formats: readonly string[]): RangeFormatSpec[] {
  const out: RangeFormatSpec[] = [];
  let start = 0;
  for (let i = 1; i <= formats.length; i++) {
    if (i === formats.length || formats[i] !== formats[start]) {
      out.push({ range: rangeRef(start + 2, col, i + 1, col), numberFormat: formats[start] });
      start = i;
    }
  }
  return out;
}
