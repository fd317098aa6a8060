import { foldText } from "./plan/text";

/**
 * The words for what a roll-up does with a missing value, `skip` (renormalise the remaining
 * weights) or `zero` (count it as 0): the Regole sheet's *Valori mancanti* and the
 * `[missing]` argument of KPI.ROLLUP are documented as the same setting, so they read the
 * same words, folded the same way.
 */

/** Words for each choice, Italian and English; the first Italian one is what a sheet shows. */
export const MISSING_WORDS = {
  skip: { it: ["ignora", "salta", "escludi", "esclusi", "ignorati"], en: ["skip", "ignore"] },
  zero: { it: ["zero", "0", "conta zero", "contano 0", "contano zero"], en: ["zero", "count as zero"] },
} as const;

/**
 * A setting's word as it is compared: lower case, no accents, runs of spaces as one, no
 * spaces around slashes, brackets and `*`: `Sì` = `si`, `Contano  Zero` = `contano zero`.
 * @example foldWord(" Contano  ZERO ") // "contano zero"
 */
export function foldWord(text: string): string {
  return foldText(text).replace(/\s*([/()*])\s*/g, "$1");
}

/**
 * The missing-values choice a text names, `null` for any other text.
 * @example missingRuleOf("Ignorati")      // "skip"
 * @example missingRuleOf("count as zero") // "zero"
 * @example missingRuleOf("media")         // null
 */
export function missingRuleOf(text: string): "skip" | "zero" | null {
  const t = foldWord(text);
  for (const choice of ["skip", "zero"] as const) {
    const words = MISSING_WORDS[choice];
    if ([...words.it, ...words.en].some((w) => w === t)) return choice;
  }
  return null;
}
