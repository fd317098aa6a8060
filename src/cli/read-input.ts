import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, statSync, type Stats } from "fs";
import { CliError, osReason, userPath, type CliContext } from "./io";
import { LIMITS } from "./limits";
import { XlsxError } from "./xlsx-error";
import { readXlsxGrids, type WorkbookGrids } from "./xlsx-read";
import { looksLikeZip } from "./zip";

/**
 * The files a user hands the CLI, read with one clear line for every way they can be wrong:
 * a path that is not a regular file or is too large, a workbook that is encrypted, an old
 * .xls, an .ods, a CSV, truncated or damaged, a plan text that is binary or in Windows-1252.
 */

/** The OLE compound file signature: encrypted .xlsx files and old .xls files start with it. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream a password-protected .xlsx keeps its content in, as named in the OLE directory (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

const MB = 1024 * 1024;

/**
 * Reads a file the user named, or fails with one clear line: not found, a folder, not a
 * regular file (a device such as /dev/zero, a FIFO, a socket: refused before opening, so a
 * FIFO nobody writes to cannot block), larger than `maxBytes`, unreadable.
 */
export function readUserFile(ctx: CliContext, file: string, maxBytes: number = LIMITS.inputBytes, tooLarge = ctx.t.tooLarge): Buffer {
  const path = userPath(ctx, file);
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(ctx.t.notFound(file));
    throw new CliError(ctx.t.unreadable(file, osReason(ctx, e)));
  }
  if (st.isDirectory()) throw new CliError(ctx.t.isDirectory(file));
  if (!st.isFile()) throw new CliError(ctx.t.notRegular(file));
  if (st.size > maxBytes) throw new CliError(tooLarge(file, maxBytes / MB));
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the check, opening does not wait.
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new CliError(ctx.t.unreadable(file, osReason(ctx, e)));
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) throw new CliError(ctx.t.notRegular(file));
    if (now.size > maxBytes) throw new CliError(tooLarge(file, maxBytes / MB));
    // Read what the file holds now, never more than the limit (a file growing meanwhile).
    const buffer = Buffer.alloc(now.size);
    let got = 0;
    while (got < buffer.length) {
      const n = readSync(fd, buffer, got, buffer.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === buffer.length ? buffer : buffer.subarray(0, got);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(ctx.t.unreadable(file, osReason(ctx, e)));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an .xlsx into grids with the streaming reader, turning every way a file can be
 * unusable into one line: empty, encrypted, an old .xls, an .ods, a CSV, not a ZIP,
 * truncated, damaged, too large once inflated, no sheets.
 */
export async function readWorkbook(ctx: CliContext, file: string, bytes: Buffer): Promise<WorkbookGrids> {
  const t = ctx.t;
  if (bytes.length === 0) throw new CliError(t.empty(file));
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw new CliError(bytes.includes(ENCRYPTED_PACKAGE) || !/\.xls$/i.test(file) ? t.encrypted(file) : t.xls(file));
  }
  if (!looksLikeZip(bytes)) throw new CliError(looksLikeCsv(file, bytes) ? t.csv(file) : t.notXlsx(file));
  if (isOpenDocument(bytes)) throw new CliError(t.ods(file));
  let read: WorkbookGrids;
  try {
    read = await readXlsxGrids(bytes);
  } catch (e) {
    if (!(e instanceof XlsxError)) throw e;
    switch (e.reason) {
      case "too_large":
        throw new CliError(t.tooLargeInside(file, LIMITS.xmlBytes / MB));
      case "too_many_rows":
        throw new CliError(t.tooManyRows(file, e.part));
      case "zip_truncated":
        throw new CliError(t.truncated(file));
      case "missing_part":
      case "bad_xml":
        throw new CliError(t.corrupt(file, t.why[e.reason](e.part)));
      default:
        throw new CliError(t.corrupt(file, t.why[e.reason]));
    }
  }
  if (read.sheets.length === 0) throw new CliError(t.noSheets(file));
  return read;
}

/** An OpenDocument package (.ods, .odt): its first entry is named `mimetype`, which no .xlsx has. */
function isOpenDocument(bytes: Buffer): boolean {
  return bytes.length > 38 && bytes.readUInt16LE(26) === 8 && bytes.subarray(30, 38).toString("latin1") === "mimetype";
}

/** A .csv name, or text whose first line has separators: what a CSV export looks like. */
function looksLikeCsv(file: string, bytes: Buffer): boolean {
  if (/\.(csv|tsv)$/i.test(file)) return true;
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  const first = head.toString("utf8").split(/\r?\n/)[0] ?? "";
  return /^[^;,\t]+([;,\t][^;,\t]*){2,}$/.test(first);
}

/** Characters XML 1.0 does not allow (controls, U+FFFE, U+FFFF, lone surrogates): Excel refuses a file holding them. */
const XML_ILLEGAL = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Reads a plan text (UTF-8, or Windows-1252 as a fallback), refusing binary files and texts
 * above LIMITS.planBytes. Characters an Excel file cannot hold are removed, with a warning
 * on stderr, so that the workbook written from the text opens.
 */
export function readPlanText(ctx: CliContext, file: string): string {
  const bytes = readUserFile(ctx, file, LIMITS.planBytes, ctx.t.planTooLarge);
  if (bytes.length === 0) throw new CliError(ctx.t.empty(file));
  const kind = binaryKind(bytes);
  if (kind) throw new CliError(ctx.t.notText(file, kind));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Plans saved by old Windows tools: every byte is a character in Windows-1252.
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let stripped = 0;
  text = text.replace(XML_ILLEGAL, () => {
    stripped++;
    return "";
  });
  if (stripped > 0) ctx.io.stderr(`kpi: ${ctx.t.strippedChars(stripped)}\n`);
  if (text.trim() === "") throw new CliError(ctx.t.empty(file));
  return text;
}

function binaryKind(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "PDF";
  if (looksLikeZip(bytes)) return "ZIP/xlsx/docx";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return "doc/xls";
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? "binary" : null;
}
