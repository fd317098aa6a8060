/**
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
import { a1, rangeA1 } from "./a1";
import { DEFAULT_RULES } from "./achievement";
import { isKpiError } from "./errors";
import { formatMessage, type Lang, type MessageCode } from "./messages";
import { formatNumberIt, isNoneText, parseNumberText } from "./numbers";
import { normaliseHeader } from "./reader/headers";
import type { CellValue, MeasurementRules, Problem, SheetGrid } from "./types";
import type { CellSpec, RangeFormatSpec, SheetSpec } from "./workbook/description";

/** The sheet's name in each language; both are recognised when reading. */
export const RULES_SHEET: Readonly<Record<Lang, string>> = { it: "Impostazioni", en: "Settings" };

type RuleKey = "lowerIsBetter" | "threshold" | "red" | "amber" | "partialCredit" | "missing" | "monitoring";
const KEYS: readonly RuleKey[] = ["lowerIsBetter", "threshold", "red", "amber", "partialCredit", "missing", "monitoring"];

/** What each key is called on the sheet (first = the name written) and the accepted aliases. */
const KEY_NAMES: Readonly<Record<RuleKey, { readonly it: string; readonly en: string; readonly aliases: readonly string[] }>> = {
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
const UNIT_RULE_NAMES = {
  it: "Risultato unità",
  en: "Unit result",
  aliases: ["risultato unita", "risultato delle unita", "attribuzione unita", "unita", "unit result", "unit results", "units"],
} as const;
const UNIT_RULE_WORDS: Readonly<Record<UnitRule, { readonly it: readonly string[]; readonly en: readonly string[] }>> = {
  all: { it: ["tutte", "tutte le unità", "tutte le unita", "coinvolte"], en: ["all", "all units"] },
  lead: { it: ["capofila", "solo capofila", "prima", "responsabile"], en: ["lead", "lead unit", "first"] },
};

/** The body's name: not a rule, but the reports print it. */
const BODY_NAMES = { it: "Ente", en: "Body", aliases: ["ente", "amministrazione", "ente camerale", "body", "organisation", "organization"] } as const;

const KEY_LOOKUP: ReadonlyMap<string, RuleKey> = new Map(
  KEYS.flatMap((k) => KEY_NAMES[k].aliases.map((alias) => [alias, k] as const)),
);

/** Words for the choice values: the first of each list is what the sheet shows. */
const CHOICES = {
  ratio: { it: ["rapporto", "target/valore", "t/v"], en: ["ratio", "target/value"] },
  linear: { it: ["lineare", "(2t-v)/t", "2t-v/t"], en: ["linear"] },
  yes: { it: ["sì", "si", "vero", "1"], en: ["yes", "true", "on", "y"] },
  no: { it: ["no", "falso", "0"], en: ["false", "off", "n"] },
  skip: { it: ["ignora", "salta", "escludi", "esclusi", "ignorati"], en: ["skip", "ignore"] },
  zero: { it: ["zero", "0", "conta zero", "contano 0", "contano zero"], en: ["zero", "count as zero"] },
  none: { it: ["nessuno", "nessuna", "no"], en: ["none"] },
} as const;

type Choice = keyof typeof CHOICES;

function choiceOf(text: string, options: readonly Choice[]): Choice | null {
  const t = fold(text);
  for (const c of options) {
    if ([...CHOICES[c].it, ...CHOICES[c].en].some((w) => fold(w) === t)) return c;
  }
  return null;
}

/** Lower case, no accents, no spaces around slashes and brackets: `Sì` = `si`. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([/()*])\s*/g, "$1")
    .trim();
}

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
export function readRules(sheets: readonly SheetGrid[], options: { lang?: Lang } = {}): RulesRead {
  const sheet = findRulesSheet(sheets);
  if (!sheet) return { rules: DEFAULT_RULES, given: {}, problems: [], sheet: null, body: null, unitRule: "all" };
  return readRulesSheet(sheet, options);
}

