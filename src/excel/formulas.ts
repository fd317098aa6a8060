import { a1 } from "../core";
import italian from "../functions/i18n/it.json";

/**
 * Writing a formula that calls the add-in's functions (`KPI.*`) so that Excel recognises it
 * in every display language.
 *
 * Why: `range.formulas` takes the English (invariant) form, and Excel translates the built-in
 * names itself, but not the add-in's: with the Italian names active (display language it-*)
 * a formula written as `KPI.TREND_PCT(...)` has been reported to come back `#NAME?`
 * (office-js issue 891). `range.formulasLocal` takes the formula "in the user's language and
 * number-formatting locale" (Microsoft's reference: `=SUM(A1, 1.5)` is `=SUMME(A1; 1,5)` in
 * German), so there the Italian name works.
 *
 * So, for each cell with a `KPI.*` formula: the preferred form is written (the local Italian
 * form when Italian names are active, else the English one) and its value is read back in
 * the same sync; a cell that answers `#NAME?` is written again in the other form, in ONE more
 * sync for all of them. Formulas without `KPI.*` are left to the caller's `range.formulas`.
 *
 * The local form is built here, for the built-in functions listed in `IT_BUILTINS` (a formula
 * using another built-in is written in English only, as before): Italian names, `;` between
 * arguments when the decimal separator is a comma, and `1,5` for `1.5`.
 */

/** The add-in's functions: id -> Italian name (from the custom functions' Italian metadata). */
export const KPI_ITALIAN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(italian as Record<string, { name: string }>).map(([id, v]) => [id, v.name]),
);

/** Italian names of the built-in functions our formulas use (Excel's Italian function list). */
export const IT_BUILTINS: Readonly<Record<string, string>> = {
  IF: "SE",
  OR: "O",
  AND: "E",
  NOT: "NON",
  IFERROR: "SE.ERRORE",
  ISTEXT: "VAL.TESTO",
  ISNUMBER: "VAL.NUMERO",
  ISBLANK: "VAL.VUOTO",
  REPT: "RIPETI",
  ROUND: "ARROTONDA",
  SUM: "SOMMA",
  ABS: "ASS",
  AVERAGE: "MEDIA",
  MIN: "MIN",
  MAX: "MAX",
  TRUE: "VERO",
  FALSE: "FALSO",
};

/** How the user's Excel reads a local formula. */
export interface FormulaLocale {
  /** The add-in's Italian names are active (display language it-*). */
  readonly italianNames: boolean;
  /** The decimal separator of the user's number settings. */
  readonly decimal: "," | ".";
}

/**
 * The locale for a display language; the decimal separator, when Excel gave it
 * (`application.cultureInfo`, ExcelApi 1.11), else the language's usual one.
 * @example formulaLocale("it-IT") // { italianNames: true, decimal: "," }
 */
export function formulaLocale(displayLanguage: string | null | undefined, decimal?: string | null): FormulaLocale {
  const italianNames = (displayLanguage ?? "").toLowerCase().startsWith("it");
  const d = decimal === "," || decimal === "." ? decimal : italianNames ? "," : ".";
  return { italianNames, decimal: d };
}

/** True for a formula (without `=`) that calls one of the add-in's functions. */
export function isKpiFormula(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])KPI\.[A-Za-z_][A-Za-z0-9_.]*\s*\(/i.test(formula.replace(/"([^"]|"")*"/g, '""'));
}

/**
 * The local Italian form of an English formula (without `=`), or `null` when a function in
 * it has no known Italian name.
 * @example localItalianFormula('IF(OR(J2="",F2=""),"",KPI.TREND_PCT(J2,F2)*1.5)', ",")
 *   // 'SE(O(J2="";F2="");"";KPI.TENDENZA_PCT(J2;F2)*1,5)'
 */
export function localItalianFormula(formula: string, decimal: "," | "."): string | null {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A text literal or a quoted sheet name: copied as it is ("" and '' are escapes).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (word) {
      const w = word[0];
      const after = formula.slice(i + w.length);
      const isCall = /^\s*\(/.test(after);
      if (isCall && /^KPI\./i.test(w)) {
        const name = KPI_ITALIAN[w.slice(4).toUpperCase()];
        if (!name) return null;
        out += `KPI.${name}`;
      } else if (isCall) {
        const name = IT_BUILTINS[w.toUpperCase()];
        if (!name) return null;
        out += name;
      } else if (/^(TRUE|FALSE)$/i.test(w)) {
        out += IT_BUILTINS[w.toUpperCase()];
      } else {
        out += w; // a cell reference (J2, $F$2) or a defined name
      }
      i += w.length;
      continue;
    }
    const number = /^\d+\.\d+/.exec(formula.slice(i));
    if (number) {
      out += decimal === "," ? number[0].replace(".", ",") : number[0];
      i += number[0].length;
      continue;
    }
    out += ch === "," && decimal === "," ? ";" : ch;
    i++;
  }
  return out;
}

/** One cell to write: 0-based position and the English formula without `=`. */
export interface FormulaCell {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** The two forms of a cell's formula, the one written first and the other. */
interface Pending {
  readonly range: Excel.Range;
  readonly other: { readonly local: boolean; readonly text: string } | null;
}

/** Queued `KPI.*` writes, to be settled after the caller's sync. */
export interface KpiFormulaWrites {
  readonly pending: readonly Pending[];
}


/**
 * Queues the preferred form of each `KPI.*` formula and the read-back of its value, on the
 * caller's next sync (costs no sync of its own). Call after any `range.formulas` write of the
 * same cells (that one is the English form; this one wins).
 * @example const w = queueKpiFormulas(ws, [{ row: 1, col: 9, formula: "KPI.TREND_PCT(I2,F2)" }], formulaLocale("it-IT"));
 */
export function queueKpiFormulas(ws: Excel.Worksheet, cells: readonly FormulaCell[], locale: FormulaLocale): KpiFormulaWrites {
  const pending: Pending[] = [];
  for (const c of cells) {
    if (!isKpiFormula(c.formula)) continue;
    const local = localItalianFormula(c.formula, locale.decimal);
    const range = ws.getRange(a1(c.row, c.col));
    if (locale.italianNames && local !== null) {
      range.formulasLocal = [[`=${local}`]];
      pending.push({ range: range.load("values"), other: { local: false, text: `=${c.formula}` } });
    } else {
      range.formulas = [[`=${c.formula}`]];
      pending.push({ range: range.load("values"), other: local !== null ? { local: true, text: `=${local}` } : null });
    }
  }
  return { pending };
}

/**
 * After the caller's sync: cells whose value is `#NAME?` are written again in the other form,
 * all in one more sync (none when every cell was recognised). Returns how many were rewritten.
 */
export async function settleKpiFormulas(context: Excel.RequestContext, writes: readonly KpiFormulaWrites[]): Promise<number> {
  let rewritten = 0;
  for (const w of writes) {
    for (const p of w.pending) {
      if (p.other === null || p.range.values?.[0]?.[0] !== "#NAME?") continue;
      if (p.other.local) p.range.formulasLocal = [[p.other.text]];
      else p.range.formulas = [[p.other.text]];
      rewritten++;
    }
  }
  if (rewritten > 0) await context.sync();
  return rewritten;
}
