/**
 * The one catalogue of engine messages, Italian and English, gathered from its domains.
 * Adapters never write their own wording for an engine error: they render a message
 * reference with `describe` (./describe.ts), which reads its template here.
 */
import { ERROR_MESSAGES } from "./errors";
import { MONITORING_MESSAGES } from "./monitoring";
import { PLAN_MESSAGES } from "./plan";
import { ROLLUP_MESSAGES } from "./rollup";
import { WORKBOOK_MESSAGES } from "./workbook";

export type Lang = "it" | "en";

/** The shape of every domain's table: a code, and its template in each language. */
export type Catalogue = Readonly<Record<string, { readonly it: string; readonly en: string }>>;

export const MESSAGES = {
  ...ERROR_MESSAGES,
  ...PLAN_MESSAGES,
  ...WORKBOOK_MESSAGES,
  ...ROLLUP_MESSAGES,
  ...MONITORING_MESSAGES,
} as const;

export type MessageCode = keyof typeof MESSAGES;