/** Reads one settings sheet (see the module comment for its keys and values). */
export function readRulesSheet(sheet: SheetGrid, options: { lang?: Lang } = {}): RulesRead {
  const lang = options.lang ?? "it";
  const problems: Problem[] = [];
  const seen = new Map<RuleKey, string>();
  const given: { -readonly [K in keyof MeasurementRules]?: MeasurementRules[K] } = {};
  let red: { value: number; cell: string } | null = null;
  let amber: { value: number; cell: string } | null = null;
  let body: string | null = null;
  let unitRule: UnitRule = "all";
  let unitRuleSeen = false;
  const rowOffset = sheet.origin?.row ?? 0;
  const colOffset = sheet.origin?.col ?? 0;

  for (let r = 0; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    // The key is the first filled cell of the row, the value the next cell to its right.
    const k = cells.findIndex((c) => !isBlank(c));
    if (k < 0) continue;
    const keyCell = cells[k];
    const rawValue = cells[k + 1] ?? null;
    const keyText = typeof keyCell === "string" ? keyCell : String(keyCell);
    const key = KEY_LOOKUP.get(normaliseHeader(keyText)) ?? null;
    const cell = a1(r + rowOffset, k + 1 + colOffset);
    const format = sheet.formats?.[r]?.[k + 1] ?? null;
    if (key === null && (BODY_NAMES.aliases as readonly string[]).includes(normaliseHeader(keyText))) {
      if (body === null && !isBlank(rawValue)) body = display(rawValue as CellValue);
      continue;
    }
    if (key === null && (UNIT_RULE_NAMES.aliases as readonly string[]).includes(normaliseHeader(keyText))) {
      if (unitRuleSeen || isBlank(rawValue)) continue;
      unitRuleSeen = true;
      const t = fold(display(rawValue as CellValue));
      const found = (Object.keys(UNIT_RULE_WORDS) as UnitRule[]).find((u) => [...UNIT_RULE_WORDS[u].it, ...UNIT_RULE_WORDS[u].en].some((w) => fold(w) === t));
      if (found) unitRule = found;
      else {
        const expected = lang === "it" ? "tutte oppure capofila" : "all or lead";
        problems.push(problem("error", "RULES_BAD_VALUE", lang, { text: display(rawValue as CellValue), key: keyText.trim(), expected, default: UNIT_RULE_WORDS.all[lang][0] }, sheet.name, cell));
      }
      continue;
    }
    if (key === null) {
      // Titles, headers and notes have no value next to them; a key with a value is a typo.
      if (!isBlank(rawValue) && !isHeaderRow(keyText, rawValue)) {
        problems.push(
          problem("warning", "RULES_UNKNOWN_KEY", lang, { key: keyText.trim(), keys: KEYS.map((x) => KEY_NAMES[x][lang]).join(", ") }, sheet.name, a1(r + rowOffset, k + colOffset)),
        );
      }
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem("warning", "RULES_DUPLICATE_KEY", lang, { key: keyText.trim(), first }, sheet.name, cell));
      continue;
    }
    seen.set(key, cell);
    if (isBlank(rawValue)) continue;

    const bad = (expected: string, fallback: string) =>
      problems.push(
        problem("error", "RULES_BAD_VALUE", lang, { text: display(rawValue), key: keyText.trim(), expected, default: fallback }, sheet.name, cell),
      );
    const text = typeof rawValue === "string" ? rawValue : String(rawValue);
    switch (key) {
      case "lowerIsBetter": {
        const c = typeof rawValue === "string" ? choiceOf(text, ["ratio", "linear"]) : null;
        if (c === "ratio" || c === "linear") given.lowerIsBetter = c;
        else bad(expectedChoices(["ratio", "linear"], lang), choiceWord(DEFAULT_RULES.lowerIsBetter, lang));
        break;
      }
      case "partialCredit": {
        const c = typeof rawValue === "boolean" ? (rawValue ? "yes" : "no") : choiceOf(text, ["yes", "no"]);
        if (c === "yes" || c === "no") given.partialCredit = c === "yes";
        else bad(expectedChoices(["yes", "no"], lang), choiceWord(DEFAULT_RULES.partialCredit ? "yes" : "no", lang));
        break;
      }
      case "missing": {
        const c = typeof rawValue === "string" ? choiceOf(text, ["skip", "zero"]) : rawValue === 0 ? "zero" : null;
        if (c === "skip" || c === "zero") given.missing = c;
        else bad(expectedChoices(["skip", "zero"], lang), choiceWord(DEFAULT_RULES.missing, lang));
        break;
      }
      case "monitoring": {
        // "linear" is a word of two choices (lowerIsBetter's too): the same words serve here.
        const c = typeof rawValue === "string" ? choiceOf(text, ["linear", "none"]) : null;
        // `linear` is what an absent rule means: only `none` is kept, so rules read back equal.
        if (c === "none") given.monitoring = c;
        else if (c === "linear") break;
        else bad(expectedChoices(["linear", "none"], lang), choiceWord("linear", lang));
        break;
      }
      case "threshold": {
        if (typeof rawValue === "string" && (isNoneText(rawValue) || ["nessuna", "nessuno", "none", "no"].includes(fold(rawValue)))) {
          given.threshold = null;
          break;
        }
        const n = percentNumber(rawValue, format);
        if (n !== null) given.threshold = n;
        else bad(expectedNumber(lang, true), lang === "it" ? "nessuna" : "none");
        break;
      }
      case "red":
      case "amber": {
        const n = percentNumber(rawValue, format);
        const fallback = DEFAULT_RULES.bands[key];
        if (n === null) bad(expectedNumber(lang, false), num(fallback, lang));
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
          lang,
          { red: num(r, lang), amber: num(a, lang), defaultRed: num(DEFAULT_RULES.bands.red, lang), defaultAmber: num(DEFAULT_RULES.bands.amber, lang) },
          sheet.name,
          at ?? "",
        ),
      );
    } else {
      given.bands = { red: r, amber: a };
    }
  }

  return { rules: { ...DEFAULT_RULES, ...given }, given, problems, sheet: sheet.name, body, unitRule };
}

