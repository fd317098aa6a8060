import { CORE_ROLES, matchHeader, normaliseHeader } from "../reader/headers";
import type { ColumnRole } from "../types";
import { stripDecoration } from "./text";

/**
 * KPI tables inside plan text, in the shapes a table takes when it is pasted or exported:
 * tab-separated (Word or PDF tables pasted as text; the Lecce plan), Markdown `| a | b |`
 * tables, CSV with `;` (Italian Excel) or `,`, and columns aligned with two or more spaces
 * (PDF text; an empty cell leaves no trace there, so such rows must have every cell). A table is a header line whose cells the
 * reader's header vocabulary (`matchHeader`, src/core/reader/headers.ts) recognises, then
 * rows with the same separator. Column words are never listed here: a word the plan parser
 * needs is added to the reader's vocabulary, so sheets and plans read the same headers.
 */

/** `"  "`: columns aligned with runs of spaces, as PDF text often comes (`pdftotext -layout`). */
export type Separator = "\t" | "|" | ";" | "," | "  ";

/** One target column: its year (`Target 2026`), or its position (`Target primo anno`), or neither. */
export interface TargetColumn {
  readonly col: number;
  readonly year: number | null;
  /** 1 for `primo anno`, 2 for `secondo anno` ...; `null` when the header names no position. */
  readonly ordinal: number | null;
  /** `Target %`: a bare number in this column is a percentage. */
  readonly percent: boolean;
  readonly header: string;
}

/** The columns of a KPI table found in its header line. */
export interface PlanColumns {
  readonly indicator: number;
  readonly algorithm: number | null;
  readonly weight: number | null;
  readonly baseline: number | null;
  readonly targets: readonly TargetColumn[];
  /** The header cells as written, for messages. */
  readonly names: readonly string[];
}

export type HeaderReading =
  | { readonly type: "table"; readonly sep: Separator; readonly columns: PlanColumns }
  /** Several header words but not a KPI table: what was found and what is missing. */
  | { readonly type: "near"; readonly sep: Separator; readonly found: readonly string[]; readonly missing: readonly string[] };

/** Ordinal words of `Target primo anno`, `Valore atteso terzo anno`. */
const ORDINALS: Readonly<Record<string, number>> = { primo: 1, secondo: 2, terzo: 3, quarto: 4, quinto: 5 };

/** Column names used in messages for the roles a KPI table needs. */
const ROLE_NAMES: Readonly<Record<"indicator" | "target" | "weight", string>> = {
  indicator: "Indicatore",
  target: "Target",
  weight: "Peso",
};

/**
 * Splits a line into cells for a separator; `null` when the line is not a row of that kind
 * (no separator in it; a Markdown row must start with `|`). CSV cells may be quoted
 * (`"Numero; totale"`, `""` for a quote).
 * @example splitRow("| Indicatore | Peso |", "|") // ["Indicatore", "Peso"]
 * @example splitRow('K;"a; b";10', ";")        // ["K", "a; b", "10"]
 */
export function splitRow(line: string, sep: Separator): string[] | null {
  if (sep === "\t") return line.includes("\t") ? line.split("\t").map((c) => c.trim()) : null;
  if (sep === "|") {
    const t = line.trim();
    if (!t.startsWith("|")) return null;
    const body = t.slice(1, t.endsWith("|") && t.length > 1 ? -1 : undefined);
    return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|").trim());
  }
  if (sep === "  ") {
    const t = line.trim();
    return /\S {2,}\S/.test(t) ? t.split(/ {2,}/) : null;
  }
  if (!line.includes(sep)) return null;
  return splitCsv(line, sep);
}

