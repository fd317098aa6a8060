import { serialToDate } from "../dates";
import type { TargetEntry } from "../types";

/**
 * The plan's years, in this order of evidence:
 * 1. the years named by `Anno: YYYY` in the targets;
 * 2. else a `YYYY-YYYY` range in the text before the first node (the plan's title);
 * 3. else the years of the targets' dates (`<= 31/12/2021` gives 2021).
 * Gaps are filled (`2021` and `2023` give 2021, 2022, 2023): a plan covers consecutive years.
 * @example planYears([[{ year: 2021, condition: null }, { year: 2023, condition: null }]], []) // [2021, 2022, 2023]
 */
export function planYears(
  targets: readonly (readonly TargetEntry[])[],
  preamble: readonly string[],
): number[] {
  const named = new Set<number>();
  const dated = new Set<number>();
  for (const entries of targets) {
    for (const e of entries) {
      if (e.year !== null) named.add(e.year);
      if (e.condition?.unit === "date") dated.add(serialToDate(e.condition.value).y);
    }
  }
  if (named.size > 0) return fill(named);
  const title = titleYears(preamble);
  if (title.length > 0) return title;
  return fill(dated);
}

/**
 * The years of a `YYYY-YYYY` range in the lines before the first node (the plan's title),
 * `[]` when there is none: the first year is what `Target primo anno` refers to.
 * @example titleYears(["Piano della performance 2026-2028"]) // [2026, 2027, 2028]
 */
export function titleYears(preamble: readonly string[]): number[] {
  for (const line of preamble) {
    const m = /\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})\b/.exec(line);
    if (m && Number(m[2]) >= Number(m[1]) && Number(m[2]) - Number(m[1]) < 10) {
      return fill(new Set([Number(m[1]), Number(m[2])]));
    }
  }
  return [];
}

function fill(years: ReadonlySet<number>): number[] {
  if (years.size === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  // A wild year (a typo such as 2201) must not create hundreds of columns.
  if (max - min >= 10) return [...years].sort((a, b) => a - b);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
