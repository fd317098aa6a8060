import type { NodeKind } from "../types";
import { foldText, stripDecoration } from "./text";

/**
 * Recognises the structural lines of a plan: node headings, the two section labels and
 * nothing else. Heading levels (`#` .. `####`, bold, plain) are unreliable in extracted
 * text, so a heading is recognised by its label (and its code, when it has one).
 *
 * Labels come from the Piano della performance (`Area strategica`, `Obiettivo strategico`,
 * `Obiettivo operativo`, `Azione`, `Programma`), from the PIAO (`Obiettivo di valore
 * pubblico`, `Obiettivo specifico`) and from other bodies' plans (`Missione`, `Prospettiva`,
 * `Obiettivo annuale`, `Servizio`, `Centro di costo`, `Attività`). Each label has a rank
 * (1 = top of the tree): a node without a code of the Lecce shape (`A.1.2`) hangs under the
 * nearest node above it of a smaller rank.
 */

/** A node kind that carries a code in the plan (programs do not). */
export type CodedKind = Exclude<NodeKind, "program">;

interface LabelRule {
  readonly kind: NodeKind;
  readonly label: RegExp;
  /** 1 top .. 4 bottom; 2.5 for the groupings between strategic and operational objectives. */
  readonly rank: number;
  /**
   * Segments of a Lecce-shaped code for this label (`A` = 1 ... `A.1.1.1` = 4), whose
   * parent is the code without its last segment; `null` for labels with free-form codes.
   */
  readonly depth: number | null;
  readonly example: string;
  /** Letters of a generated code (`OS1`, `A.1/P1`). */
  readonly abbr: string;
  /** `Obiettivo 4`: the bare word is a heading only with a code right after it. */
  readonly needsCode?: boolean;
  /**
   * A word that begins ordinary sentences too (`Programma Operativo Nazionale ...`,
   * `Azione di sistema ...`): without a colon, a code or a heading mark it is prose.
   */
  readonly proseWord?: boolean;
}

const RULES: readonly LabelRule[] = [
  { kind: "area", label: /^area\s+strategica\b/i, rank: 1, depth: 1, example: "A", abbr: "AS" },
  { kind: "area", label: /^obiettivo\s+(?:di\s+)?valore\s+pubblico\b/i, rank: 1, depth: null, example: "1", abbr: "OVP" },
  { kind: "area", label: /^missione\b/i, rank: 1, depth: null, example: "01", abbr: "M", proseWord: true },
  { kind: "area", label: /^prospettiva\b/i, rank: 1, depth: null, example: "1", abbr: "PR" },
  { kind: "strategic", label: /^obiettivo\s+strategico\b/i, rank: 2, depth: 2, example: "A.1", abbr: "OS" },
  { kind: "strategic", label: /^obiettivo\s+specifico\b/i, rank: 2, depth: null, example: "1.1", abbr: "OSP" },
  { kind: "program", label: /^programma\b/i, rank: 2.5, depth: null, example: "", abbr: "P", proseWord: true },
  { kind: "program", label: /^servizio\b/i, rank: 2.5, depth: null, example: "", abbr: "S", proseWord: true },
  { kind: "program", label: /^centro\s+di\s+costo\b/i, rank: 2.5, depth: null, example: "", abbr: "CDC", proseWord: true },
  { kind: "operational", label: /^obiettivo\s+operativo\b/i, rank: 3, depth: 3, example: "A.1.1", abbr: "OO" },
  { kind: "operational", label: /^obiettivo\s+annuale\b/i, rank: 3, depth: null, example: "1.1.1", abbr: "OA" },
  { kind: "action", label: /^azione\b/i, rank: 4, depth: 4, example: "A.1.1.1", abbr: "AZ", proseWord: true },
  { kind: "action", label: /^attivit(?:à|a'?)(?=[\s:\-–—.]|$)/i, rank: 4, depth: null, example: "1.1.1.1", abbr: "ATT", proseWord: true },
  { kind: "operational", label: /^obiettivo\b/i, rank: 3, depth: null, example: "4", abbr: "OB", needsCode: true },
];

/** A code of the Lecce shape: `A`, `A.1`, `A.1.4.1`; its parent is the code without its last part. */
export const LETTER_CODE = /^[A-Z](?:\.\d{1,3})*$/;

/**
 * A code right after the label: `A.1.4.1.` (trailing dot dropped), `1.1.2`, `149.1`, `OS1`,
 * `OS 1`, `OO.1.2`, `n. 3`, `n° 3`, `01`; a single capital letter or a roman numeral only
 * when a separator, a capital or the end follows (`A Competitività`, `II - Titolo`), so that
 * the `I` of `I servizi` is not a code.
 */
const CODE =
  /^(?:n\s*[.°º]\s*|nr\.?\s*)?((?:[A-Z]{1,5}[.\-]?\s?)?\d{1,4}(?:[.\-/]\d{1,4})*(?:\.[a-z])?)\.?(?=[\s:\-–—)]|$)|^([A-Z](?:\.\d{1,3})*|[IVXL]{1,6})\.?(?=\s*[:\-–—.)]|\s+[A-ZÀ-Ý"«“']|$)/;

/** A list marker before the label: `1.`, `1.2)`, `1.2` (Word's numbering), `a)`, `-`, `•`. */
const LIST_MARK = /^(?:(\d{1,3}(?:\.\d{1,3})*)[.)]?|[a-z][.)]|[-•·–*])\s+/;

