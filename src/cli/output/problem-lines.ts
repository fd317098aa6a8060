import { describe, type Lang, type Problem } from "../../core";
import { CLI_TEXT } from "../i18n";
import { LIMITS } from "../limits";

/**
 * The problem list of the CLI's readable outputs (`kpi check`, `kpi import`): one line per
 * problem, `severity  where  message`, at most `LIMITS.listedProblems` of them and a count of
 * the rest (the JSON outputs have them all). One place, so both commands list alike.
 */

/**
 * The lines for `problems`, in the order given; `where` names the place (a cell, a plan line)
 * and is padded to `width`.
 * @example problemLines([{ severity: "error", code: "WEIGHTS_SUM", params: {} }], () => "A!E5", 12, "it")
 * // ["  errore  A!E5         ..."]
 */
export function problemLines(problems: readonly Problem[], where: (p: Problem) => string, width: number, lang: Lang): string[] {
  const t = CLI_TEXT[lang];
  const out = problems.slice(0, LIMITS.listedProblems).map((p) => `  ${t.severity[p.severity].padEnd(7)} ${where(p).padEnd(width)} ${describe(p, lang)}`);
  if (problems.length > LIMITS.listedProblems) out.push(t.moreProblems(problems.length - LIMITS.listedProblems));
  return out;
}
