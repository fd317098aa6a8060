/**
 * The shared vocabulary of the engine. Every adapter (custom functions, Office.js,
 * ExcelJS, CLI, task pane) speaks in these types; nothing here knows about a host.
 */

import type { KpiError } from "./errors";
import type { Problem } from "./problem";

export type { Problem } from "./problem";

/** A cell as every host can hand it over: Excel dates arrive as serial numbers. */
export type CellValue = string | number | boolean | null;

/** One worksheet's used range as plain 2-D arrays. */
export interface SheetGrid {
  readonly name: string;
  /** values[r][c]; rows may be ragged, missing cells are blank. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats, parallel to `values` where known (`"0%"`, `"#.##0,00"` ...). */
  readonly formats?: readonly (readonly (string | null | undefined)[])[];
  /** 0-based sheet row/column of values[0][0] (a used range need not start at A1). */
  readonly origin?: { readonly row: number; readonly col: number };
}

/**
 * Comparison operators after normalisation (`≥`, `=>`, `almeno` become `>=`, `entro` becomes `<=`).
 * `between` is a band (`tra 70% e 90%`): `value` is its lower bound and `upper` its upper bound.
 */
export type Op = ">=" | "<=" | ">" | "<" | "=" | "between";

/**
 * `percent`: the number before `%`; `date`: an Excel serial date (1900 system);
 * `boolean`: a done / not done target (`SI` is `value: 1`, `NO` is `value: 0`).
 */
export type Unit = "percent" | "number" | "date" | "boolean";

/** One threshold: `>= 15%` is `{op: ">=", value: 15, unit: "percent"}`. */
export interface Condition {
  readonly op: Op;
  readonly value: number;
  readonly unit: Unit;
  /** The upper bound of a `between` band (absent for every other operator). */
  readonly upper?: number;
  /** The unit of measure written with the number, as written (`gg.`, `giorni`, `€`); absent when none. */
  readonly measure?: string;
}

/** One year's entry of a target; `condition: null` is "no target" (`---`) for that year. */
export interface TargetEntry {
  /** `null` when the text had no year prefix: the entry applies to every year (unless `ordinal` is set). */
  readonly year: number | null;
  /**
   * The plan year as written (`primo anno` is 1) when no first year was known to turn it into a
   * calendar year; `year` is then `null`. Absent for every other entry.
   */
  readonly ordinal?: number;
  readonly condition: Condition | null;
  /** Why this year's condition could not be read (`condition` is then `null`); the other years still count. */
  readonly error?: KpiError;
}

/** A parsed target cell. A cell reading `---` is one entry `{year: null, condition: null}`. */
export interface Target {
  readonly entries: readonly TargetEntry[];
}

/** How achievement is measured; the body's "Sistema di misurazione e valutazione". */
export interface MeasurementRules {
  /** Lower-is-better: `ratio` = target/value (default), `linear` = (2T - V)/T. */
  readonly lowerIsBetter: "ratio" | "linear";
  /** Achievement (0..100) below which a KPI scores 0; `null` for none. */
  readonly threshold: number | null;
  /** Traffic-light cut-offs on achievement: below `red` is red, below `amber` is amber, else green. */
  readonly bands: { readonly red: number; readonly amber: number };
  /** Partial credit for counts and higher-is-better targets (value/target); off = met ? 100 : 0. */
  readonly partialCredit: boolean;
  /** Missing values in a roll-up: `skip` renormalises the remaining weights, `zero` counts them as 0. */
  readonly missing: "skip" | "zero";
  /**
   * At an intermediate monitoring date (`Valore 2026 al 30/06`): `linear` expects a cumulative
   * KPI to have reached the target pro rata of the elapsed days; `none` expects no share.
   * Absent = `linear` (see src/core/monitoring.ts).
   */
  readonly monitoring?: "linear" | "none";
}

export type Band = "red" | "amber" | "green";