/** An achievement level 0..100: 70, "70", "70%", or 0,7 in a percent-formatted cell. */
function percentNumber(raw: CellValue, format: string | null | undefined): number | null {
  let n: number | null = null;
  if (typeof raw === "number") {
    n = format && format.replace(/"[^"]*"/g, "").includes("%") ? raw * 100 : raw;
  } else if (typeof raw === "string") {
    const p = parseNumberText(raw);
    if (p !== null && !isKpiError(p)) n = p.value;
  }
  if (n === null || !Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n * 1e9) / 1e9;
}

function isBlank(c: CellValue | undefined): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

function isHeaderRow(key: string, value: CellValue): boolean {
  const k = normaliseHeader(key);
  const v = typeof value === "string" ? normaliseHeader(value) : "";
  return ["impostazione", "impostazioni", "chiave", "regola", "setting", "settings", "key", "rule"].includes(k) && ["valore", "value"].includes(v);
}

function display(c: CellValue): string {
  return typeof c === "string" ? c.trim() : String(c);
}

function num(n: number, lang: Lang): string {
  return lang === "it" ? formatNumberIt(n) : String(n);
}

function choiceWord(c: Choice, lang: Lang): string {
  return CHOICES[c][lang][0];
}

function expectedChoices(cs: readonly Choice[], lang: Lang): string {
  const words = cs.map((c) => choiceWord(c, lang));
  return lang === "it" ? words.join(" oppure ") : words.join(" or ");
}

function expectedNumber(lang: Lang, blankAllowed: boolean): string {
  if (lang === "it") return blankAllowed ? "un numero da 0 a 100, oppure vuoto" : "un numero da 0 a 100";
  return blankAllowed ? "a number from 0 to 100, or blank" : "a number from 0 to 100";
}

function problem(
  severity: Problem["severity"],
  code: MessageCode,
  lang: Lang,
  params: Readonly<Record<string, string | number>>,
  sheet: string,
  cell: string,
): Problem {
  return { severity, code, message: formatMessage(code, lang, params), sheet, cell };
}

// ---------------------------------------------------------------- writing

/** What each row says it means, shown next to the value. */
const MEANINGS: Readonly<Record<Lang, Readonly<Record<RuleKey, string>>>> = {
  it: {
    lowerIsBetter:
      "Target con <= o < (minore è meglio): «rapporto» = target/valore; «lineare» = (2 × target − valore)/target. Esempio: target 10 giorni, valore 12: 83,33 oppure 80.",
    threshold: "Grado di raggiungimento (da 0 a 100) sotto il quale un KPI vale 0. Vuoto = nessuna soglia.",
    red: "Semaforo: sotto questo grado di raggiungimento è rosso.",
    amber: "Semaforo: sotto questo grado è giallo; da questo grado in su è verde.",
    partialCredit: "«sì» = raggiungimento proporzionale (valore/target, massimo 100); «no» = 100 se il target è raggiunto, altrimenti 0.",
    missing: "Nel calcolo delle medie: «ignora» = i KPI senza valore sono esclusi e i pesi ridistribuiti sugli altri; «zero» = contano 0.",
    monitoring:
      "A una data intermedia (es. 30/06): «lineare» = un KPI cumulativo (conteggi, importi con >=) deve aver raggiunto target × giorni trascorsi / giorni dell'anno; «nessuno» = nessuna quota attesa. Esempio: target 200, al 30/06/2026 atteso 200 × 181/365 = 99,18.",
  },
  en: {
    lowerIsBetter:
      "Targets with <= or < (lower is better): “ratio” = target/value; “linear” = (2 × target − value)/target. Example: target 10 days, value 12: 83.33 or 80.",
    threshold: "Achievement (0 to 100) below which a KPI scores 0. Blank = no threshold.",
    red: "Traffic light: red below this achievement.",
    amber: "Traffic light: amber below this achievement, green from it up.",
    partialCredit: "“yes” = proportional achievement (value/target, at most 100); “no” = 100 when the target is met, otherwise 0.",
    missing: "In the means: “skip” = KPIs without a value are left out and the weights renormalised; “zero” = they count as 0.",
    monitoring:
      "At an intermediate date (e.g. 30/06): “linear” = a cumulative KPI (counts, amounts with >=) is expected at target × elapsed days / days of the year; “none” = no share expected. Example: target 200, at 30/06/2026 expected 200 × 181/365 = 99.18.",
  },
};

