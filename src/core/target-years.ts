import { isKpiError, kpiError, type Result } from "./errors";
import { isNoneText } from "./numbers";
import { firstNonSpace, parseConditionAt } from "./target-condition";
import { ORDINAL_SOURCE, ORDINAL_WORDS, ordinalNumber } from "./target-words";
import type { TargetOptions } from "./targets";
import type { Condition, TargetEntry } from "./types";

/**
 * The per-year parts of a target cell (`Anno: 2026 >= 5 Anno: 2027 >= 6`, `2026: …`,
 * `Target primo anno: …`): where each year's condition starts, which year it is, and the
 * entry it makes (its error kept in the entry, so the other years still count).
 */

/**
 * Where a year's condition starts, in every shape plans write it: `Anno: 2026`, `Anno 2026:`,
 * `2026:`, `Target 2026:`, `Target anno 2026`, `Target primo anno:`, `II anno:`. Groups: 1 the
 * year after `Target`, 2 the digits after `Anno` (checked later: `Anno: 21` is a bad year),
 * 3 a year followed by a colon, 4 an ordinal. `fine anno` and `l'anno` are dates, not marks.
 */
const YEAR_HEAD = new RegExp(
  String.raw`(?:` +
    String.raw`(?<![\p{L}])target\s*:?\s*(?:anno\s*:?\s*)?(\d{4})(?!\d)` +
    // A letter before `anno` makes another word (`danno`), an apostrophe or `fine` a date (`entro l'anno`),
    // a slash a unit (`ore/anno`).
    String.raw`|(?<![\p{L}'’/])(?<!fine\s)(?:target\s*:?\s*)?(?:anno|year)(?![\p{L}])\s*:?\s*(\d*)` +
    String.raw`|(?<=^|[\s;,|(])(\d{4})(?=\s*:)` +
    String.raw`|(?<![\p{L}\d'’])(?:target\s*:?\s*)?(${ORDINAL_SOURCE})\s+anno(?![\p{L}])` +
    String.raw`)\s*:?\s*`,
  "giu",
);
/** Separators people put between per-year conditions; harmless at a segment's end. */
const SEPARATOR_CHARS = new Set([" ", "\t", "\n", "\r", "\v", "\f", "\u2028", "\u2029", ";", ",", "|", "/"]);
/** Only texts with one of these can hold a year mark: most targets are looked at once, cheaply. */
const MAY_HAVE_YEAR = /anno|target|year|\d\s*:/i;

/**
 * The year marks of a text, in order. `Anno:` with no digits is a mark only at the start
 * (`Anno: Anno:` is a bad year there). An `exec` loop on the one compiled pattern: `matchAll`
 * would copy the pattern on every call, and this runs on every target text.
 */
export function yearMarks(text: string, start: number): RegExpExecArray[] {
  const marks: RegExpExecArray[] = [];
  if (!MAY_HAVE_YEAR.test(text)) return marks;
  YEAR_HEAD.lastIndex = 0;
  for (let m = YEAR_HEAD.exec(text); m !== null; m = YEAR_HEAD.exec(text)) {
    if (m[2] !== "" || m.index === start) marks.push(m);
  }
  return marks;
}

/** One year's entry: the year from its mark, the condition from the text up to `end`. */
export function parseYearSegment(text: string, mark: RegExpExecArray, end: number, options: TargetOptions, bareIsPercent: boolean): Result<TargetEntry> {
  const markAt = mark.index as number;
  const start = markAt + mark[0].length;
  let year: number | null = null;
  let ordinal: number | undefined;
  if (mark[1] !== undefined || mark[3] !== undefined) year = Number(mark[1] ?? mark[3]);
  else if (mark[2] !== undefined) {
    if (mark[2].length !== 4) {
      const shown = mark[2] !== "" ? mark[2] : (text.slice(start, end).trim().split(/\s+/)[0] ?? "");
      const at = mark[2] !== "" ? markAt + mark[0].indexOf(mark[2]) : firstNonSpace(text, start);
      return kpiError("BAD_YEAR", { text: shown, pos: at + 1 });
    }
    year = Number(mark[2]);
  } else {
    const n = ordinalNumber(mark[4]) as number;
    if (options.firstYear !== undefined) year = options.firstYear + n - 1;
    else ordinal = n;
  }
  const segment = text.slice(start, separatorsFrom(text, start, end));
  let condition: Result<Condition> | null = null;
  if (segment.trim() === "") {
    condition = kpiError("TARGET_YEAR_EMPTY", { year: yearLabel({ year, ordinal }), pos: markAt + 1 });
  } else if (!isNoneText(segment)) {
    // A partial date takes the entry's own year; a plan year by place has none yet (not the caller's).
    condition = parseConditionAt(text.slice(0, start + segment.length), start, { year, bareIsPercent });
  }
  return entry(year, ordinal, condition);
}

/** An entry with only the properties it needs (`ordinal` and `error` are absent when unused). */
function entry(year: number | null, ordinal: number | undefined, condition: Result<Condition> | null): TargetEntry {
  const error = condition !== null && isKpiError(condition) ? condition : undefined;
  const c = error === undefined ? (condition as Condition | null) : null;
  if (ordinal === undefined) return error === undefined ? { year, condition: c } : { year, condition: c, error };
  return error === undefined ? { year: null, ordinal, condition: c } : { year: null, ordinal, condition: c, error };
}

/** Where the separators at the end of `text[start, end)` begin (`end` when there are none). */
function separatorsFrom(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && SEPARATOR_CHARS.has(text[i - 1])) i--;
  return i;
}

/** `2026`, or `primo anno` for an ordinal entry, as messages name a year. */
export function yearLabel(e: { year: number | null; ordinal?: number }): string {
  if (e.year !== null) return String(e.year);
  return ordinalLabel(e.ordinal ?? 0);
}

/** A plan year by place as the plans write it: `secondo anno`, `7° anno` beyond the words. */
export function ordinalLabel(n: number): string {
  return `${ORDINAL_WORDS[n - 1] ?? `${n}°`} anno`;
}
