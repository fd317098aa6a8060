/**
 * Writing the settings sheet in a language: one row per rule with its value and what it
 * means, as ./read.ts reads it back.
 */
import { a1, rangeA1 } from "../a1";
import { completeRules } from "../achievement";
import type { Lang } from "../messages";
import type { MeasurementRules } from "../types";
import type { CellSpec, RangeFormatSpec, SheetSpec } from "../workbook/description";
import { BODY_NAMES, choiceWord, KEY_NAMES, KEYS, RULES_SHEET, UNIT_RULE_NAMES, UNIT_RULE_WORDS, type RuleKey, type UnitRule } from "./vocabulary";

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
  const r: MeasurementRules = completeRules(rules);
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
