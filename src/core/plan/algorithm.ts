import type { AlgorithmKind, TargetEntry } from "../types";
import { foldText, normaliseSpaces } from "./text";

/**
 * Classification of the plan's "Algoritmo" texts. The rules, in order (first match wins):
 *
 * 1. `weighted_mean`: mentions "media ponderata" (with or without `*100`:
 *    `Media ponderata delle azioni*100`, `Media ponderata delle azioni`).
 * 2. `trend_pct`: a year-over-year difference over the previous year, times 100:
 *    `(X(t)-X(t-1))/X(t-1)*100`.
 * 3. `satisfaction`: "grado di soddisfazione", "customer satisfaction", "gradimento".
 * 4. `deadline`: "realizzazione attività" (an activity done by a date).
 * 5. `share_pct`: a division ending in `*100` (`Posizioni verificate/Posizioni da verificare*100`,
 *    also `X(t)/X(t-1)*100`).
 * 6. `ratio`: any other division (`Patrimonio netto/Immobilizzazioni nette`, `X(t)/X(t-1)`).
 * 7. `count`: starts with "Numero", "N.", "N°", "Totale"/"Totali" (`Numero eventi`).
 * 8. `direct`: anything else (`Indice di tempestività dei pagamenti`).
 *
 * A slash between two lower-case words (`eventi/iniziative`, `informativo/formativo`) means
 * "or", not a division, so `Numero eventi/iniziative di sensibilizzazione` is a count.
 * The text alone cannot tell every deadline: `kpiAlgorithmKind` also looks at the target.
 */

/** `(t)` and `(t-1)`, spaces allowed. */
const T_NOW = /\(\s*t\s*\)/i;
const T_PREV = /\(\s*t\s*-\s*1\s*\)/i;
const TIMES_100 = /\*\s*100\s*$/;

/**
 * The kind of computation an algorithm text describes (see the rules above).
 * @example classifyAlgorithm("(Numero soggetti(t)-Numero soggetti(t-1))/Numero soggetti(t-1)*100") // "trend_pct"
 * @example classifyAlgorithm("Numero soggetti(t)/Numero soggetti(t-1)") // "ratio"
 * @example classifyAlgorithm("Media ponderata delle azioni*100")       // "weighted_mean"
 */
export function classifyAlgorithm(text: string): AlgorithmKind {
  // "× 100" and ") x 100" are written for "*100" too.
  const raw = normaliseSpaces(text)
    .replace(/(?:×|(?<=[\s)])[xX])(?=\s*100\s*$)/, "*")
    .trim();
  const folded = foldText(raw);
  if (folded.includes("media ponderata")) return "weighted_mean";
  if (isTrendPct(raw)) return "trend_pct";
  if (/grado di soddisfazione|customer satisfaction|gradimento|soddisfazione/.test(folded)) {
    return "satisfaction";
  }
  if (/realizzazione (?:dell[ae'] ?|delle )?attivita/.test(folded)) return "deadline";
  if (hasDivision(raw)) return TIMES_100.test(raw) ? "share_pct" : "ratio";
  if (/^(?:numero|totale|totali)\b|^n\s*[.°º]/.test(folded)) return "count";
  return "direct";
}

/**
 * True when the algorithm compares a measure with its value of the previous year
 * (`X(t)` and `X(t-1)`): such KPIs get one raw measure column per year in the workbook.
 * @example isYearOverYear("Numero soggetti(t)/Numero soggetti(t-1)") // true
 * @example isYearOverYear("Proventi/Costi*100")                       // false
 */
export function isYearOverYear(text: string): boolean {
  return T_NOW.test(text) && T_PREV.test(text);
}

/**
 * The kind of a KPI row: the algorithm's kind, except that a row whose target is only
 * dates (`<= 31/10/2021`) is a `deadline` whatever its algorithm says
 * (`Proposta agli organi competenti per l'approvazione`, `Report monitoraggio ...`).
 * @example kpiAlgorithmKind("Report monitoraggio", [{ year: null, condition: { op: "<=", value: 44347, unit: "date" } }]) // "deadline"
 */
export function kpiAlgorithmKind(algorithm: string, targets: readonly TargetEntry[]): AlgorithmKind {
  const conditions = targets.flatMap((e) => (e.condition ? [e.condition] : []));
  if (conditions.length > 0 && conditions.every((c) => c.unit === "date")) return "deadline";
  return classifyAlgorithm(algorithm);
}

function isTrendPct(raw: string): boolean {
  // (X(t) - X(t-1)) / X(t-1) * 100: a difference with the previous year, divided, times 100.
  return isYearOverYear(raw) && /\(\s*t\s*\)\s*-/.test(raw) && raw.includes("/") && TIMES_100.test(raw);
}

/**
 * A real division: a slash with a space on one side, or followed by a capital letter, a
 * digit or a bracket. `eventi/iniziative` (lower case on both sides, no spaces) is "or".
 */
function hasDivision(raw: string): boolean {
  return /\s\/|\/\s|\/\s*[A-ZÀ-Ý0-9(]|\)\s*\//.test(raw);
}
