/**
 * The renderer of the catalogue: a message reference (a code and its parameters) becomes
 * text in one language. Problems and errors stay references while the engine works, so that
 * one analysis can be shown in Italian and in English; only adapters, and the core modules
 * whose job is writing a document in a language (report/, workbook/), call `describe`.
 */
import { NO_OWNER_CODE } from "../rollup/owners";
import { formatNumberIt } from "../numbers";
import { MESSAGES, type Lang, type MessageCode } from "./catalogue";
import { fillTemplate } from "./template";

/** A message of the catalogue with its parameters, not yet in a language. */
export interface MessageRef {
  readonly code: MessageCode;
  readonly params?: MessageParams;
}

/** A number written with the language's decimal separator (`12,5` in Italian, `12.5` in English). */
export interface Decimal {
  readonly decimal: number;
}

/** A word the engine knows in both languages (a setting's name, a choice), chosen at rendering. */
export interface Bilingual {
  readonly it: string;
  readonly en: string;
}

/** Parameters rendered one after the other with a separator (`"; "`, `", "`, `""`). */
export interface MessageList {
  readonly items: readonly MessageParam[];
  readonly separator: string;
}

/** A parameter: plain data written as it is, or a part rendered in the message's language. */
export type MessageParam = string | number | MessageRef | Decimal | Bilingual | MessageList;

export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * Fills a catalogue entry's placeholders, rendering nested references in the same language.
 * `{rows|riga|righe}` writes the count with the singular or the plural word ("1 riga",
 * "3 righe"), so that no message says "1 righe". Unknown placeholders are left visible on purpose.
 * @example formatMessage("PLAN_TABLE_NO_OWNER", "en", { rows: 1 }) // "… before it: 1 row ignored."
 */
export function formatMessage(code: MessageCode, lang: Lang, params: MessageParams = {}): string {
  return fillTemplate(MESSAGES[code][lang], params, (p) => describeParam(p, lang), countOf);
}

/**
 * A problem, an engine error or any message reference as text in one language.
 * @example describe({ code: "VALUE_MISSING", params: { year: 2022 } }, "en") // "Missing value for 2022."
 * @example describe({ code: "WEIGHTS_OVER", params: { amount: { decimal: 2.5 } } }, "it") // "2,5 in più"
 */
export function describe(ref: MessageRef, lang: Lang): string {
  return formatMessage(ref.code, lang, ref.params);
}

/**
 * One parameter as text in a language.
 * @example describeParam({ items: [{ decimal: 0.5 }, "x"], separator: "; " }, "it") // "0,5; x"
 */
export function describeParam(p: MessageParam, lang: Lang): string {
  if (typeof p === "string") return p;
  if (typeof p === "number") return String(p);
  if ("code" in p) return describe(p, lang);
  if ("decimal" in p) return lang === "it" ? formatNumberIt(p.decimal) : String(p.decimal);
  if ("items" in p) return p.items.map((item) => describeParam(item, lang)).join(p.separator);
  return p[lang];
}

function countOf(p: MessageParam): number | null {
  if (typeof p === "number") return p;
  return typeof p === "object" && "decimal" in p ? p.decimal : null;
}

/**
 * The owner of a roll-up node as the user reads it: its code, or `(senza codice)` /
 * `(no code)` for the node gathering the KPI rows that name no owner.
 * @example ownerLabel("A.1", "it") // "A.1"
 * @example ownerLabel(NO_OWNER_CODE, "en") // "(no code)"
 */
export function ownerLabel(code: string, lang: Lang): string {
  return code === NO_OWNER_CODE ? MESSAGES.NO_OWNER[lang] : code;
}
