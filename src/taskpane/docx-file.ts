import JSZip from "jszip";
import { documentText, type PlanDocument } from "../core/plan/document";
import { DocxError, readWordParts } from "../docx/word-xml";

/**
 * A plan's Word source (.docx) chosen in the pane, read in the page (nothing is uploaded):
 * the ZIP with JSZip, the XML with the shared Word reader (src/docx/word-xml.ts), so the
 * pane and `kpi import` read the same document the same way.
 */

/** Larger files are refused before unzipping: a plan's .docx is a few megabytes at most. */
export const MAX_DOCX_MB = 64;

/**
 * The document's paragraphs and tables.
 * @example await readDocxFile(await file.arrayBuffer()) // { blocks: [...] }
 */
export async function readDocxFile(bytes: ArrayBuffer | Uint8Array): Promise<PlanDocument> {
  if (bytes.byteLength > MAX_DOCX_MB * 1024 * 1024) throw new DocxError("too_large", String(MAX_DOCX_MB));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxError("not_word", e instanceof Error ? e.message : String(e));
  }
  const part = async (name: string): Promise<string | null> => {
    const entry = zip.file(name);
    if (!entry) return null;
    try {
      return await entry.async("string");
    } catch (e) {
      throw new DocxError("damaged", e instanceof Error ? e.message : String(e));
    }
  };
  const document = await part("word/document.xml");
  if (document === null) throw new DocxError("not_word", "word/document.xml is missing");
  return readWordParts({ document, styles: await part("word/styles.xml"), numbering: await part("word/numbering.xml") });
}

/**
 * The plan text of a .docx, as the import box shows it: headings as `#` lines, tables as
 * tab-separated rows (the same text `kpi import` parses for that file).
 * @example await docxPlanText(bytes) // "# PIAO 2026-2028\n## 1. Obiettivo di valore pubblico ..."
 */
export async function docxPlanText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  return documentText(await readDocxFile(bytes)).text;
}
