import { a1, parseA1, rangeA1 } from "./a1";
import { achievement, isMet, roundHalfUp } from "./achievement";
import { parseDateText } from "./dates";
import { isKpiError, kpiError, messageOf, type KpiError } from "./errors";
import { formatMessage, type Lang } from "./messages";
import { formatNumberIt, isNoneText, parseNumberText } from "./numbers";
import { findKpiTables, isBlankCell } from "./reader/find-tables";
import { classifyAlgorithm } from "./plan/algorithm";
import { normaliseHeader } from "./reader/headers";
import { conditionForYear, parseTarget, targetYears } from "./targets";
import type {
  CellValue,
  Condition,
  KpiResult,
  KpiStatus,
  KpiTable,
  MeasurementRules,
  Problem,
  SheetGrid,
  Target,
  ValidationReport,
  WeightGroup,
} from "./types";
import { checkWeights, parseWeight } from "./weights";

export interface ValidateOptions {
  /** The plan year to check; `null`/absent picks the default (see `defaultYear`). */
  readonly year?: number | null;
  readonly rules?: Partial<MeasurementRules>;
  /** Language of the problems' messages; Italian by default. */
  readonly lang?: Lang;
}

/** A sheet's cells addressed by 0-based sheet row and column, whatever the grid's origin. */
class SheetCells {
  private readonly rowOffset: number;
  private readonly colOffset: number;
  constructor(private readonly grid: SheetGrid) {
    this.rowOffset = grid.origin?.row ?? 0;
    this.colOffset = grid.origin?.col ?? 0;
  }
  value(row: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    return this.grid.values[row - this.rowOffset]?.[col - this.colOffset] ?? null;
  }
  format(row: number, col: number | undefined): string | null {
    if (col === undefined) return null;
    return this.grid.formats?.[row - this.rowOffset]?.[col - this.colOffset] ?? null;
  }
}

/** One KPI row as read, before the year is applied. */
interface RowRead {
  readonly table: KpiTable;
  readonly cells: SheetCells;
  /** 0-based sheet row. */
  readonly row: number;
  readonly owner: string | null;
  readonly indicator: string;
  readonly algorithm: string;
  readonly weightCell: CellValue;
}

/** The target cells of a row (one per target column), read from the grid without copying. */
function* targetCellsOf(row: RowRead): Generator<CellValue> {
  for (const col of row.table.columns.targets.values()) yield row.cells.value(row.row, col);
}

/**
 * Finds every KPI table on every sheet and checks it for one plan year: weight groups
 * (by `Codice` where the table has one, else the whole table) must sum to 100 or 1; bad
 * weights, unreadable targets and values are problems with their sheet and A1 cell; each
 * KPI gets a status (met, unmet, missing, no_target, invalid) and its achievement.
 *
 * Without a year it checks the latest year that has any value, else the latest year a
 * target names. A value in a percent-formatted cell counts as its displayed percentage
 * (0.15 shown as 15% is 15) against a percent target; text values are read the Italian
 * way (`"12,5"`); a deadline (date target) wants a date value.
 * @example
 *   validateWorkbook([{ name: "A", values: [
 *     ["Indicatore", "Peso", "Target", "Valore"],
 *     ["Visite", 100, ">= 10", 12],
 *   ] }]).kpis[0].status // "met"
 */
