/**
 * Reading the settings sheet: each rule over its default, and a problem at the cell of every
 * value that cannot be read (the default then applies, so a typo never changes the results
 * silently). The sheet's keys and words are in ./vocabulary.ts.
 */
import { a1 } from "../a1";
import { completeRules, DEFAULT_RULES } from "../achievement";
import { isKpiError } from "../errors";
import { isBlankCell, SheetCells } from "../grid";
import type { Bilingual, MessageParam } from "../messages";
import { foldWord } from "../missing-words";
import { isNoneText, parseNumberText } from "../numbers";
import { problem, type Problem } from "../problem";
import { normaliseHeader } from "../reader/headers";
import type { CellValue, MeasurementRules, SheetGrid } from "../types";
import { isPercentFormat } from "../validate/percent-format";
import {
  BODY_NAMES,
  CHOICES,
  choiceOf,
  KEY_LOOKUP,
  KEY_NAMES,
  KEYS,
  RULES_SHEET,
  UNIT_RULE_NAMES,
  UNIT_RULE_WORDS,
  type Choice,
  type RuleKey,
  type UnitRule,
} from "./vocabulary";

export interface RulesRead {
  /** The rules to apply: the sheet's values over the defaults. */
  readonly rules: MeasurementRules;
  /** Only what the sheet set (for writing it back unchanged). */
  readonly given: Partial<MeasurementRules>;
  readonly problems: Problem[];
  /** The settings sheet's name, `null` when the workbook has none (defaults apply). */
  readonly sheet: string | null;
  /** The body's name (`Ente` row), when the sheet gives it. */
  readonly body: string | null;
  /** `Risultato unità`: which units a node's result counts for (default `all`). */
  readonly unitRule?: UnitRule;
}

/** The settings sheet of a workbook (`Impostazioni` or `Settings`, any case), if any. */
export function findRulesSheet(sheets: readonly SheetGrid[]): SheetGrid | null {
  const names = new Set(Object.values(RULES_SHEET).map((n) => normaliseHeader(n)));
  return sheets.find((s) => names.has(normaliseHeader(s.name))) ?? null;
}

/**
 * Reads the measurement rules from a workbook's settings sheet; without one, the defaults.
 * @example
 * readRules([{ name: "Impostazioni", values: [["Impostazione", "Valore"], ["Minore è meglio", "lineare"]] }])
 *   .rules.lowerIsBetter // "linear"
 */
export function readRules(sheets: readonly SheetGrid[]): RulesRead {
  const sheet = findRulesSheet(sheets);
  if (!sheet) return { rules: DEFAULT_RULES, given: {}, problems: [], sheet: null, body: null, unitRule: "all" };
  return readRulesSheet(sheet);
}

