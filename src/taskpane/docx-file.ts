import { documentText, type PlanDocument } from "../core";
import { DocxError } from "../docx/word-sax";
import { readWordParts } from "../docx/word-xml";

/**
 * A plan's Word source (.docx) chosen in the pane, read in the page (nothing is uploaded):
 * the ZIP with a small reader of its central directory and the browser's own
 * `DecompressionStream("deflate-raw")` (no library: the pane's bundle stays free of
 * `new Function` and of third-party URLs, as its CSP requires), the XML with the shared Word
 * reader (src/docx/word-xml.ts), so the pane and `kpi import` read a document the same way.
 */

/** Larger files, or parts, are refused before unzipping: a plan's .docx is a few megabytes at most. */
export const MAX_DOCX_MB = 64;
const MAX_BYTES = MAX_DOCX_MB * 1024 * 1024;

const PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml"] as const;

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

interface Entry {
  readonly method: number;
  readonly size: number;
  readonly data: Uint8Array;
}

/** The wanted entries of a ZIP archive, found through its central directory. */
function zipEntries(b: Uint8Array, wanted: readonly string[]): Map<string, Entry> {
  let end = -1;
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 0xffff); p--) {
    if (u32(b, p) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new DocxError("not_word", "not a ZIP archive");
  const count = u16(b, end + 10);
  let p = u32(b, end + 16);
  const names = new TextDecoder("utf-8");
  const found = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new DocxError("damaged", "bad central directory");
    const method = u16(b, p + 10);
    const compressed = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const local = u32(b, p + 42);
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
    if (!wanted.includes(name)) continue;
    if (size > MAX_BYTES) throw new DocxError("too_large", String(MAX_DOCX_MB));
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new DocxError("damaged", `bad local header of ${name}`);
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (start + compressed > b.length) throw new DocxError("damaged", `${name} is truncated`);
    found.set(name, { method, size, data: b.subarray(start, start + compressed) });
  }
  return found;
}

async function inflate(entry: Entry, name: string): Promise<Uint8Array> {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw new DocxError("damaged", `${name}: compression method ${entry.method}`);
  if (typeof DecompressionStream === "undefined") throw new DocxError("damaged", "this Office version cannot decompress files");
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // A copy: the stream wants a view of a plain ArrayBuffer.
  // Its failure is read after the output (never left unhandled): `null` when all went in.
  const written = writer
    .write(new Uint8Array(entry.data))
    .then(() => writer.close())
    .then(
      () => null,
      (e: unknown) => e ?? new Error("write"),
    );
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (total > entry.size) throw new DocxError("damaged", `${name} is longer than declared`);
    }
    if ((await written) !== null) throw new DocxError("damaged", `${name} cannot be decompressed`);
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError("damaged", `${name} cannot be decompressed`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The document's paragraphs and tables.
 * @example await readDocxFile(new Uint8Array(await file.arrayBuffer())) // { blocks: [...] }
 */
export async function readDocxFile(bytes: ArrayBuffer | Uint8Array): Promise<PlanDocument> {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.byteLength > MAX_BYTES) throw new DocxError("too_large", String(MAX_DOCX_MB));
  const entries = zipEntries(b, PARTS);
  const text = new TextDecoder("utf-8");
  const part = async (name: string): Promise<string | null> => {
    const entry = entries.get(name);
    return entry ? text.decode(await inflate(entry, name)) : null;
  };
  const document = await part("word/document.xml");
  if (document === null) throw new DocxError("not_word", "word/document.xml is missing");
  return readWordParts({ document, styles: await part("word/styles.xml"), numbering: await part("word/numbering.xml") });
}

/**
 * The plan text of a .docx, as the import box shows it: headings as `#` lines, tables as
 * tab-separated rows (the same text `kpi import` parses for that file).
 * @example await docxPlanText(bytes) // "# PIAO 2026-2028\n# 1. Obiettivo di valore pubblico ..."
 */
export async function docxPlanText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  return documentText(await readDocxFile(bytes)).text;
}
