import { randomBytes } from "crypto";
import { closeSync, constants as fsConstants, existsSync, fstatSync, fsyncSync, linkSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "fs";
import { basename, dirname, join, resolve } from "path";
import type { Lang } from "../core";
import { CLI_TEXT, type CliText } from "./i18n";
import { LIMITS } from "./limits";
import { XlsxError } from "./xlsx-error";
import { readXlsxGrids, type WorkbookGrids } from "./xlsx-read";
import { looksLikeZip } from "./zip";

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Everything a command receives. */
export interface CliContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly t: CliText;
}

/**
 * An input or usage the CLI cannot work with. `main` prints its message as one line on
 * stderr and exits with `exitCode` (2), without a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The OLE compound file signature: encrypted .xlsx files and old .xls files start with it. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream a password-protected .xlsx keeps its content in, as named in the OLE directory (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

const MB = 1024 * 1024;

/** Resolves a path the user typed against the working directory. */
export function userPath(ctx: CliContext, file: string): string {
  return resolve(ctx.io.cwd, file);
}

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

/** True when two paths name the same file (same path, or the same inode through links). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
  } catch {
    // One of them does not exist: they cannot be the same file.
  }
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Temporary files being written: removed if the process is interrupted (see kpi.ts). */
const PENDING = new Set<string>();

/**
 * Removes the temporary files of writes still under way; called on SIGINT and SIGTERM.
 * @example process.on("SIGTERM", () => { removePendingTemps(); process.exit(143); });
 */
export function removePendingTemps(): void {
  for (const temp of PENDING) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  PENDING.clear();
}

export interface WriteOptions {
  /** Replace an existing file (`--force`). */
  readonly overwrite?: boolean;
  /** Called with the temporary file's path once it is written, before it takes the output's name (tests). */
  readonly beforeCommit?: (temp: string) => void;
}

/**
 * Writes an output file so that nothing of the user's is lost: the data goes to a temporary
 * file with a random name, created exclusively (`wx`: a file or symlink planted at that name
 * makes the open fail instead of being followed) in the target folder, then takes the
 * output's name. Without `overwrite` it does so with a hard link, which fails if the output
 * appeared meanwhile (another run, another program): nothing is replaced, ever. With
 * `overwrite` a rename replaces it atomically. The temporary file is removed on any failure
 * (and on SIGINT/SIGTERM, see kpi.ts). Refuses to write over `input`.
 */
export function writeOutput(ctx: CliContext, file: string, data: Buffer, input?: string, options: WriteOptions = {}): string {
  const path = userPath(ctx, file);
  if (input !== undefined && sameFile(path, userPath(ctx, input))) throw new CliError(ctx.t.sameAsInput(file));
  // A workbook at that path may hold a year of typed values: replacing it takes --force.
  if (!options.overwrite && existsSync(path)) throw new CliError(ctx.t.outputExists(file));
  const dir = dirname(path);
  if (!existsSync(dir)) throw new CliError(ctx.t.cannotWrite(file, ctx.t.os.ENOENT));
  const temp = join(dir, `.${basename(path)}.${randomBytes(8).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, "wx", 0o666);
  } catch (e) {
    throw new CliError(ctx.t.cannotWrite(file, osReason(ctx, e)));
  }
  PENDING.add(temp);
  try {
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeCommit?.(temp);
    if (options.overwrite) renameSync(temp, path);
    else commitNew(temp, path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "EEXIST" ? ctx.t.outputExists(file) : ctx.t.cannotWrite(file, osReason(ctx, e)));
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Renamed: nothing left to remove.
    }
    PENDING.delete(temp);
  }
  return path;
}

/** Gives `temp` the name `path` only if no file has it: EEXIST otherwise. */
function commitNew(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // File systems without hard links (some network and FAT drives): check, then rename.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw e;
    if (existsSync(path)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(temp, path);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let at = 0;
  while (at < data.length) at += writeSync(fd, data, at, data.length - at);
}

/**
 * An operating-system error as a few words in the user's language (`ENOSPC` -> "no space
 * left on the disk"), never the library's own message.
 */
export function osReason(ctx: CliContext, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? "";
  const known = ctx.t.os as unknown as Record<string, string | ((c: string) => string)>;
  const text = known[code];
  return typeof text === "string" ? text : ctx.t.os.other(code || "?");
}

/** The first line of an error's message: what the user is shown. */
export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split("\n")[0] || String(e)).trim();
}

/**
 * The package's root folder (where package.json and seeds/ are), found from this file's
 * folder or the running script, not from the working directory.
 */
export function packageRoot(): string | null {
  const starts = [typeof __dirname === "string" ? __dirname : "", process.argv[1] ? dirname(safeRealpath(process.argv[1])) : ""];
  for (const start of starts) {
    let dir = start;
    for (let i = 0; dir && i < 8; i++) {
      const pkg = join(dir, "package.json");
      if (existsSync(pkg)) {
        try {
          if (JSON.parse(readFileSync(pkg, "utf8")).name === "kpi-piano-performance") return dir;
        } catch {
          // Not ours; keep climbing.
        }
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return null;
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The CLI's texts for a language. */
export function textFor(lang: Lang): CliText {
  return CLI_TEXT[lang];
}
