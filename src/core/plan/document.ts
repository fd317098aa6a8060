import type { ParsedPlan } from "../types";
import { matchHeading } from "./headings";
import { parsePlan } from "./parse";

/**
 * A plan as a structured document gives it (a Word file's paragraphs and tables), for the
 * hosts that can read such a file: the adapter reads the file, the core reads this plain
 * structure through the same parser as plan text, so both read the same words and shapes.
 */
export type PlanBlock =
  | {
      readonly type: "paragraph";
      readonly text: string;
      /** Heading level (1 = top) from the paragraph's style or outline level; `null` for body text. */
      readonly level: number | null;
    }
  | {
      readonly type: "table";
      /** Cells as text, row by row; a cell merged across columns is followed by empty cells. */
      readonly rows: readonly (readonly string[])[];
    };

export interface PlanDocument {
  readonly blocks: readonly PlanBlock[];
}

/** The text form of a document and, for each of its lines, the document line it came from. */
export interface DocumentText {
  readonly text: string;
  /** `lines[i]`: the 1-based number, in the document, of text line `i + 1`. */
  readonly lines: readonly number[];
}

/** A cell or paragraph on one line: no tabs or line breaks inside (they separate cells and lines). */
const oneLine = (s: string): string => s.replace(/[\t\r\n\v\f]+/g, " ").replace(/ {2,}/g, " ").trim();

/**
 * The document as the plan parser's text. Headings become `#` lines (so a heading without
 * a colon is still a heading), table rows tab-separated lines with a blank line around each
 * table. A row whose only filled cell is its first, above the header or reading as a heading
 * (a title merged across the table, `Obiettivo operativo 1.1 - Titolo`), becomes a line of
 * its own; when rows follow it, the table's header is repeated after it so that they are
 * read as a table of that heading.
 *
 * Document line numbers count the paragraphs and the table rows in order, 1-based, as
 * a reader counts them down the document.
 * @example documentText({ blocks: [{ type: "paragraph", text: "Obiettivo specifico 1 Accesso", level: 2 }] }).text
 *   // "## Obiettivo specifico 1 Accesso"
 */
export function documentText(doc: PlanDocument): DocumentText {
  const out: string[] = [];
  const lines: number[] = [];
  let docLine = 0;
  const emit = (text: string, at: number): void => {
    out.push(text);
    lines.push(at);
  };
  for (const block of doc.blocks) {
    if (block.type === "paragraph") {
      docLine += 1;
      const text = oneLine(block.text);
      if (text === "") continue;
      const mark = block.level !== null && block.level >= 1 ? `${"#".repeat(Math.min(block.level, 6))} ` : "";
      emit(`${mark}${text}`, docLine);
      continue;
    }
    emit("", docLine + 1);
    let header: string | null = null;
    let needHeader = false;
    for (const row of block.rows) {
      docLine += 1;
      const cells = row.map(oneLine);
      const filled = cells.filter((c) => c !== "");
      if (filled.length === 0) continue;
      if (filled.length === 1 && cells[0] !== "" && cells.length > 1 && (header === null || matchHeading(cells[0]) !== null)) {
        // A title row (above the header, or a heading between rows): a line of its own.
        emit("", docLine);
        emit(cells[0], docLine);
        needHeader = header !== null;
        continue;
      }
      const line = cells.join("\t");
      if (header === null) header = line;
      else if (needHeader && line !== header) emit(header, docLine);
      needHeader = false;
      emit(line, docLine);
    }
    emit("", docLine);
  }
  return { text: out.join("\n"), lines };
}

/**
 * Parses a plan given as a document (see `documentText`), with the document's line numbers
 * in every node, KPI and problem.
 * @example parsePlanDocument({ blocks: [
 *   { type: "paragraph", text: "Obiettivo specifico 1 Accesso", level: 2 },
 *   { type: "table", rows: [["Indicatore", "Peso", "Target"], ["Pratiche online", "100", ">= 80%"]] },
 * ] }).kpis[0].owner // "1"
 */
export function parsePlanDocument(doc: PlanDocument): ParsedPlan {
  const { text, lines } = documentText(doc);
  return parsePlan(text, { lineNumbers: lines });
}
