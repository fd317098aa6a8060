/**
 * The words of the settings sheet, in both languages: its keys, its choice values and the
 * sheet's name, read case- and accent-insensitively (./read.ts) and written (./sheet.ts).
 *
 * The measurement rules (the body's "Sistema di misurazione e valutazione della
 * performance") as they travel with the workbook: a sheet `Impostazioni` of key/value rows.
 *
 * | Impostazione      | Valore    | meaning                                                         |
 * |-------------------|-----------|-----------------------------------------------------------------|
 * | Minore è meglio   | rapporto  | `rapporto` = target/valore, `lineare` = (2·target − valore)/target |
 * | Soglia minima     | (vuoto)   | achievement below which a KPI scores 0; blank = none             |
 * | Soglia rosso      | 70        | below it the traffic light is red                                |
 * | Soglia giallo     | 90        | below it amber, from it green                                    |
 * | Credito parziale  | sì        | `sì` = value/target, `no` = 100 when met, otherwise 0            |
 * | Valori mancanti   | ignora    | `ignora` = left out, weights renormalised; `zero` = counted as 0 |
 * | Monitoraggio      | lineare   | at a date such as 30/06: `lineare` = a cumulative KPI is expected at target × elapsed days / days of the year; `nessuno` = no share expected |
 *
 * Keys and values are read case- and accent-insensitively, in Italian or English
 * (`Lower is better: ratio|linear`, `Threshold`, `Red below`, `Amber below`,
 * `Partial credit: yes|no`, `Missing values: skip|zero`). A blank value means the default
 * (for `Soglia minima`: no threshold). A bad value is an error with its cell and the
 * default applies, so a typo never silently changes the results.
 *
 * An optional `Ente` row (English `Body`) names the body for the reports.
 *
 * `Risultato unità` (English `Unit result`) says which units a node's result counts for in
 * the unit scorecards (src/core/scorecards.ts): `tutte` (default; every unit the node lists)
 * or `capofila` (only the lead unit, the first listed); English `all` or `lead`.
 */
import type { Lang } from "../messages";
import { foldWord, MISSING_WORDS } from "../missing-words";

/** The sheet's name in each language; both are recognised when reading. */
export const RULES_SHEET: Readonly<Record<Lang, string>> = { it: "Impostazioni", en: "Settings" };

export type RuleKey = "lowerIsBetter" | "threshold" | "red" | "amber" | "partialCredit" | "missing" | "monitoring";
export const KEYS: readonly RuleKey[] = ["lowerIsBetter", "threshold", "red", "amber", "partialCredit", "missing", "monitoring"];

/** What each key is called on the sheet (first = the name written) and the accepted aliases. */
export const KEY_NAMES: Readonly<Record<RuleKey, { readonly it: string; readonly en: string; readonly aliases: readonly string[] }>> = {
  lowerIsBetter: {
    it: "Minore è meglio",
    en: "Lower is better",
    aliases: ["minore e meglio", "regola minore e meglio", "target decrescenti", "lower is better", "lowerisbetter", "lower better"],
  },
  threshold: {
    it: "Soglia minima",
    en: "Minimum threshold",
    aliases: ["soglia minima", "soglia", "soglia di accesso", "minimum threshold", "threshold"],
  },
  red: {
    it: "Soglia rosso",
    en: "Red below",
    aliases: ["soglia rosso", "rosso sotto", "fascia rossa sotto", "rosso", "red below", "red", "bands red"],
  },
  amber: {
    it: "Soglia giallo",
    en: "Amber below",
    aliases: ["soglia giallo", "giallo sotto", "fascia gialla sotto", "giallo", "soglia ambra", "amber below", "amber", "yellow below", "yellow", "bands amber"],
  },
  partialCredit: {
    it: "Credito parziale",
    en: "Partial credit",
    aliases: ["credito parziale", "raggiungimento parziale", "punteggio parziale", "partial credit", "partialcredit"],
  },
  missing: {
    it: "Valori mancanti",
    en: "Missing values",
    aliases: ["valori mancanti", "dati mancanti", "mancanti", "missing values", "missing"],
  },
  monitoring: {
    it: "Monitoraggio",
    en: "Monitoring",
    aliases: ["monitoraggio", "regola di monitoraggio", "monitoraggio intermedio", "monitoring", "monitoring rule"],
  },
};

/** Which units a node's result counts for in the unit scorecards: not an achievement rule. */
export type UnitRule = "all" | "lead";
export const UNIT_RULE_NAMES = {
  it: "Risultato unità",
  en: "Unit result",
  aliases: ["risultato unita", "risultato delle unita", "attribuzione unita", "unita", "unit result", "unit results", "units"],
} as const;
export const UNIT_RULE_WORDS: Readonly<Record<UnitRule, { readonly it: readonly string[]; readonly en: readonly string[] }>> = {
  all: { it: ["tutte", "tutte le unità", "tutte le unita", "coinvolte"], en: ["all", "all units"] },
  lead: { it: ["capofila", "solo capofila", "prima", "responsabile"], en: ["lead", "lead unit", "first"] },
};

/** The body's name: not a rule, but the reports print it. */
export const BODY_NAMES = { it: "Ente", en: "Body", aliases: ["ente", "amministrazione", "ente camerale", "body", "organisation", "organization"] } as const;

export const KEY_LOOKUP: ReadonlyMap<string, RuleKey> = new Map(
  KEYS.flatMap((k) => KEY_NAMES[k].aliases.map((alias) => [alias, k] as const)),
);

/** Words for the choice values: the first of each list is what the sheet shows. */
export const CHOICES = {
  ratio: { it: ["rapporto", "target/valore", "t/v"], en: ["ratio", "target/value"] },
  linear: { it: ["lineare", "(2t-v)/t", "2t-v/t"], en: ["linear"] },
  yes: { it: ["sì", "si", "vero", "1"], en: ["yes", "true", "on", "y"] },
  no: { it: ["no", "falso", "0"], en: ["false", "off", "n"] },
  // The same words as KPI.ROLLUP's [missing] argument: one setting, one list.
  skip: MISSING_WORDS.skip,
  zero: MISSING_WORDS.zero,
  none: { it: ["nessuno", "nessuna", "no"], en: ["none"] },
} as const;

export type Choice = keyof typeof CHOICES;

/**
 * The choice a value names, in either language (`Sì`, `yes`, `vero` are `yes`).
 * @example choiceOf("Lineare", ["ratio", "linear"]) // "linear"
 */
export function choiceOf(text: string, options: readonly Choice[]): Choice | null {
  const t = foldWord(text);
  for (const c of options) {
    if ([...CHOICES[c].it, ...CHOICES[c].en].some((w) => foldWord(w) === t)) return c;
  }
  return null;
}

/**
 * The word a choice is written with on a sheet in a language.
 * @example choiceWord("skip", "it") // "ignora"
 */
export function choiceWord(c: Choice, lang: Lang): string {
  return CHOICES[c][lang][0];
}
