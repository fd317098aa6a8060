import type { Lang } from "../../core";
import { CHECK_TEXT } from "./check";
import { DEMO_TEXT } from "./demo";
import { ERROR_TEXT } from "./errors";
import { HELP_TEXT } from "./help";
import { IMPORT_TEXT } from "./import";
import { REPORT_TEXT } from "./report";
import { SNAPSHOT_TEXT } from "./snapshot";

/**
 * The CLI's own words (usage, report headings, input errors), Italian and English, one
 * catalogue per concern in this folder, all in one style: `{ it: {...}, en: {...} } as const`,
 * the same keys in both. Commands read them merged, as `ctx.t`. Engine messages (problems)
 * come from src/core/messages.ts, never from here.
 */
export const CLI_TEXT = {
  it: { ...HELP_TEXT.it, ...ERROR_TEXT.it, ...CHECK_TEXT.it, ...IMPORT_TEXT.it, ...DEMO_TEXT.it, ...SNAPSHOT_TEXT.it, ...REPORT_TEXT.it },
  en: { ...HELP_TEXT.en, ...ERROR_TEXT.en, ...CHECK_TEXT.en, ...IMPORT_TEXT.en, ...DEMO_TEXT.en, ...SNAPSHOT_TEXT.en, ...REPORT_TEXT.en },
} as const;

export type CliText = (typeof CLI_TEXT)[Lang];

/**
 * The language: `--lang` when given, else English when LANG starts with "en", else Italian.
 * @example defaultLang({ LANG: "en_GB.UTF-8" }) // "en"
 */
export function defaultLang(env: Readonly<Record<string, string | undefined>>): Lang {
  return (env.LANG ?? "").toLowerCase().startsWith("en") ? "en" : "it";
}