const UNIT_RULE_MEANING: Readonly<Record<Lang, string>> = {
  it: "Schede unità: «tutte» = il risultato di un nodo conta per ogni unità organizzativa che vi partecipa; «capofila» = solo per la prima unità elencata.",
  en: "Unit scorecards: “all” = a node's result counts for every unit taking part in it; “lead” = only for the first unit listed.",
};

const SHEET_HEADERS: Readonly<Record<Lang, readonly [string, string, string]>> = {
  it: ["Impostazione", "Valore", "Significato"],
  en: ["Setting", "Value", "Meaning"],
};

/**
 * The settings sheet for a set of rules, in the workbook description's format: a header
 * row and one row per rule, values written as `readRulesSheet` reads them back.
 * @example rulesSheet(DEFAULT_RULES).cells[1] // ["Minore è meglio", "rapporto", "Target con <= ..."]
 */
export function rulesSheet(rules: Partial<MeasurementRules> = {}, options: { lang?: Lang; body?: string | null; unitRule?: UnitRule } = {}): SheetSpec {
  const lang = options.lang ?? "it";
  const r: MeasurementRules = { ...DEFAULT_RULES, ...rules, bands: { ...DEFAULT_RULES.bands, ...(rules.bands ?? {}) } };
  const value: Record<RuleKey, CellSpec> = {
    lowerIsBetter: choiceWord(r.lowerIsBetter, lang),
    threshold: r.threshold,
    red: r.bands.red,
    amber: r.bands.amber,
    partialCredit: choiceWord(r.partialCredit ? "yes" : "no", lang),
    missing: choiceWord(r.missing, lang),
    monitoring: choiceWord(r.monitoring ?? "linear", lang),
  };
  const cells: CellSpec[][] = [[...SHEET_HEADERS[lang]]];
  for (const k of KEYS) cells.push([KEY_NAMES[k][lang], value[k], MEANINGS[lang][k]]);
  cells.push([UNIT_RULE_NAMES[lang], UNIT_RULE_WORDS[options.unitRule ?? "all"][lang][0], UNIT_RULE_MEANING[lang]]);
  // The body's name goes last, so that the rules keep their rows whether it is there or not.
  if (options.body) cells.push([BODY_NAMES[lang], options.body, lang === "it" ? "Nome dell'amministrazione, stampato nella Relazione." : "The body's name, printed on the report."]);
  const last = cells.length;
  const numberRows = KEYS.map((k, i) => ({ k, row: i + 1 })).filter(({ k }) => k === "threshold" || k === "red" || k === "amber");
  const formats: RangeFormatSpec[] = [
    { range: rangeA1(0, 0, 0, 2), bold: true, fill: "DDEBF7" },
    { range: rangeA1(1, 0, last - 1, 0), bold: true, vertical: "top" },
    { range: rangeA1(1, 1, last - 1, 1), horizontal: "center", vertical: "top" },
    { range: rangeA1(1, 2, last - 1, 2), wrap: true, vertical: "top" },
    ...numberRows.map(({ row }) => ({ range: a1(row, 1), numberFormat: "0" })),
  ];
  const v = lang === "it"
    ? { title: "Valore non valido", error: "Un numero da 0 a 100.", promptTitle: "Da 0 a 100", prompt: "Grado di raggiungimento da 0 a 100." }
    : { title: "Invalid value", error: "A number from 0 to 100.", promptTitle: "0 to 100", prompt: "Achievement from 0 to 100." };
  return {
    name: RULES_SHEET[lang],
    cells,
    columns: [{ width: 22 }, { width: 14 }, { width: 90 }],
    frozenRows: 1,
    tables: [],
    formats,
    validations: numberRows.map(({ k, row }) => ({
      range: a1(row, 1),
      type: "decimal" as const,
      operator: "between" as const,
      min: 0,
      max: 100,
      allowBlank: k === "threshold",
      errorTitle: v.title,
      error: v.error,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
    })),
  };
}