export function validateWorkbook(sheets: readonly SheetGrid[], options: ValidateOptions = {}): ValidationReport {
  const lang: Lang = options.lang ?? "it";
  const problems: Problem[] = [];
  const tables: { table: KpiTable; cells: SheetCells }[] = [];
  for (const sheet of sheets) {
    const cells = new SheetCells(sheet);
    for (const table of findKpiTables(sheet)) tables.push({ table, cells });
  }

  const rows: RowRead[] = [];
  for (const { table, cells } of tables) readRows(table, cells, lang, problems, rows);

  const years = collectYears(tables, rows);
  const year = options.year ?? defaultYear(tables, rows, years);

  const kpis: KpiResult[] = [];
  for (const { table } of tables) warnMissingColumns(table, year, lang, problems);
  for (const row of rows) kpis.push(evaluateRow(row, year, options.rules ?? {}, lang, problems));

  const groups = checkGroups(rows, lang, problems);
  if (tables.length === 0) {
    problems.push({ severity: "warning", code: "NO_KPI_TABLES", message: formatMessage("NO_KPI_TABLES", lang) });
  }

  sortProblems(problems, sheets);

  const counts: Record<KpiStatus, number> = { met: 0, unmet: 0, missing: 0, no_target: 0, invalid: 0 };
  for (const k of kpis) counts[k.status]++;
  return {
    year,
    years,
    groups,
    kpis,
    problems,
    summary: {
      tables: tables.length,
      rows: kpis.length,
      met: counts.met,
      unmet: counts.unmet,
      missing: counts.missing,
      noTarget: counts.no_target,
      invalid: counts.invalid,
    },
  };
}

// ------------------------------------------------------------------ reading rows

const TOTAL_WORDS = /^(totale|totali|total|totals|somma|sum)\b/;

/** The KPI rows of a table: label rows (nothing but a code) and total rows are skipped. */
function readRows(table: KpiTable, cells: SheetCells, lang: Lang, problems: Problem[], out: RowRead[]): void {
  const { columns } = table;
  let lastOwner: string | null = null;
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const indicatorCell = cells.value(r, columns.indicator);
    const weightCell = cells.value(r, columns.weight);
    let noTargets = true;
    for (const col of columns.targets.values()) if (!isBlankCell(cells.value(r, col))) noTargets = false;
    let noValues = true;
    for (const col of columns.values.values()) if (!isBlankCell(cells.value(r, col))) noValues = false;
    const codeCell = cells.value(r, columns.code);

    // A row with nothing to check (a section label) is not a KPI.
    if (isBlankCell(indicatorCell) && isBlankCell(weightCell) && noTargets && noValues) continue;
    // "Totale | 100": a sum row; counting it would double the group's weight.
    if (noTargets && TOTAL_WORDS.test(normaliseHeader(textOf(indicatorCell) || textOf(codeCell)))) continue;

    // Blank codes under a code are the same owner: merged cells and "ditto" layouts.
    let owner: string | null = null;
    if (columns.code !== undefined) {
      owner = isBlankCell(codeCell) ? lastOwner : textOf(codeCell);
      lastOwner = owner;
    }
    const indicator = textOf(indicatorCell).replace(/\s+/g, " ");
    if (indicator === "") {
      problems.push(problem("warning", "INDICATOR_BLANK", formatMessage("INDICATOR_BLANK", lang), table.sheet, a1(r, columns.indicator)));
    }
    const algorithm = textOf(cells.value(r, columns.algorithm));
    out.push({ table, cells, row: r, owner, indicator, algorithm, weightCell });
  }
}

function textOf(cell: CellValue): string {
  if (cell === null) return "";
  return String(cell).trim();
}

// ------------------------------------------------------------------ years

