/**
 * KPI tables found in a workbook and the validation of their rows for a period.
 */
import type { Problem } from "../problem";
import type { AlgorithmKind } from "./plan";
import type { Condition } from "./values";

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
