import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { PlanBlock, PlanDocument } from "../core";

/**
 * The XML of a Word document (.docx) as the core's plain document structure: paragraphs
 * with their heading level, tables as grids of text. Shared by the hosts that open .docx
 * files (the CLI and the task pane each open the ZIP with a reader of their own); the parts
 * are read with a streaming XML parser (saxes), nothing is converted by another program.
 *
 * - Heading level: the paragraph style (`Heading1`..`Heading9`, Italian Word's `Titolo1`..,
 *   or any style whose name is `heading n`, that carries an outline level or is based on a
 *   heading style), else the paragraph's own outline level.
 * - Numbered paragraphs: Word writes the number nowhere in the text; it is rebuilt from
 *   numbering.xml (`%1.%2.` with decimal, letter and roman formats; bullets give `-`).
 * - Tables: one row per `w:tr`; a cell spanning n columns (`w:gridSpan`) is followed by n-1
 *   empty cells, so a `Target` merged over three year columns stays above them; the text of a
 *   nested table joins its cell.
 */

/** Why a .docx cannot be read: `not_word` (no ZIP, no word/document.xml), `damaged` (ZIP or XML), `too_large`. */
export class DocxError extends Error {
  constructor(
    readonly reason: "not_word" | "damaged" | "too_large",
    message: string,
  ) {
    super(message);
    this.name = "DocxError";
  }
}

/** The three parts of a .docx that carry the plan, as text (`null` when the part is absent). */
export interface WordParts {
  readonly document: string;
  readonly styles: string | null;
  readonly numbering: string | null;
}

/**
 * Reads the parts of a Word document.
 * @example readWordParts({ document: "<w:document ...><w:body><w:p>...</w:p></w:body></w:document>", styles: null, numbering: null }).blocks
 */
export function readWordParts(parts: WordParts): PlanDocument {
  return readDocumentXml(
    parts.document,
    parts.styles === null ? new Map() : readStyles(parts.styles),
    parts.numbering === null ? null : readNumbering(parts.numbering),
  );
}

/** Runs saxes over a part; XML errors become DocxError. */
function sax(xml: string, open: (tag: SaxesTagPlain) => void, close: (name: string) => void, text?: (t: string) => void): void {
  const parser = new SaxesParser();
  parser.on("opentag", open);
  parser.on("closetag", (tag) => close(tag.name));
  if (text) parser.on("text", text);
  parser.on("error", (e) => {
    throw new DocxError("damaged", e.message);
  });
  parser.write(xml).close();
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
};

/** styleId -> heading level (1-based) for paragraph styles that are headings. */
function readStyles(xml: string): Map<string, number> {
  const levels = new Map<string, number>();
  const basedOn = new Map<string, string>();
  let id: string | null = null;
  sax(
    xml,
    (tag) => {
      if (tag.name === "w:style") id = attr(tag, "w:type") === "paragraph" ? (attr(tag, "w:styleId") ?? null) : null;
      if (id === null) return;
      const val = attr(tag, "w:val");
      if (tag.name === "w:name" && val) {
        const m = /^(?:heading|titolo|intestazione)\s*(\d)$/i.exec(val.trim());
        if (m) levels.set(id, Number(m[1]));
      } else if (tag.name === "w:outlineLvl" && val !== undefined && Number(val) < 9) {
        levels.set(id, Number(val) + 1);
      } else if (tag.name === "w:basedOn" && val) {
        basedOn.set(id, val);
      }
    },
    (name) => {
      if (name === "w:style") id = null;
    },
  );
  // A style based on a heading style is a heading of that level (`Heading2Char` is not a paragraph style).
  for (const [child, parent] of basedOn) {
    if (!levels.has(child) && levels.has(parent)) levels.set(child, levels.get(parent) as number);
  }
  return levels;
}

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
}

interface Numbering {
  /** numId -> abstractNumId */
  readonly nums: Map<string, string>;
  /** abstractNumId -> levels by ilvl */
  readonly abstracts: Map<string, Map<number, Level>>;
}

