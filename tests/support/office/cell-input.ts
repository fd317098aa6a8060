/**
 * What Excel makes of a value or formula written through the API: type coercion, and the
 * Italian display language's formulas (`formulasLocal`) turned into the invariant form.
 */
import { key } from "./addresses";
import type { FakeExcel } from "./host";
import { setCell, type FakeCell, type SheetModel } from "./model";

/**
 * What Excel (en-US) makes of a typed or API-written input: `'text` is text (quote prefix),
 * `=...` a formula, `+...`/`-...` a formula too (an invalid one is an error), numbers,
 * percentages, booleans and m/d/yyyy dates are converted. The fake does not calculate: a
 * formula cell's value is "".
 */
export function coerceInput(x: FakeCell): { value: FakeCell; formula: string | null } {
  if (typeof x !== "string") return { value: x, formula: null };
  if (x.startsWith("'")) return { value: x.slice(1), formula: null };
  const t = x.trim();
  if (t.startsWith("=")) return { value: "", formula: t };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t), formula: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (date) {
    const serial = Date.UTC(Number(date[3]), Number(date[1]) - 1, Number(date[2])) / 86400000 + 25569;
    return { value: serial, formula: null };
  }
  if (t.startsWith("+") || t.startsWith("-")) return { value: "#NAME?", formula: `=${t}` };
  return { value: x, formula: null };
}

export function writeInput(s: SheetModel, r: number, c: number, x: FakeCell, host?: FakeExcel): void {
  const { value, formula } = coerceInput(x);
  if (formula === null) s.formulas.delete(key(r, c));
  else s.formulas.set(key(r, c), formula);
  setCell(s, r, c, formula !== null && host && !host.knowsFunctionsOf(formula) ? "#NAME?" : value);
}

/**
 * Italian Excel's names of some built-in functions (Excel's Italian function list), for
 * `formulasLocal`. Written apart from the add-in's own list on purpose.
 */
export const ITALIAN_FUNCTIONS: Readonly<Record<string, string>> = {
  SE: "IF", O: "OR", E: "AND", NON: "NOT", "SE.ERRORE": "IFERROR", "VAL.TESTO": "ISTEXT",
  "VAL.NUMERO": "ISNUMBER", "VAL.VUOTO": "ISBLANK", RIPETI: "REPT", ARROTONDA: "ROUND",
  SOMMA: "SUM", ASS: "ABS", MEDIA: "AVERAGE", MIN: "MIN", MAX: "MAX",
};

/**
 * A formula typed in the user's language (`formulasLocal`) in the invariant form. Italian:
 * Italian function names, `;` between arguments with a decimal comma. An unknown function
 * name stays as typed (Excel shows #NAME?).
 */
export function invariantFormula(text: string, host: FakeExcel): { text: string; known: boolean } {
  if (host.language !== "it") {
    // English Excel: the local form is the English one; an Italian-only name is unknown.
    const names = [...text.replace(/"([^"]|"")*"/g, "").matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
    return { text, known: !names.some((n) => ITALIAN_FUNCTIONS[n] !== undefined && ITALIAN_FUNCTIONS[n] !== n) };
  }
  let known = true;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === ch && text[j + 1] !== ch)) j += text[j] === ch ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/.exec(text.slice(i));
    if (m) {
      const name = m[0].toUpperCase();
      if (!name.startsWith("KPI.") && !ITALIAN_FUNCTIONS[name]) known = false;
      out += name.startsWith("KPI.") ? m[0] : (ITALIAN_FUNCTIONS[name] ?? m[0]);
      i += m[0].length;
      continue;
    }
    const num = /^\d+,\d+/.exec(text.slice(i));
    if (num && host.decimalSeparator === ",") {
      out += num[0].replace(",", ".");
      i += num[0].length;
      continue;
    }
    out += ch === ";" && host.decimalSeparator === "," ? "," : ch;
    i++;
  }
  return { text: out, known };
}
