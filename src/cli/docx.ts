import type { PlanDocument } from "../core";
import { DocxError } from "../docx/word-sax";
import { readWordParts } from "../docx/word-xml";
import { entryData, readZip, type ZipEntry } from "./zip";

/**
 * Reads a plan's Word source (.docx) from its bytes: the ZIP with the CLI's own reader,
 * the XML with the shared Word reader (src/docx/word-xml.ts).
 */

export { DocxError } from "../docx/word-sax";

/** Megabytes of one part beyond which nothing is read. */
export const MAX_PART_MB = 64;

/** Far beyond any plan (the Lecce plan's text is 90 kB); refuses a decompression bomb before inflating. */
const MAX_PART_BYTES = MAX_PART_MB * 1024 * 1024;

/**
 * True when a ZIP archive holds a Word document.
 * @example isDocx(readFileSync("piano.docx")) // true
 */
export function isDocx(bytes: Buffer): boolean {
  try {
    return readZip(bytes).some((e) => e.name === "word/document.xml");
  } catch {
    return false;
  }
}

/**
 * The document's paragraphs and tables, in order.
 * @example readDocx(readFileSync("piano.docx")).blocks[0] // { type: "paragraph", text: "Piano ...", level: 1 }
 */
export function readDocx(bytes: Buffer): PlanDocument {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (e) {
    throw new DocxError("not_word", e instanceof Error ? e.message : String(e));
  }
  const part = (name: string): string | null => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) return null;
    if (entry.size > MAX_PART_BYTES) throw new DocxError("too_large", String(MAX_PART_BYTES / 1024 / 1024));
    try {
      return entryData(entry).toString("utf8");
    } catch (e) {
      throw new DocxError("damaged", e instanceof Error ? e.message : String(e));
    }
  };
  const document = part("word/document.xml");
  if (document === null) throw new DocxError("not_word", "word/document.xml is missing");
  const styles = part("word/styles.xml");
  const numbering = part("word/numbering.xml");
  return readWordParts({ document, styles, numbering });
}