/** Reads one settings sheet (see the module comment for its keys and values). */
export function readRulesSheet(sheet: SheetGrid): RulesRead {
  const problems: Problem[] = [];
  const seen = new Map<RuleKey, string>();
  const given: { -readonly [K in keyof MeasurementRules]?: MeasurementRules[K] } = {};
  let red: { value: number; cell: string } | null = null;
  let amber: { value: number; cell: string } | null = null;
  let body: string | null = null;
  let unitRule: UnitRule = "all";
  let unitRuleSeen = false;
  const { rowOffset, colOffset } = new SheetCells(sheet);

  for (let r = 0; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    // The key is the first filled cell of the row, the value the next cell to its right.
    const k = cells.findIndex((c) => !isBlankCell(c));
    if (k < 0) continue;
    const keyCell = cells[k];
    const rawValue = cells[k + 1] ?? null;
    const keyText = typeof keyCell === "string" ? keyCell : String(keyCell);
    const key = KEY_LOOKUP.get(normaliseHeader(keyText)) ?? null;
    const cell = a1(r + rowOffset, k + 1 + colOffset);
    const format = sheet.formats?.[r]?.[k + 1] ?? null;
    if (key === null && (BODY_NAMES.aliases as readonly string[]).includes(normaliseHeader(keyText))) {
      if (body === null && !isBlankCell(rawValue)) body = display(rawValue as CellValue);
      continue;
    }
    if (key === null && (UNIT_RULE_NAMES.aliases as readonly string[]).includes(normaliseHeader(keyText))) {
      if (unitRuleSeen || isBlankCell(rawValue)) continue;
      unitRuleSeen = true;
      const t = foldWord(display(rawValue as CellValue));
      const found = (Object.keys(UNIT_RULE_WORDS) as UnitRule[]).find((u) => [...UNIT_RULE_WORDS[u].it, ...UNIT_RULE_WORDS[u].en].some((w) => foldWord(w) === t));
      if (found) unitRule = found;
      else {
        const expected = either(firstWords(UNIT_RULE_WORDS.all), firstWords(UNIT_RULE_WORDS.lead));
        const params = { text: display(rawValue as CellValue), key: keyText.trim(), expected, default: firstWords(UNIT_RULE_WORDS.all) };
        problems.push(problem("error", "RULES_BAD_VALUE", params, { sheet: sheet.name, cell }));
      }
      continue;
    }
    if (key === null) {
      // Titles, headers and notes have no value next to them; a key with a value is a typo.
      if (!isBlankCell(rawValue) && !isHeaderRow(keyText, rawValue)) {
        problems.push(
          problem("warning", "RULES_UNKNOWN_KEY", { key: keyText.trim(), keys: KEY_LIST }, { sheet: sheet.name, cell: a1(r + rowOffset, k + colOffset) }),
        );
      }
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem("warning", "RULES_DUPLICATE_KEY", { key: keyText.trim(), first }, { sheet: sheet.name, cell }));
      continue;
    }
    seen.set(key, cell);
    if (isBlankCell(rawValue)) continue;

    const bad = (expected: MessageParam, fallback: MessageParam) =>
      problems.push(problem("error", "RULES_BAD_VALUE", { text: display(rawValue), key: keyText.trim(), expected, default: fallback }, { sheet: sheet.name, cell }));
    const text = typeof rawValue === "string" ? rawValue : String(rawValue);
    switch (key) {
      case "lowerIsBetter": {
        const c = typeof rawValue === "string" ? choiceOf(text, ["ratio", "linear"]) : null;
        if (c === "ratio" || c === "linear") given.lowerIsBetter = c;
        else bad(either(choiceWords("ratio"), choiceWords("linear")), choiceWords(DEFAULT_RULES.lowerIsBetter));
        break;
      }
      case "partialCredit": {
        const c = typeof rawValue === "boolean" ? (rawValue ? "yes" : "no") : choiceOf(text, ["yes", "no"]);
        if (c === "yes" || c === "no") given.partialCredit = c === "yes";
        else bad(either(choiceWords("yes"), choiceWords("no")), choiceWords(DEFAULT_RULES.partialCredit ? "yes" : "no"));
        break;
      }
      case "missing": {
        const c = typeof rawValue === "string" ? choiceOf(text, ["skip", "zero"]) : rawValue === 0 ? "zero" : null;
        if (c === "skip" || c === "zero") given.missing = c;
        else bad(either(choiceWords("skip"), choiceWords("zero")), choiceWords(DEFAULT_RULES.missing));
        break;
      }
      case "monitoring": {
        // "linear" is a word of two choices (lowerIsBetter's too): the same words serve here.
        const c = typeof rawValue === "string" ? choiceOf(text, ["linear", "none"]) : null;
        // `linear` is what an absent rule means: only `none` is kept, so rules read back equal.
        if (c === "none") given.monitoring = c;
        else if (c === "linear") break;
        else bad(either(choiceWords("linear"), choiceWords("none")), choiceWords("linear"));
        break;
      }
      case "threshold": {
        if (typeof rawValue === "string" && (isNoneText(rawValue) || ["nessuna", "nessuno", "none", "no"].includes(foldWord(rawValue)))) {
          given.threshold = null;
          break;
        }
        const n = percentNumber(rawValue, format);
        if (n !== null) given.threshold = n;
        else bad({ code: "RULES_EXPECTED_PERCENT_OR_BLANK" }, { code: "RULES_NO_THRESHOLD" });
        break;
      }
      case "red":
      case "amber": {
        const n = percentNumber(rawValue, format);
        const fallback = DEFAULT_RULES.bands[key];
        if (n === null) bad({ code: "RULES_EXPECTED_PERCENT" }, { decimal: fallback });
        else if (key === "red") red = { value: n, cell };
        else amber = { value: n, cell };
        break;
      }
    }
  }

  // Bands: each one valid on its own, and red at most amber, else both fall back.
  if (red !== null || amber !== null) {
    const r = red?.value ?? DEFAULT_RULES.bands.red;
    const a = amber?.value ?? DEFAULT_RULES.bands.amber;
    if (r > a) {
      const at = (amber ?? red)?.cell;
      problems.push(
        problem(
          "error",
          "RULES_BANDS_ORDER",
          { red: { decimal: r }, amber: { decimal: a }, defaultRed: { decimal: DEFAULT_RULES.bands.red }, defaultAmber: { decimal: DEFAULT_RULES.bands.amber } },
          { sheet: sheet.name, cell: at ?? "" },
        ),
      );
    } else {
      given.bands = { red: r, amber: a };
    }
  }

  return { rules: completeRules(given), given, problems, sheet: sheet.name, body, unitRule };
}

/** An achievement level 0..100: 70, "70", "70%", or 0,7 in a percent-formatted cell. */
function percentNumber(raw: CellValue, format: string | null | undefined): number | null {
  let n: number | null = null;
  if (typeof raw === "number") {
    n = isPercentFormat(format) ? raw * 100 : raw;
  } else if (typeof raw === "string") {
    const p = parseNumberText(raw);
    if (p !== null && !isKpiError(p)) n = p.value;
  }
  if (n === null || !Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n * 1e9) / 1e9;
}

function isHeaderRow(key: string, value: CellValue): boolean {
  const k = normaliseHeader(key);
  const v = typeof value === "string" ? normaliseHeader(value) : "";
  return ["impostazione", "impostazioni", "chiave", "regola", "setting", "settings", "key", "rule"].includes(k) && ["valore", "value"].includes(v);
}

function display(c: CellValue): string {
  return typeof c === "string" ? c.trim() : String(c);
}

/** A choice's shown word in both languages, for a message. */
function choiceWords(c: Choice): Bilingual {
  return firstWords(CHOICES[c]);
}

function firstWords(words: { readonly it: readonly string[]; readonly en: readonly string[] }): Bilingual {
  return { it: words.it[0], en: words.en[0] };
}

/** "x oppure y" / "x or y": what a setting accepts. */
function either(first: MessageParam, second: MessageParam): MessageParam {
  return { code: "RULES_EITHER", params: { first, second } };
}

/** The keys' names, for the message about an unknown one. */
const KEY_LIST: MessageParam = { items: KEYS.map((k) => ({ it: KEY_NAMES[k].it, en: KEY_NAMES[k].en })), separator: ", " };
