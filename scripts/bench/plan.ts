/**
 * Plan import: `parsePlan` + `buildWorkbook` on the plan in seeds/ and on 100 copies of it
 * joined together (about 6 MB). The copies repeat the plan's codes, so the large plan also
 * reports every repeated node as a problem: that is accepted here, the parse speed is what is
 * measured. The baseline is a bare pass over the same text: split into lines and look at
 * each line once (its trimmed length and whether it has a tab), the least a line parser does.
 */
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import { seedText } from "./grids";
import { consume, timeSideBySide, type Timing } from "./timing";

export interface PlanResult {
  readonly copies: number;
  readonly kb: number;
  readonly parse: Timing;
  readonly build: Timing;
  readonly scan: Timing;
  readonly kpis: number;
  readonly problems: number;
}

function scanLines(text: string): number {
  let acc = 0;
  for (const line of text.split(/\r?\n/)) {
    acc += line.trim().length;
    if (line.includes("\t")) acc++;
  }
  return acc;
}

export function benchPlan(copies: number): PlanResult {
  const seed = seedText();
  const text = copies === 1 ? seed : Array.from({ length: copies }, () => seed).join("\n");
  const plan = parsePlan(text);
  const big = copies > 10;
  const [parse, build, scan] = timeSideBySide(
    [() => parsePlan(text), () => buildWorkbook(plan), () => scanLines(text)],
    big ? { warmup: 1, samples: 5, reps: 1 } : { warmup: 3, samples: 7, minSampleMs: 100 },
  );
  consume(plan);
  return {
    copies,
    kb: Buffer.byteLength(text, "utf8") / 1024,
    parse,
    build,
    scan,
    kpis: plan.kpis.length,
    problems: plan.problems.length,
  };
}
