import type { NodeKind } from "../types";
import { foldText, stripDecoration } from "./text";

/**
 * Recognises the structural lines of a plan: node headings, the two section labels and
 * nothing else. Heading levels (`#` .. `####`, bold, plain) are unreliable in extracted
 * text, so a heading is recognised by its label and code only.
 */

/** A node kind that carries a code in the plan (programs do not). */
export type CodedKind = Exclude<NodeKind, "program">;

interface LabelRule {
  readonly kind: NodeKind;
  readonly label: RegExp;
  /** Number of code segments: `A` = 1, `A.1` = 2, `A.1.1` = 3, `A.1.1.1` = 4; 0 for programs. */
  readonly depth: number;
  readonly example: string;
}

const RULES: readonly LabelRule[] = [
  { kind: "area", label: /^area\s+strategica\b/i, depth: 1, example: "A" },
  { kind: "strategic", label: /^obiettivo\s+strategico\b/i, depth: 2, example: "A.1" },
  { kind: "operational", label: /^obiettivo\s+operativo\b/i, depth: 3, example: "A.1.1" },
  { kind: "action", label: /^azione\b/i, depth: 4, example: "A.1.1.1" },
  { kind: "program", label: /^programma\b/i, depth: 0, example: "" },
];

/** A code such as `A`, `A.1`, `A.1.4.1` or `A.1.4.1.` (trailing dot), then a space, a separator or the end. */
const CODE = /^([A-Z](?:\.\d{1,3})*)\.?(?=[\s:\-–]|$)/;

export type HeadingMatch =
  | {
      readonly type: "node";
      readonly kind: NodeKind;
      /** `null` for programs. */
      readonly code: string | null;
      readonly title: string;
      /** The label as written, e.g. `Obiettivo operativo`. */
      readonly label: string;
      /** Set when the code's depth does not fit the label (`Azione: A.1.3`). */
      readonly mismatch?: { readonly example: string };
    }
  | {
      /** A labelled heading with a colon but no usable code. */
      readonly type: "bad-node";
      readonly kind: NodeKind;
      readonly label: string;
      readonly example: string;
    }
  | { readonly type: "units" }
  | { readonly type: "kpis" };

/**
 * Classifies one line as a node heading, a section label or nothing (`null`).
 * A heading needs its label at the start; coded kinds need a code right after it (an
 * optional colon in between). A label followed by a colon and no code is a `bad-node`;
 * without the colon the line is ordinary prose (`Azione di sistema ...`).
 * @example matchHeading("**Azione: B.1.1.2 Diffusione dei servizi digitali**")
 *   // { type: "node", kind: "action", code: "B.1.1.2", title: "Diffusione dei servizi digitali", label: "Azione" }
 */
export function matchHeading(line: string): HeadingMatch | null {
  const s = stripDecoration(line);
  if (s === "" || s.includes("\t")) return null;
  const folded = foldText(s).replace(/[:.]$/, "");
  if (/^unita'? organizzative(?: coinvolte)?$/.test(folded)) return { type: "units" };
  if (/^kpi associati$/.test(folded)) return { type: "kpis" };

  for (const rule of RULES) {
    const m = rule.label.exec(s);
    if (!m) continue;
    const label = m[0];
    let rest = s.slice(label.length);
    const colon = /^\s*[:\-–]\s*/.exec(rest);
    rest = colon ? rest.slice(colon[0].length) : rest.trimStart();
    if (rule.kind === "program") {
      // Without a colon "Programma ..." is prose ("Programma Operativo Nazionale ...").
      if (!colon || !colon[0].includes(":")) return null;
      return { type: "node", kind: "program", code: null, title: cleanTitle(rest), label };
    }
    const code = CODE.exec(rest);
    if (!code) {
      return colon ? { type: "bad-node", kind: rule.kind, label, example: rule.example } : null;
    }
    const title = cleanTitle(rest.slice(code[0].length));
    const depth = code[1].split(".").length;
    return {
      type: "node",
      kind: rule.kind,
      code: code[1],
      title,
      label,
      ...(depth === rule.depth ? {} : { mismatch: { example: rule.example } }),
    };
  }
  return null;
}

/** The title after the code, without a leading separator (`A.1 - Titolo`, `A.1: Titolo`). */
function cleanTitle(s: string): string {
  return s.replace(/^\s*[:\-–]\s*/, "").trim();
}

/** The five header cells of a KPI table, folded. */
const KPI_HEADER = ["indicatori testo", "algoritmo", "peso", "stato", "target"];

/**
 * True for the header row of a KPI table: `Indicatori testo`, `Algoritmo`, `Peso`, `Stato`,
 * `Target`, tab separated, case and accents ignored, `<b>` / `**` wrapping allowed
 * (`Indicatore` / `Indicatori` are accepted for the first cell).
 * @example isKpiHeader("<b>Indicatori testo</b>\t<b>Algoritmo</b>\t<b>Peso</b>\t<b>Stato</b>\t<b>Target</b>") // true
 */
export function isKpiHeader(line: string): boolean {
  const cells = splitCells(stripDecoration(line)).map((c) => foldText(stripDecoration(c)));
  while (cells.length > KPI_HEADER.length && cells[cells.length - 1] === "") cells.pop();
  if (cells.length !== KPI_HEADER.length) return false;
  const first = cells[0] === "indicatore" || cells[0] === "indicatori" ? "indicatori testo" : cells[0];
  return [first, ...cells.slice(1)].every((c, i) => c === KPI_HEADER[i]);
}

/** Tab-separated cells, trimmed. */
export function splitCells(line: string): string[] {
  return line.split("\t").map((c) => c.trim());
}