// ---------------------------------------------------------------- the plan

export type NodeKind = "area" | "strategic" | "program" | "operational" | "action";

export interface PlanNode {
  /** `A`, `A.1`, `A.1.1`, `A.1.3.1`; programs have no code of their own: `A.1/P1` style ids. */
  readonly code: string;
  readonly kind: NodeKind;
  readonly title: string;
  /** Code of the parent node, `null` for areas. */
  readonly parent: string | null;
  /** Normalised unit codes, e.g. `STAFF 6`, `S. 1.4`, `AREA I`. */
  readonly units: readonly string[];
  /** 1-based line of the heading in the source text. */
  readonly line: number;
}

/** How the algorithm text computes the KPI value. */
export type AlgorithmKind =
  | "trend_pct" // (X(t)-X(t-1))/X(t-1)*100
  | "ratio" // X/Y, X(t)/X(t-1)
  | "share_pct" // X/Y*100
  | "weighted_mean" // Media ponderata delle azioni*100
  | "deadline" // Realizzazione attività
  | "satisfaction" // Grado di soddisfazione
  | "count" // Numero eventi
  | "direct"; // anything else: a value measured directly

export interface PlanKpi {
  /** Code of the owning node. */
  readonly owner: string;
  readonly indicator: string;
  readonly algorithm: string;
  readonly algorithmKind: AlgorithmKind;
  readonly weight: number | null;
  /** `Stato`: the baseline value, `null` for `---`. */
  readonly baseline: number | null;
  /** The target text verbatim. */
  readonly target: string;
  /** Parsed target entries; empty when the target could not be parsed (see problems). */
  readonly targets: readonly TargetEntry[];
  /** 1-based line in the source text. */
  readonly line: number;
}

export interface ParsedPlan {
  readonly nodes: readonly PlanNode[];
  readonly kpis: readonly PlanKpi[];
  readonly problems: readonly Problem[];
  /** Plan years, e.g. [2021, 2022, 2023], taken from the targets (or the title). */
  readonly years: readonly number[];
}

// ---------------------------------------------------------------- KPI tables in a workbook

/**
 * Logical columns the reader recognises in a header row. `source` (Fonte), `notes` (Note),
 * `unit` (Unità di misura) and `achieved` (% Realizzazione) are read and kept on the table
 * for callers; no check uses them yet. `responsible` (Struttura responsabile) feeds the unit
 * scorecards and `reason` (Motivazione scostamento) the deviation reasons.
 */
export type ColumnRole =
  | "code"
  | "indicator"
  | "algorithm"
  | "weight"
  | "baseline"
  | "target"
  | "value"
  | "source"
  | "notes"
  | "unit"
  | "responsible"
  | "achieved"
  | "reason";

/** A KPI table found on a sheet. */
export interface KpiTable {
  readonly sheet: string;
  /** 0-based sheet row of the header (the first of its two rows when it has two). */
  readonly headerRow: number;
  /** 0-based sheet rows of the data, header excluded; ends before the first blank row. */
  readonly firstRow: number;
  readonly lastRow: number;
  /**
   * 0-based sheet columns by role; `target`/`value` columns keyed by year (`null` = no year).
   * A table may have no weight column (its weights are not checked) or no target column
   * (only its weights are checked), not both.
   */
  readonly columns: {
    readonly code?: number;
    readonly indicator: number;
    readonly algorithm?: number;
    readonly weight?: number;
    readonly baseline?: number;
    readonly targets: ReadonlyMap<number | null, number>;
    readonly values: ReadonlyMap<number | null, number>;
    /**
     * Value columns at an intermediate monitoring date (`Valore 2026 al 30/06`): year, then
     * date as `MM-DD`, to column. Absent when the table has none.
     */
    readonly checkpoints?: ReadonlyMap<number, ReadonlyMap<string, number>>;
    readonly source?: number;
    readonly notes?: number;
    readonly unit?: number;
    readonly responsible?: number;
    readonly achieved?: number;
    /** `Motivazione scostamento`: why a target was not met, as the Relazione must say. */
    readonly reason?: number;
    /** Target columns whose header says `%` (`Target %`): a bare number there is a percentage. */
    readonly percentTargets?: ReadonlySet<number>;
  };
  /**
   * Set when the header names targets by position (`Target primo anno`) and no year for the
   * first of them was found: those columns are then read as one target for every year.
   */
  readonly ordinalYearsUnknown?: boolean;
}

