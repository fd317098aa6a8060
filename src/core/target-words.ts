import { kpiError, type Result } from "./errors";
import { isNoneText } from "./numbers";
import type { CellValue, Op } from "./types";

/**
 * The words plans use in a target cell instead of symbols: operators (`almeno`, `non inferiore
 * a`), done / not done (`SI`, `NO`) and plan years by their place (`primo anno`). Kept apart from
 * the grammar in `targets.ts` so that adding a wording found in a new plan is one line here.
 */

/** Articles and prepositions that may follow an operator word: `pari al 90%`, `superiore a 5`, `almeno il 90%`. */
const PREP = String.raw`(?:\s+(?:a|ad|al|alla|allo|ai|agli|alle|di|del|dello|della|dei|degli|delle|il|lo|la|i|gli|le)(?![\p{L}])|\s+(?:all|dell|l)['’]|\s+a\s+quell[oa]\s+(?:di|del|della))?`;

/** Operator words, longest first: `maggiore o uguale a` must win over `maggiore`. */
const WORDS: ReadonlyArray<readonly [string, Op]> = [
  [String.raw`(?:maggiore|superiore|pari)\s+o\s+(?:uguale|superiore|maggiore)`, ">="],
  [String.raw`(?:minore|inferiore|pari)\s+o\s+(?:uguale|inferiore|minore)`, "<="],
  [String.raw`non\s+(?:inferiore|minore)`, ">="],
  [String.raw`non\s+(?:superiore|maggiore)`, "<="],
  [String.raw`non\s+meno\s+di`, ">="],
  [String.raw`non\s+più\s+di`, "<="],
  [String.raw`almeno|minimo|min\.`, ">="],
  [String.raw`al\s+massimo|massimo|max\.|fino\s+a(?:l|lla|d)?`, "<="],
  [String.raw`(?:superiore|maggiore)|oltre|più\s+di`, ">"],
  [String.raw`(?:inferiore|minore)|meno\s+di`, "<"],
  [String.raw`(?:pari|uguale|uguali)`, "="],
];

const WORD_RES: ReadonlyArray<readonly [RegExp, Op]> = WORDS.map(([w, op]) => [new RegExp(`^(?:${w})(?![\\p{L}])${PREP}\\s*`, "iu"), op]);

/**
 * The operator a target starts with in words, and how many characters the words take.
 * @example operatorWords("non inferiore al 90%") // { op: ">=", length: 17 }
 * @example operatorWords("circa 10")             // null
 */
export function operatorWords(s: string): { op: Op; length: number } | null {
  for (const [re, op] of WORD_RES) {
    const m = re.exec(s);
    if (m) return { op, length: m[0].length };
  }
  return null;
}

/** `10 o più`, `90% o superiore`: the operator written after the number. */
const TRAILING_WORDS: ReadonlyArray<readonly [RegExp, Op]> = [
  [/^(.*?)\s+o\s+(?:più|superiore|maggiore|oltre)$/iu, ">="],
  [/^(.*?)\s+o\s+(?:meno|inferiore|minore)$/iu, "<="],
];

/**
 * The operator a target ends with in words, and the text before it.
 * @example trailingOperatorWords("10 o più") // { op: ">=", operand: "10" }
 */
export function trailingOperatorWords(s: string): { op: Op; operand: string } | null {
  for (const [re, op] of TRAILING_WORDS) {
    const m = re.exec(s);
    if (m) return { op, operand: m[1] };
  }
  return null;
}

/**
 * Done / not done as a target: `SI`, `Sì`, `SÌ`, `si` are 1, `NO` is 0; `null` for anything else.
 * @example yesNo("Sì") // 1
 */
export function yesNo(s: string): 1 | 0 | null {
  const t = s.trim().replace(/\.$/, "").toLowerCase();
  if (t === "si" || t === "sì" || t === "sí") return 1;
  if (t === "no") return 0;
  return null;
}

/** Plan years by their place, as `Target primo anno:` headers write them. */
export const ORDINAL_WORDS: readonly string[] = ["primo", "secondo", "terzo", "quarto", "quinto"];

const ROMAN: ReadonlyMap<string, number> = new Map([["i", 1], ["ii", 2], ["iii", 3], ["iv", 4], ["v", 5]]);

/**
 * The place of a plan year written as `primo`, `2°`, `III`; `null` when it is none of these.
 * @example ordinalNumber("secondo") // 2
 * @example ordinalNumber("3°")      // 3
 */
export function ordinalNumber(word: string): number | null {
  const w = word.trim().toLowerCase();
  const i = ORDINAL_WORDS.indexOf(w);
  if (i >= 0) return i + 1;
  const roman = ROMAN.get(w);
  if (roman !== undefined) return roman;
  const digits = /^([1-9])\s*[°º]$/.exec(w);
  return digits ? Number(digits[1]) : null;
}

/** The regular-expression source matching what `ordinalNumber` reads. */
export const ORDINAL_SOURCE = String.raw`primo|secondo|terzo|quarto|quinto|[1-9]\s*[°º]|iv|v|iii|ii|i`;

const YES_VALUES = new Set(["si", "sì", "sí", "x", "fatto", "realizzato", "vero", "true"]);
const NO_VALUES = new Set(["no", "non fatto", "non realizzato", "falso", "false"]);

/**
 * A measured cell as done (1) / not done (0), for a `SI`/`NO` target: 1, TRUE, `SI`, `Sì`,
 * `fatto`, `realizzato` are done; 0, FALSE, `NO` are not; blank and `---` are `null` (not
 * measured yet). Any other number or text is a `VALUE_NOT_YES_NO` error quoting it.
 * @example readYesNo("Sì") // 1
 * @example readYesNo(false) // 0
 */
export function readYesNo(x: CellValue | undefined): Result<1 | 0 | null> {
  if (x === null || x === undefined) return null;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "number") return x === 1 ? 1 : x === 0 ? 0 : kpiError("VALUE_NOT_YES_NO", { text: String(x) });
  const t = x.trim().replace(/\.$/, "").toLowerCase();
  if (isNoneText(t)) return null;
  if (YES_VALUES.has(t) || t === "1") return 1;
  if (NO_VALUES.has(t) || t === "0") return 0;
  return kpiError("VALUE_NOT_YES_NO", { text: x.trim() });
}