function readNumbering(xml: string): Numbering {
  const nums = new Map<string, string>();
  const abstracts = new Map<string, Map<number, Level>>();
  let abstract: Map<number, Level> | null = null;
  let level: { ilvl: number; format: string; text: string; start: number } | null = null;
  let num: string | null = null;
  sax(
    xml,
    (tag) => {
      const val = attr(tag, "w:val");
      switch (tag.name) {
        case "w:abstractNum":
          abstract = new Map();
          abstracts.set(attr(tag, "w:abstractNumId") ?? "", abstract);
          break;
        case "w:lvl":
          level = { ilvl: Number(attr(tag, "w:ilvl") ?? 0), format: "decimal", text: "", start: 1 };
          break;
        case "w:numFmt":
          if (level && val) level.format = val;
          break;
        case "w:lvlText":
          if (level && val !== undefined) level.text = val;
          break;
        case "w:start":
          if (level && val) level.start = Number(val);
          break;
        case "w:num":
          num = attr(tag, "w:numId") ?? null;
          break;
        case "w:abstractNumId":
          if (num !== null && val !== undefined) nums.set(num, val);
          break;
      }
    },
    (name) => {
      if (name === "w:lvl" && level && abstract) {
        abstract.set(level.ilvl, { format: level.format, text: level.text, start: level.start });
        level = null;
      } else if (name === "w:abstractNum") abstract = null;
      else if (name === "w:num") num = null;
    },
  );
  return { nums, abstracts };
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case "lowerLetter":
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs per list and level, as Word does, and renders their labels. */
class Counter {
  private readonly counts = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering | null) {}

  label(numId: string, ilvl: number): string {
    const abstractId = this.numbering?.nums.get(numId);
    const levels = abstractId === undefined ? undefined : this.numbering?.abstracts.get(abstractId);
    if (!levels || numId === "0") return "";
    const key = abstractId as string;
    const counts = this.counts.get(key) ?? [];
    for (let i = 0; i <= ilvl; i++) if (counts[i] === undefined) counts[i] = (levels.get(i)?.start ?? 1) - 1;
    counts[ilvl] += 1;
    counts.length = ilvl + 1; // deeper levels restart
    this.counts.set(key, counts);
    const level = levels.get(ilvl);
    if (!level) return "";
    if (level.format === "bullet" || level.format === "none") return level.format === "bullet" ? "-" : "";
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatNumber(counts[i] ?? 1, levels.get(i)?.format ?? "decimal");
    });
  }
}

interface ParagraphState {
  text: string;
  style: string | null;
  outline: number | null;
  numId: string | null;
  ilvl: number;
}

function readDocumentXml(xml: string, styles: Map<string, number>, numbering: Numbering | null): PlanDocument {
  const blocks: PlanBlock[] = [];
  const counter = new Counter(numbering);
  let p: ParagraphState | null = null;
  let inText = false;
  let tableDepth = 0;
  let rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string | null = null;
  let span = 1;

  const paragraphText = (state: ParagraphState): string => {
    const label = state.numId !== null ? counter.label(state.numId, state.ilvl) : "";
    const text = state.text.replace(/[ \u00a0]+/g, " ").trim();
    return label !== "" && text !== "" ? `${label} ${text}` : text;
  };

  sax(
    xml,
    (tag) => {
      const val = attr(tag, "w:val");
      switch (tag.name) {
        case "w:p":
          p = { text: "", style: null, outline: null, numId: null, ilvl: 0 };
          break;
        case "w:pStyle":
          if (p && val) p.style = val;
          break;
        case "w:outlineLvl":
          if (p && val !== undefined) p.outline = Number(val);
          break;
        case "w:numId":
          if (p && val !== undefined) p.numId = val;
          break;
        case "w:ilvl":
          if (p && val !== undefined) p.ilvl = Number(val);
          break;
        case "w:t":
          inText = true;
          break;
        case "w:tab":
          // A tab character (not a tab stop `<w:tab w:val="left" .../>` of the paragraph's
          // properties): in body text it separates what a pasted table would; in a cell, a space.
          if (p && val === undefined) p.text += tableDepth > 0 ? " " : "\t";
          break;
        case "w:br":
        case "w:cr":
          if (p) p.text += " ";
          break;
        case "w:tbl":
          tableDepth += 1;
          if (tableDepth === 1) rows = [];
          break;
        case "w:tr":
          if (tableDepth === 1) row = [];
          break;
        case "w:tc":
          if (tableDepth === 1) {
            cell = "";
            span = 1;
          }
          break;
        case "w:gridSpan":
          if (tableDepth === 1 && val) span = Math.max(1, Number(val) || 1);
          break;
      }
    },
    (name) => {
      switch (name) {
        case "w:t":
          inText = false;
          break;
        case "w:p": {
          const state = p as ParagraphState | null;
          p = null;
          if (!state) break;
          const text = paragraphText(state);
          if (tableDepth > 0) {
            if (cell !== null && text !== "") cell = cell === "" ? text : `${cell} ${text}`;
            break;
          }
          const styleLevel = state.style === null ? undefined : (styles.get(state.style) ?? builtInLevel(state.style));
          const level = styleLevel ?? (state.outline !== null && state.outline < 9 ? state.outline + 1 : null);
          blocks.push({ type: "paragraph", text, level });
          break;
        }
        case "w:tc":
          if (tableDepth === 1 && row && cell !== null) {
            row.push(cell);
            for (let i = 1; i < span; i++) row.push("");
            cell = null;
          }
          break;
        case "w:tr":
          if (tableDepth === 1 && row) {
            rows.push(row);
            row = null;
          }
          break;
        case "w:tbl":
          tableDepth -= 1;
          if (tableDepth === 0) blocks.push({ type: "table", rows });
          break;
      }
    },
    (t) => {
      if (inText && p) p.text += t;
    },
  );
  return { blocks };
}

/** `Heading2`, `Titolo2`, `Title`: heading styles by their usual ids when styles.xml does not say. */
function builtInLevel(style: string): number | undefined {
  const m = /^(?:heading|titolo|intestazione)\s*(\d)$/i.exec(style);
  return m ? Number(m[1]) : undefined;
}