/**
 * `on_track`, `at_risk` and `unreachable` are given only at an intermediate monitoring date
 * (see src/core/monitoring.ts); at year end a KPI is `met` or `unmet`.
 */
export type KpiStatus = "met" | "unmet" | "missing" | "no_target" | "invalid" | "on_track" | "at_risk" | "unreachable";

/** A monitoring period: a year's end (`date: null`) or an intermediate date of it (`"06-30"`). */
export interface Period {
  readonly year: number;
  /** `MM-DD`, `null` for the year end. */
  readonly date: string | null;
}

/** One KPI row after validation for a year. */
export interface KpiResult {
  readonly sheet: string;
  /** 1-based sheet row, as Excel shows it. */
  readonly row: number;
  readonly owner: string | null;
  readonly indicator: string;
  readonly weight: number | null;
  readonly target: Condition | null;
  readonly value: number | null;
  readonly status: KpiStatus;
  /** 0..100, `null` when not computable (missing, no target, invalid). */
  readonly achievement: number | null;
  /** A1 address of the value cell (the cell to mark), e.g. `H5`. */
  readonly valueCell: string | null;
  /** A1 address of the target cell. */
  readonly targetCell: string;
  /** Algorithm kind when the table has an algorithm column. */
  readonly algorithmKind: AlgorithmKind | null;
  /** The `Motivazione scostamento` text, `null` when blank or when the table has no such column (validation always sets it). */
  readonly reason?: string | null;
  /** A1 address of the reason cell, `null` when the table has no reason column. */
  readonly reasonCell?: string | null;
  /** The `Struttura responsabile` text, `null` when blank or when the table has no such column. */
  readonly responsible?: string | null;
  /** At an intermediate date, a cumulative KPI's pro rata expected value (see monitoring.ts); absent otherwise. */
  readonly expected?: number;
}

export interface WeightGroup {
  readonly owner: string | null;
  readonly sheet: string;
  readonly weightSum: number;
  readonly ok: boolean;
  /** 100 (or 1) minus the sum. */
  readonly difference: number;
  /** 1-based sheet rows of the group. */
  readonly rows: readonly number[];
}

export interface ValidationReport {
  readonly year: number | null;
  readonly years: readonly number[];
  /** The period checked: `null` when the workbook names no year. */
  readonly period: Period | null;
  /** Every period the workbook has columns for, in time order (each year's dates, then its end). */
  readonly periods: readonly Period[];
  readonly groups: readonly WeightGroup[];
  readonly kpis: readonly KpiResult[];
  readonly problems: readonly Problem[];
  readonly summary: {
    readonly tables: number;
    readonly rows: number;
    readonly met: number;
    readonly unmet: number;
    readonly missing: number;
    readonly noTarget: number;
    readonly invalid: number;
    /** Only at an intermediate date. */
    readonly onTrack?: number;
    readonly atRisk?: number;
    readonly unreachable?: number;
  };
}

// ---------------------------------------------------------------- roll-up

export interface RollupNode {
  readonly code: string;
  readonly kind: NodeKind | "code";
  readonly title: string;
  readonly parent: string | null;
  /** Weighted mean of the node's KPI achievements, 0..100; `null` when no KPI had data. */
  readonly achievement: number | null;
  readonly band: Band | null;
  readonly kpis: number;
  readonly missing: number;
  readonly met: number;
  readonly unmet: number;
}
