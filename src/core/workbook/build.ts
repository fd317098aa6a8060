import { isKpiError } from "../errors";
import { describe, type Lang } from "../messages";
import { conditionForYear, formatCondition } from "../targets";
import type { AlgorithmKind, ParsedPlan, PlanKpi, PlanNode } from "../types";
import { isYearOverYear } from "../plan/algorithm";
import { cellRef, rangeRef } from "./a1";
import { safeSheetName, safeTableName } from "./names";
import { DEFAULT_RULES } from "../achievement";
import { rulesSheet } from "../rules";
import type { CellSpec, FormulaSpec, RangeFormatSpec, SheetSpec, ValidationSpec, WorkbookSpec } from "./description";
import { LABELS, type WorkbookLabels } from "./labels";

/** Number formats (Excel codes, locale-independent). */
export const FORMATS = {
  weight: "#,##0.00",
  integer: "#,##0",
  decimal: "#,##0.00",
  date: "dd/mm/yyyy",
} as const;

const TABLE_STYLE = "TableStyleMedium2";
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

export interface BuildWorkbookOptions {
  readonly lang?: Lang;
  /** Default `native`. */
  readonly formulas?: FormulaStyle;
  /**
   * Monitoring dates as `MM-DD` (`["06-30", "09-30"]`, from `kpi import --monitoraggi 30/06,30/09`):
   * each plan year gets a `Valore YYYY al 30/06` column per date, before its `Valore YYYY`
   * (the year end). Values at a date are typed by hand: no formula.
   */
  readonly checkpoints?: readonly string[];
}

/**
 * Builds the workbook description of a parsed plan:
 * - one sheet per area (`A`, `B`, `C`), each holding one Excel table `KPI_<area>` with
 *   `Codice | Tipo | Indicatore | Algoritmo | Peso | Stato | Target`, then per plan year
 *   `Target YYYY` (that year's condition, `---` when none), `Misura YYYY` (only on sheets
 *   with year-over-year KPIs) and `Valore YYYY`;
 * - for year-over-year KPIs (`X(t)` against `X(t-1)`: trend %, ratio, and `X(t)/X(t-1)*100`)
 *   `Valore YYYY` is a live formula over the measures, by default native Excel arithmetic
 *   (`IF(OR(J2="",F2=""),"",(J2-F2)/F2*100)`, see {@link FormulaStyle}): the base is the
 *   previous year's measure, the `Stato` baseline for the first year; blank inputs give an
 *   empty cell (cached result `""`), so a new file shows nothing wrong anywhere;
 * - a tree sheet (`Albero`) with code, kind, title, parent, program, units and a blank
 *   `Peso` for weighting the children (blank = equal weights);
 * - the measurement rules (`Impostazioni`) with the documented defaults, for the body to adjust;
 * - a `Problemi` sheet when the parser reported problems, so none is lost.
 * Header rows are frozen, weights are validated (decimal 0..100).
 * @example buildWorkbook(parsePlan(text)).sheets.map((s) => s.name) // ["A", "B", "C", "Albero", "Impostazioni"]
 */
export function buildWorkbook(plan: ParsedPlan, options: BuildWorkbookOptions = {}): WorkbookSpec {
  const lang = options.lang ?? "it";
  const formulas = options.formulas ?? "native";
  const labels = LABELS[lang];
  const nodes = new Map(plan.nodes.map((n) => [n.code, n]));
  const used = new Set<string>();
  const sheets: SheetSpec[] = [];
  for (const [area, kpis] of groupByArea(plan)) {
    const name = safeSheetName(area, used);
    used.add(name);
    sheets.push(kpiSheet(name, area, kpis, plan.years, nodes, labels, formulas, [...new Set(options.checkpoints ?? [])].sort()));
  }
  const tree = safeSheetName(labels.tree.sheet, used);
  used.add(tree);
  sheets.push(treeSheet(tree, plan.nodes, labels));
  // The measurement rules travel with the file, so every reader of it scores the same way.
  const rules = rulesSheet(DEFAULT_RULES, { lang });
  const rulesName = safeSheetName(rules.name, used);
  used.add(rulesName);
  sheets.push({ ...rules, name: rulesName });
  if (plan.problems.length > 0) {
    sheets.push(problemsSheet(safeSheetName(labels.problems.sheet, used), plan, labels, lang));
  }
  return { sheets, properties: { title: labels.title } };
}