/** Every year a column header or a target text names, ascending. */
function collectYears(tables: readonly { table: KpiTable }[], rows: readonly RowRead[]): number[] {
  const years = new Set<number>();
  for (const { table } of tables) {
    for (const y of table.columns.targets.keys()) if (y !== null) years.add(y);
    for (const y of table.columns.values.keys()) if (y !== null) years.add(y);
  }
  for (const row of rows) {
    for (const cell of targetCellsOf(row)) {
      const t = parsedTarget(cell);
      if (t) for (const y of targetYears(t)) years.add(y);
    }
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The latest year with any value typed in a `Valore YYYY` column; else the latest year a
 * target names; `null` when the workbook names no year at all (undated targets).
 */
function defaultYear(tables: readonly { table: KpiTable; cells: SheetCells }[], rows: readonly RowRead[], years: readonly number[]): number | null {
  let latestWithValue: number | null = null;
  for (const { table, cells } of tables) {
    for (const [y, col] of table.columns.values) {
      if (y === null || (latestWithValue !== null && y <= latestWithValue)) continue;
      for (let r = table.firstRow; r <= table.lastRow; r++) {
        const v = cells.value(r, col);
        if (!isBlankCell(v) && !(typeof v === "string" && isNoneText(v))) {
          latestWithValue = y;
          break;
        }
      }
    }
  }
  if (latestWithValue !== null) return latestWithValue;
  const targetYearsFound = new Set<number>();
  for (const { table } of tables) for (const y of table.columns.targets.keys()) if (y !== null) targetYearsFound.add(y);
  for (const row of rows) {
    for (const cell of targetCellsOf(row)) {
      const t = parsedTarget(cell);
      if (t) for (const y of targetYears(t)) targetYearsFound.add(y);
    }
  }
  if (targetYearsFound.size > 0) return Math.max(...targetYearsFound);
  return years.length > 0 ? years[years.length - 1] : null;
}

/** Parse cache: the same target text is read for the years and again for the status. */
const targetCache = new Map<string, Target | KpiError>();

function parseTargetCached(cell: CellValue): Target | KpiError {
  if (typeof cell !== "string") return parseTarget(cell);
  let t = targetCache.get(cell);
  if (t === undefined) {
    if (targetCache.size > 10_000) targetCache.clear();
    t = parseTarget(cell);
    targetCache.set(cell, t);
  }
  return t;
}

function parsedTarget(cell: CellValue): Target | null {
  if (isBlankCell(cell)) return null;
  const t = parseTargetCached(cell);
  return isKpiError(t) ? null : t;
}

// ------------------------------------------------------------------ one KPI

function warnMissingColumns(table: KpiTable, year: number | null, lang: Lang, problems: Problem[]): void {
  if (table.lastRow < table.firstRow) return;
  const headerCells = rangeA1(table.headerRow, table.columns.indicator, table.headerRow, table.columns.weight);
  const yearText = year === null ? "" : String(year);
  if (!columnFor(table.columns.targets, year)) {
    problems.push(problem("warning", "NO_TARGET_COLUMN", formatMessage("NO_TARGET_COLUMN", lang, { year: yearText }), table.sheet, headerCells));
  }
  // A table with no value column at all is a plan (weights and targets only): nothing to warn.
  if (table.columns.values.size > 0 && !columnFor(table.columns.values, year)) {
    problems.push(problem("warning", "NO_VALUE_COLUMN", formatMessage("NO_VALUE_COLUMN", lang, { year: yearText }), table.sheet, headerCells));
  }
}

/** The year's own column, else the column without a year. */
function columnFor(map: ReadonlyMap<number | null, number>, year: number | null): { col: number; year: number | null } | null {
  if (year !== null && map.has(year)) return { col: map.get(year) as number, year };
  if (map.has(null)) return { col: map.get(null) as number, year: null };
  return null;
}

function evaluateRow(row: RowRead, year: number | null, rules: Partial<MeasurementRules>, lang: Lang, problems: Problem[]): KpiResult {
  const { table, row: r } = row;
  const weight = parseWeight(row.weightCell);
  const targetColumn = columnFor(table.columns.targets, year);
  const valueColumn = columnFor(table.columns.values, year);
  // Without the year's target column the row still needs a cell to point at: the first target column.
  const targetCell = a1(r, targetColumn?.col ?? firstTargetColumn(table));
  const valueCell = valueColumn ? a1(r, valueColumn.col) : null;
  const outcome = judge(row, year, targetColumn, valueColumn, targetCell, valueCell, rules, lang, problems);
  // One literal of one shape for every row: 100,000 results stay cheap to build and to read.
  return {
    sheet: table.sheet,
    row: r + 1,
    owner: row.owner,
    indicator: row.indicator,
    weight: isKpiError(weight) ? null : weight,
    target: outcome.target,
    value: outcome.value,
    status: outcome.status,
    achievement: outcome.achievement,
    valueCell,
    targetCell,
    algorithmKind: table.columns.algorithm !== undefined && row.algorithm !== "" ? classifyAlgorithm(row.algorithm) : null,
  };
}

function firstTargetColumn(table: KpiTable): number {
  let min = Infinity;
  for (const col of table.columns.targets.values()) if (col < min) min = col;
  return min;
}

interface Outcome {
  readonly status: KpiStatus;
  readonly target: Condition | null;
  readonly value: number | null;
  readonly achievement: number | null;
}

function outcome(status: KpiStatus, target: Condition | null, value: number | null, achievementValue: number | null): Outcome {
  return { status, target, value, achievement: achievementValue };
}

/** The status of one row for the year, pushing the row's target and value problems. */
function judge(
  row: RowRead,
  year: number | null,
  targetColumn: { col: number; year: number | null } | null,
  valueColumn: { col: number; year: number | null } | null,
  targetCell: string,
  valueCell: string | null,
  rules: Partial<MeasurementRules>,
  lang: Lang,
  problems: Problem[],
): Outcome {
  const sheet = row.table.sheet;
  // The target for the year.
  if (!targetColumn) return outcome("no_target", null, null, null);
  const raw = row.cells.value(row.row, targetColumn.col);
  if (isBlankCell(raw)) {
    problems.push(problem("warning", "TARGET_BLANK", formatMessage("TARGET_BLANK", lang), sheet, targetCell));
    return outcome("no_target", null, null, null);
  }
  const parsed = parseTargetCached(raw);
  if (isKpiError(parsed)) {
    problems.push(engineProblem(parsed, lang, sheet, targetCell));
    return outcome("invalid", null, null, null);
  }
  const condition = conditionForYear(parsed, year);
  if (isKpiError(condition)) {
    if (condition.code === "NO_TARGET" || condition.code === "NO_TARGET_FOR_YEAR") return outcome("no_target", null, null, null);
    problems.push(engineProblem(condition, lang, sheet, targetCell));
    return outcome("invalid", null, null, null);
  }

  // The value for the year.
  if (!valueColumn || valueCell === null) return outcome("missing", condition, null, null);
  const value = readValue(row.cells.value(row.row, valueColumn.col), row.cells.format(row.row, valueColumn.col), condition);
  if (value === null) {
    problems.push(problem("warning", "VALUE_MISSING", formatMessage("VALUE_MISSING", lang, { year: year ?? (lang === "it" ? "periodo" : "the period") }), sheet, valueCell));
    return outcome("missing", condition, null, null);
  }
  if (isKpiError(value)) {
    problems.push(engineProblem(value, lang, sheet, valueCell));
    return outcome("invalid", condition, null, null);
  }
  return outcome(isMet(value, condition) ? "met" : "unmet", condition, value, achievement(value, condition, rules));
}

/** Error texts a cell shows (readers hand error cells over as these texts). */
const EXCEL_ERRORS = new Set([
  "#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#BUSY!", "#BLOCKED!", "#FIELD!", "#CONNECT!", "#UNKNOWN!", "#EXTERNAL!",
]);

/**
 * A value cell as the number to compare with the condition, `null` when blank or `---`.
 * Percent-formatted numbers become the percentage shown when the target is a percentage.
 */
export function readValue(raw: CellValue, format: string | null, condition: Condition): number | null | KpiError {
  if (raw === null || isBlankCell(raw)) return null;
  if (typeof raw === "boolean") return kpiError("VALUE_NOT_NUMBER", { text: raw ? "TRUE" : "FALSE" });
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return kpiError("VALUE_NOT_NUMBER", { text: String(raw) });
    if (condition.unit === "percent" && isPercentFormat(format)) return roundHalfUp(raw * 100, 10);
    return raw;
  }
  const text = raw.trim();
  if (isNoneText(text)) return null;
  if (EXCEL_ERRORS.has(text.toUpperCase())) return kpiError("VALUE_CELL_ERROR", { text });
  if (condition.unit === "date") {
    const date = parseDateText(text);
    if (date === null) return kpiError("DATE_VALUE_REQUIRED");
    return date;
  }
  const n = parseNumberText(text);
  if (n === null) return null;
  if (isKpiError(n)) return kpiError("VALUE_NOT_NUMBER", { text });
  return n.value;
}

/**
 * True when a number format shows a percentage: a `%` outside quoted text, escapes and
 * `[...]` sections (`0%`, `0,00%`, `#,##0.0%;[Red]-0.0%`, but not `0 "%"`).
 * @example isPercentFormat("0.00%") // true
 */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return bare.includes("%");
}