export type HeadingMatch =
  | {
      readonly type: "node";
      readonly kind: NodeKind;
      /** `null` when the heading has no code (programs, most PIAO headings): the parser makes one. */
      readonly code: string | null;
      readonly title: string;
      /** The label as written, e.g. `Obiettivo operativo`. */
      readonly label: string;
      readonly rank: number;
      /** Segments of a Lecce-shaped code for this label, `null` for free-form codes. */
      readonly depth: number | null;
      /** Letters for a generated code. */
      readonly abbr: string;
      /** Set when the code's depth does not fit the label (`Azione: A.1.3`). */
      readonly mismatch?: { readonly example: string };
      /** A first word that looks like a code but is not one (`3bis`, `#4`, `OS_1`): quoted in a warning. */
      readonly rejectedCode?: string;
    }
  | {
      /**
       * A line that starts with a label but was not taken as a heading: `no-title` (a label
       * and a code and nothing else, no colon) or `prose` (no code, no colon, no heading mark).
       */
      readonly type: "near";
      readonly reason: "no-title" | "prose";
      readonly kind: NodeKind;
      readonly label: string;
      readonly text: string;
      /**
       * True when the line is most likely a heading that was not understood (short, no final
       * full stop, not a word that also begins sentences): a KPI table after it must not be
       * given to the node above.
       */
      readonly blocks: boolean;
    }
  | { readonly type: "units" }
  | { readonly type: "kpis" };

/**
 * Classifies one line as a node heading, a section label, a near miss or nothing (`null`).
 * A heading is a label at the start (after `#`, bold or a list number) followed by:
 * a colon (`Obiettivo strategico: Titolo`, `Azione: A.1.3.1 Titolo`), or a code
 * (`OBIETTIVO STRATEGICO 1.1 - Titolo`, `Obiettivo operativo A.1.1 Servizi`), or, when the
 * line is marked as a heading (`#`, bold, capitals, a list number), a title starting with a
 * capital. Without any of these the line is prose (`Azione di sistema ...`).
 * @example matchHeading("**Azione: B.1.1.2 Diffusione dei servizi digitali**")
 *   // { type: "node", kind: "action", code: "B.1.1.2", title: "Diffusione dei servizi digitali", label: "Azione", ... }
 * @example matchHeading("OBIETTIVO SPECIFICO 2 – SEMPLIFICAZIONE")
 *   // { type: "node", kind: "strategic", code: "2", title: "SEMPLIFICAZIONE", ... }
 */
