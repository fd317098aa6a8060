import type { Lang } from "../../core";
import { en } from "./en";
import { it, type Strings } from "./it";

export type { Strings };

export const CATALOGUES: Readonly<Record<Lang, Strings>> = { it, en };

/**
 * The pane's language from Office's UI language (`Office.context.displayLanguage`, e.g.
 * "it-IT"): Italian for Italian, English for every other language; Italian when unknown,
 * because the add-in is made for Italian public bodies.
 * @example langOf("en-GB") // "en"
 * @example langOf(undefined) // "it"
 */
export function langOf(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return "it";
  return displayLanguage.toLowerCase().startsWith("it") ? "it" : "en";
}

/**
 * Fills `{name}` placeholders. Unknown placeholders stay visible (a missing parameter is a
 * bug to see, not to hide).
 * @example fmt("Anno: {year}", { year: 2022 }) // "Anno: 2022"
 */
export function fmt(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A count with its noun in the right form: the catalogue's `<noun>One` for 1, `<noun>Many`
 * for every other number (Italian and English agree on that rule).
 * @example countText(it, "tables", 1, "it") // "1 tabella"
 */
export function countText(strings: Strings, noun: "kpiRows" | "tables", n: number, lang: Lang): string {
  return fmt(n === 1 ? strings[`${noun}One`] : strings[`${noun}Many`], { n: formatNumber(n, lang) });
}

/**
 * A number the way the language writes it (`1.234,5` / `1,234.5`), at most `decimals` decimals.
 * @example formatNumber(1234.5, "it") // "1234,5"
 */
export function formatNumber(n: number, lang: Lang, decimals = 2): string {
  const grouping = Math.abs(n) >= 10000;
  // Building an Intl.NumberFormat costs far more than using one: a list of 50,000 KPIs
  // formats 100,000 numbers, so each formatter is made once.
  const key = `${lang}|${decimals}|${grouping}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-US", { maximumFractionDigits: decimals, useGrouping: grouping });
    FORMATTERS.set(key, f);
  }
  return f.format(n);
}

const FORMATTERS = new Map<string, Intl.NumberFormat>();