/** True for the `|---|:---:|` line under a Markdown header. */
export function isMarkdownRule(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

function splitCsv(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === sep) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** The separators a line may use, in the order they are tried. */
function candidates(line: string): Separator[] {
  const out: Separator[] = [];
  if (line.includes("\t")) out.push("\t");
  if (line.trim().startsWith("|")) out.push("|");
  if (line.includes(";")) out.push(";");
  if (line.includes(",")) out.push(",");
  if (/\S {2,}\S/.test(line.trim()) && !line.includes("\t")) out.push("  ");
  return out;
}

/** A header cell's role, through the reader's vocabulary; ordinal years (`Target primo anno`) here. */
function cellRole(cell: string): { role: ColumnRole; year: number | null; ordinal: number | null } | null {
  const text = stripDecoration(cell);
  const direct = matchHeader(text);
  if (direct) return { role: direct.role, year: direct.year, ordinal: direct.ordinal ?? null };
  // `Target primo anno`, `Valore atteso (secondo anno)`: the reader's word plus a position.
  const m = /^(.*?)\s+(primo|secondo|terzo|quarto|quinto)\s+anno$/.exec(normaliseHeader(text));
  if (m) {
    const base = matchHeader(m[1]);
    if (base && base.role === "target") return { role: "target", year: null, ordinal: ORDINALS[m[2]] };
  }
  // `Target %`, `Target (%)`: a target column whose bare numbers are percentages.
  const pct = /^(.*?)\s*%$/.exec(normaliseHeader(text));
  if (pct) {
    const base = matchHeader(pct[1]);
    if (base && base.role === "target") return { ...base, ordinal: null };
  }
  // `Target 2026 (Risultato atteso)`, `Formula (algoritmo)`: the words before the remark.
  const remark = /^([^(]+?)\s*\(.*\)\s*$/.exec(text);
  if (remark) return cellRole(remark[1]);
  // `Baseline 2025`, `Valore di partenza (2025)`: the year of a baseline says which, not a role.
  const dated = /^(.*?)\s+(?:19|20)\d\d$/.exec(normaliseHeader(text));
  if (dated) {
    const base = matchHeader(dated[1]);
    if (base && base.role === "baseline") return { ...base, ordinal: null };
  }
  return null;
}

/**
 * Reads a line as the header of a KPI table. A table needs an indicator column and a target
 * or a weight column; every other recognised column (algorithm, baseline, per-year targets)
 * is used when present, unknown columns (`Fonte`, `Note`) are skipped. Two or more header
 * words without that minimum give a `near` reading, so the user can be told what is missing.
 * @example readTableHeader("| Indicatore | Formula | Peso % | Target 2026 |")?.type // "table"
 * @example readTableHeader("Indicatore;Fonte;Note")                             // { type: "near", ..., missing: ["Target", "Peso"] }
 */
export function readTableHeader(line: string): HeaderReading | null {
  let near: HeaderReading | null = null;
  for (const sep of candidates(line)) {
    const cells = splitRow(sep === "\t" ? line : stripDecoration(line), sep);
    if (!cells) continue;
    while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
    if (cells.length < 2 || cells.some((c) => c.length > 80)) continue;
    const roles = cells.map(cellRole);
    // Columns a KPI table may carry but is not made of (`Fonte`, `Note`) make no near miss.
    const found = cells.filter((_, i) => { const r = roles[i]; return r !== null && CORE_ROLES.includes(r.role); });
    if (found.length === 0) continue;
    const first = (role: ColumnRole): number | null => {
      const i = roles.findIndex((r) => r?.role === role);
      return i < 0 ? null : i;
    };
    const indicator = first("indicator");
    const weight = first("weight");
    const targets: TargetColumn[] = roles.flatMap((r, col) =>
      r?.role === "target"
        ? [{ col, year: r.year, ordinal: r.ordinal, percent: /%/.test(cells[col]), header: cells[col] }]
        : [],
    );
    if (indicator !== null && (weight !== null || targets.length > 0)) {
      return {
        type: "table",
        sep,
        columns: { indicator, algorithm: first("algorithm"), weight, baseline: first("baseline"), targets, names: cells },
      };
    }
    if (found.length >= 2 && near === null) {
      const missing = [
        ...(indicator === null ? [ROLE_NAMES.indicator] : []),
        ...(weight === null && targets.length === 0 ? [`${ROLE_NAMES.target} / ${ROLE_NAMES.weight}`] : []),
      ];
      near = { type: "near", sep, found, missing };
    }
  }
  return near;
}

/**
 * True when every non-empty cell is a year (`2026`, `Anno 2027`): the second line of a
 * two-row header (`Target` merged over `2026 | 2027 | 2028`).
 * @example isYearRow(["", "", "2026", "2027"]) // true
 */
export function isYearRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== "");
  return filled.length > 0 && filled.every((c) => /^(?:anno\s+)?(?:19|20)\d{2}$/i.test(stripDecoration(c)));
}
