// A target cell parsed once, with its years and conditions asked for as needed.
import { isKpiError, type Result } from "../errors";
import { conditionForYear, parseTarget, targetYears } from "../targets";
import type { CellValue, Condition, Target } from "../types";

/**
 * A target cell read once: its parse, the years it names and, asked year by year, its
 * condition. Workbooks repeat the same target text on many rows and in several columns.
 */
export class TargetRead {
  readonly target: Result<Target>;
  // Made when first asked: a number cell is read afresh on every row and needs neither.
  private yearsNamed: readonly number[] | null = null;
  private conditions: Map<number | null, Result<Condition>> | null = null;

  constructor(cell: CellValue, percent = false) {
    this.target = parseTarget(cell, percent ? { bareIsPercent: true } : undefined);
  }

  /** The years the target names (none for an unreadable target). */
  get years(): readonly number[] {
    return (this.yearsNamed ??= isKpiError(this.target) ? [] : targetYears(this.target));
  }

  /** `conditionForYear` of the parsed target (which must not be an error). */
  conditionFor(year: number | null): Result<Condition> {
    this.conditions ??= new Map();
    let condition = this.conditions.get(year);
    if (condition === undefined) {
      condition = conditionForYear(this.target as Target, year);
      this.conditions.set(year, condition);
    }
    return condition;
  }
}

