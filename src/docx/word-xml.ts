import type { PlanBlock, PlanDocument } from "../core";
import { Counter, readNumbering, type Numbering } from "./word-numbering";
import { attr, sax } from "./word-sax";
import { builtInLevel, readStyles } from "./word-styles";

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
 *
 * This module reads document.xml; heading styles are word-styles.ts, list numbers
 * word-numbering.ts, the SAX pass and its error word-sax.ts.
 */

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