// ------------------------------------------------------------------ weight groups

function checkGroups(rows: readonly RowRead[], lang: Lang, problems: Problem[]): WeightGroup[] {
  const groups = new Map<string, RowRead[]>();
  for (const row of rows) {
    // By Codice on the same sheet; a table without a Codice column is one group.
    const key =
      row.table.columns.code !== undefined && row.owner !== null
        ? `${row.table.sheet}\u0000code\u0000${row.owner}`
        : `${row.table.sheet}\u0000table\u0000${row.table.headerRow}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out: WeightGroup[] = [];
  for (const list of groups.values()) {
    const first = list[0];
    const sheet = first.table.sheet;
    const weightCol = first.table.columns.weight;
    const check = checkWeights(list.map((row) => row.weightCell));
    for (const { index, error } of check.errors) {
      problems.push(engineProblem(error, lang, sheet, a1(list[index].row, weightCol)));
    }
    // The sum of the readable weights, judged on its own: a blank weight is already reported.
    const readable = checkWeights(list.filter((_, i) => !check.errors.some((e) => e.index === i)).map((row) => row.weightCell));
    const sumOk = readable.ok;
    // Float noise off (33.33 + 33.33 + 33.34); absurd weights (1e308) must still give a finite figure.
    const tidy = (x: number) => (Math.abs(x) < 1e12 ? roundHalfUp(x, 6) : Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x)));
    if (!sumOk) {
      const fmt = (x: number) => {
        const r = Math.abs(x) < 1e12 ? roundHalfUp(x, 2) : tidy(x);
        return lang === "it" ? formatNumberIt(r) : String(r);
      };
      const cells = weightCells(list, weightCol);
      problems.push(
        problem(
          "error",
          "WEIGHTS_SUM",
          formatMessage("WEIGHTS_SUM", lang, { sum: fmt(check.sum), expected: check.expected, difference: fmt(check.difference) }),
          sheet,
          cells,
        ),
      );
    }
    out.push({
      owner: first.table.columns.code !== undefined ? first.owner : null,
      sheet,
      weightSum: tidy(check.sum),
      ok: check.ok,
      difference: tidy(check.difference),
      rows: list.map((row) => row.row + 1),
    });
  }
  return out;
}

/** The group's weight cells: one range when the rows are contiguous, else the first cell. */
function weightCells(list: readonly RowRead[], col: number): string {
  const first = list[0].row;
  const last = list[list.length - 1].row;
  const contiguous = list.every((row, i) => row.row === first + i);
  return contiguous ? rangeA1(first, col, last, col) : a1(first, col);
}

// ------------------------------------------------------------------ problems

/**
 * Problems in reading order, the order a list the user clicks through should have: by
 * sheet (as in the workbook), then row, then column of the (first) cell; stable otherwise.
 */
function sortProblems(problems: Problem[], sheets: readonly SheetGrid[]): void {
  const sheetIndex = new Map(sheets.map((s, i) => [s.name, i]));
  const key = (p: Problem): [number, number, number] => {
    const at = p.cell ? parseA1(p.cell.split(":")[0]) : null;
    return [p.sheet === undefined ? Infinity : (sheetIndex.get(p.sheet) ?? Infinity), at?.row ?? -1, at?.col ?? -1];
  };
  const keyed = problems.map((p, i) => ({ p, i, k: key(p) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i);
  keyed.forEach((x, i) => {
    problems[i] = x.p;
  });
}

function problem(severity: Problem["severity"], code: string, message: string, sheet: string, cell: string): Problem {
  return { severity, code, message, sheet, cell };
}

function engineProblem(error: KpiError, lang: Lang, sheet: string, cell: string): Problem {
  return problem("error", error.code, messageOf(error, lang), sheet, cell);
}