export function matchHeading(line: string): HeadingMatch | null {
  const marked = /^\s*(?:#|\*\*|__|<b>|<strong>)/i.test(line);
  let s = stripDecoration(line);
  if (s === "" || s.includes("\t")) return null;
  const folded = foldText(s).replace(/[:.]$/, "");
  if (/^unita'? organizzative(?: coinvolte)?$/.test(folded)) return { type: "units" };
  if (/^kpi associati$/.test(folded)) return { type: "kpis" };

  const list = LIST_MARK.exec(s);
  if (list) s = s.slice(list[0].length);
  const listNumber = list?.[1] ?? null;

  for (const rule of RULES) {
    const m = rule.label.exec(s);
    if (!m) continue;
    const label = m[0];
    let rest = s.slice(label.length);
    const sep = /^\s*[:\-–—]\s*/.exec(rest);
    const colon = sep !== null && sep[0].includes(":");
    rest = sep ? rest.slice(sep[0].length) : rest.trimStart();
    const caps = label === label.toUpperCase();
    const headingLike = marked || caps || list !== null;
    let codeMatch = CODE.exec(rest);
    // A lone capital is a code only for the Lecce labels (`Area strategica: A`); elsewhere it
    // is a title (`Programma: P`), and a roman numeral needs a separator after it (`Missione II - ...`).
    if (codeMatch?.[2] !== undefined && rule.depth === null && !/^[IVXL]+\s*[:\-–—.)]/.test(rest)) codeMatch = null;
    // A year is a title's word (`Obiettivo annuale 2026: ...`), not a code.
    if (codeMatch && /^(?:19|20)\d\d$/.test(codeMatch[1] ?? "")) codeMatch = null;
    const code = codeMatch ? (codeMatch[1] ?? codeMatch[2]).replace(/\s+/g, "") : null;
    const title = cleanTitle(codeMatch ? rest.slice(codeMatch[0].length) : rest);
    const short = isShort(s);
    const near = (reason: "no-title" | "prose"): HeadingMatch => ({
      type: "near",
      reason,
      kind: rule.kind,
      label,
      text: s,
      blocks: reason === "no-title" || (short && rule.proseWord !== true),
    });

    if (rule.needsCode && code === null) return null;
    if (code === null) {
      // `Programma Operativo Nazionale ...`, `Azione di sistema ...`: prose unless a colon
      // (or a heading mark and a capital) says otherwise.
      const capitalTitle = /^["«“'(]?[A-ZÀ-Ý0-9]/.test(title);
      if (title === "") return colon || headingLike ? near("no-title") : null;
      // Without a colon: a heading when marked as one, or when short with a capital title
      // and its label is not a word that begins sentences.
      const plainHeading = short && capitalTitle && rule.proseWord !== true;
      if (!colon && !(headingLike && capitalTitle) && !plainHeading) return short ? near("prose") : null;
    } else if (title === "" && !colon && !(rule.depth !== null && code !== null && LETTER_CODE.test(code) && sep !== null)) {
      // `OBIETTIVO STRATEGICO 1.1` alone: the title is missing (or on another line).
      return near("no-title");
    }
    const depth = rule.depth;
    const mismatch =
      depth !== null && code !== null && LETTER_CODE.test(code) && code.split(".").length !== depth
        ? { mismatch: { example: rule.example } }
        : {};
    // `Obiettivo operativo: 3bis Titolo`: a code the user meant, in a shape not read as one.
    const firstWord = /^\S+/.exec(title)?.[0] ?? "";
    const rejected = code === null && listNumber === null && /\d/.test(firstWord) && !/^(?:19|20)\d\d$/.test(firstWord) ? { rejectedCode: firstWord } : {};
    return {
      type: "node",
      kind: rule.kind,
      code: code ?? listNumber,
      title,
      label,
      rank: rule.rank,
      depth,
      abbr: rule.abbr,
      ...mismatch,
      ...rejected,
    };
  }
  return null;
}

/** The title after the code, without a leading separator (`A.1 - Titolo`, `A.1: Titolo`) or a trailing colon. */
function cleanTitle(s: string): string {
  return s.replace(/^\s*[:\-–—.)]\s*/, "").replace(/\s*:$/, "").trim();
}

/** A heading-sized line: at most twelve words and no full stop at the end. */
function isShort(s: string): boolean {
  return s.split(/\s+/).length <= 12 && !/[.;]$/.test(s.trim());
}

/** The five header cells of a KPI table, folded. */
const KPI_HEADER = ["indicatori testo", "algoritmo", "peso", "stato", "target"];

/**
 * True for the header row of the Lecce KPI table: `Indicatori testo`, `Algoritmo`, `Peso`,
 * `Stato`, `Target`, tab separated, case and accents ignored, `<b>` / `**` wrapping allowed
 * (`Indicatore` / `Indicatori` are accepted for the first cell). Other column sets are read
 * by `readTableHeader` (table.ts).
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
