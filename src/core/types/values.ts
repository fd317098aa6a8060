/**
 * Cells, targets and the measurement rules: the values every part of the engine reads and
 * judges, whatever host handed them over.
 */
import type { KpiError } from "../errors";

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