/** The area of an owner code: its first segment (`C.1.2.10` and `C.1/P1` are in `C`). */
function areaOf(code: string): string {
  return code.split(/[./]/)[0];
}

/** KPIs by area, areas in the plan's order (then any area known only from KPI owners). */
function groupByArea(plan: ParsedPlan): Map<string, PlanKpi[]> {
  const groups = new Map<string, PlanKpi[]>();
  for (const n of plan.nodes) if (n.kind === "area") groups.set(n.code, []);
  for (const k of plan.kpis) {
    const area = areaOf(k.owner);
    groups.set(area, [...(groups.get(area) ?? []), k]);
  }
  for (const [area, kpis] of groups) if (kpis.length === 0) groups.delete(area);
  return groups;
}

interface Column {
  readonly header: string;
  readonly width: number;
}

function kpiSheet(
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

function weightValidation(range: string, labels: WorkbookLabels, prompt?: string): ValidationSpec {
  const v = labels.weightValidation;
  return {
    range,
    type: "decimal",
    operator: "between",
    min: 0,
    max: 100,
    allowBlank: true,
    errorTitle: v.errorTitle,
    error: v.error,
    promptTitle: v.promptTitle,
    prompt: prompt ?? v.prompt,
  };
}

function treeSheet(name: string, nodes: readonly PlanNode[], labels: WorkbookLabels): SheetSpec {
  const T = labels.tree;
  const header = [T.code, T.kind, T.title, T.parent, T.program, T.units, T.weight];
  const programs = programOf(nodes);
  const rows: CellSpec[][] = [header];
  for (const n of nodes) {
    rows.push([n.code, labels.kind[n.kind], n.title, n.parent, programs.get(n.code) ?? null, n.units.join(", "), null]);
  }
  const last = Math.max(nodes.length + 1, 2);
  if (nodes.length === 0) rows.push(header.map(() => null));
  return {
    name,
    cells: rows,
    columns: [12, 20, 60, 11, 30, 40, 9].map((width) => ({ width })),
    frozenRows: 1,
    tables: [{ name: safeTableName(T.table), range: rangeRef(1, 1, last, header.length), style: TABLE_STYLE }],
    formats: [
      { range: rangeRef(1, 1, 1, header.length), bold: true, wrap: true, vertical: "center" },
      { range: rangeRef(2, 1, last, header.length), vertical: "top" },
      { range: rangeRef(2, 3, last, 3), wrap: true },
      { range: rangeRef(2, 5, last, 6), wrap: true },
      { range: rangeRef(2, 7, last, 7), numberFormat: FORMATS.weight },
    ],
    validations: [weightValidation(rangeRef(2, 7, last, 7), labels, T.weightPrompt)],
  };
}

/**
 * The program each operational objective and action falls under: a program groups the
 * operational objectives that follow it under the same strategic objective, until the next
 * program or strategic objective (the tree's parents follow the codes instead).
 */
function programOf(nodes: readonly PlanNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const current = new Map<string, PlanNode>();
  for (const n of nodes) {
    if (n.kind === "program" && n.parent !== null) current.set(n.parent, n);
    if (n.kind === "strategic") current.delete(n.code);
    if (n.kind === "operational" && n.parent !== null) {
      const p = current.get(n.parent);
      if (p) out.set(n.code, p.title);
    }
    if (n.kind === "action" && n.parent !== null) {
      const p = out.get(n.parent);
      if (p !== undefined) out.set(n.code, p);
    }
  }
  return out;
}

function problemsSheet(name: string, plan: ParsedPlan, labels: WorkbookLabels, lang: Lang): SheetSpec {
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
