/**
 * Custom functions: 1,000,000 calls of KPI.TARGET_MET and KPI.ACHIEVEMENT (the exported
 * functions of src/functions/functions.ts, with a stand-in `CustomFunctions` global) over 50
 * distinct target texts, against 1,000,000 plain numeric comparisons of the same values with
 * the same thresholds already parsed. The same loop without the target cache (the target
 * text parsed on every call) shows what "parse once, reuse" saves.
 */
import { achievement, conditionForYear, isKpiError, isMet, parseTarget, type Condition } from "../../src/core";
import { cell, measured, year } from "../../src/functions/coerce";
import { orRaise, run } from "../../src/functions/excel-errors";
import { clearTargetCache, targetCacheSize } from "../../src/functions/target-cache";
import { installCustomFunctions } from "../../tests/support/custom-functions";
import { seedTemplates } from "./grids";
import { timeSideBySide, type Timing } from "./timing";

installCustomFunctions();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const functions = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

export const CALLS = 1_000_000;
const TARGETS = 50;
const PAIRS = 1000;
const YEAR = 2022;

interface Pair {
  readonly value: number;
  readonly target: string;
  readonly condition: Condition;
}

/** 50 distinct target texts with a condition for 2022: the seed's own, then variants. */
export function targetTexts(): string[] {
  const { layout, templates } = seedTemplates();
  const cols = [layout.targetAll, ...layout.years.map((y) => y.target)];
  const texts = new Set<string>();
  for (const t of templates) {
    for (const c of cols) {
      const v = t.row[c];
      if (typeof v === "string") texts.add(v);
    }
  }
  const usable = [...texts].filter((t) => {
    const parsed = parseTarget(t);
    return !isKpiError(parsed) && !isKpiError(conditionForYear(parsed, YEAR));
  });
  for (let k = 1; usable.length < TARGETS; k++) {
    const variants = [
      `>= ${k * 3}%`,
      `<= ${k},5`,
      `entro il ${String((k % 28) + 1).padStart(2, "0")}/06/2022`,
      `Anno: 2021 >= +${k}% Anno: 2022 >= +${k + 2}% Anno: 2023 ---`,
    ];
    for (const v of variants) if (usable.length < TARGETS && !usable.includes(v)) usable.push(v);
  }
  return usable.slice(0, TARGETS);
}

function pairs(): Pair[] {
  const texts = targetTexts();
  const out: Pair[] = [];
  for (let p = 0; p < PAIRS; p++) {
    const target = texts[p % texts.length];
    const condition = orRaise(conditionForYear(orRaise(parseTarget(target)), YEAR));
    const spread = 0.7 + ((p * 37) % 60) / 100;
    const value = condition.unit === "date" ? Math.round(condition.value + (spread - 1) * 60) : Math.round(condition.value * spread * 100) / 100;
    out.push({ value, target, condition });
  }
  return out;
}

/** A plain comparison, as `=A1>=B1` would do it, not inlined into the loop. */
function compare(value: number, threshold: number): boolean {
  return value >= threshold;
}

/** KPI.TARGET_MET's body with the target parsed on every call (no cache). */
function targetMetUncached(value: unknown, target: unknown, y: unknown): boolean {
  return run(() => {
    const c = orRaise(conditionForYear(orRaise(parseTarget(cell(target))), year(y)));
    return isMet(measured(value, c), c);
  });
}

function achievementUncached(value: unknown, target: unknown, y: unknown): number {
  return run(() => {
    const c = orRaise(conditionForYear(orRaise(parseTarget(cell(target))), year(y)));
    return achievement(measured(value, c), c);
  });
}

export interface FunctionsResult {
  readonly baseline: Timing;
  readonly targetMet: Timing;
  readonly achievement: Timing;
  readonly targetMetUncached: Timing;
  readonly achievementUncached: Timing;
  readonly distinctTargets: number;
  readonly cacheEntries: number;
}

export function benchFunctions(): FunctionsResult {
  const ps = pairs();
  const values = ps.map((p) => p.value);
  const thresholds = ps.map((p) => p.condition.value);
  const targets = ps.map((p) => p.target);
  const n = ps.length;
  const loop = (call: (i: number) => boolean | number) => () => {
    let acc = 0;
    for (let i = 0; i < CALLS; i++) acc += Number(call(i % n));
    return acc;
  };
  clearTargetCache();
  const [baseline, targetMet, ach] = timeSideBySide(
    [
      loop((p) => compare(values[p], thresholds[p])),
      loop((p) => functions.TARGET_MET(values[p], targets[p], YEAR)),
      loop((p) => functions.ACHIEVEMENT(values[p], targets[p], YEAR)),
    ],
    { warmup: 2, samples: 7, reps: 1 },
  );
  const cacheEntries = targetCacheSize();
  const [targetMetNoCache, achNoCache] = timeSideBySide(
    [loop((p) => targetMetUncached(values[p], targets[p], YEAR)), loop((p) => achievementUncached(values[p], targets[p], YEAR))],
    { warmup: 0, samples: 3, reps: 1 },
  );
  return {
    baseline,
    targetMet,
    achievement: ach,
    targetMetUncached: targetMetNoCache,
    achievementUncached: achNoCache,
    distinctTargets: new Set(targets).size,
    cacheEntries,
  };
}
