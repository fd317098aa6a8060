import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import type { Lang } from "../core/messages";
import type { SheetGrid } from "../core/types";
import { CLI_TEXT, type CliText } from "./i18n";
import { readXlsx } from "./xlsx-read";
import { looksLikeZip, readZip, ZipError } from "./zip";

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

/** Resolves a path the user typed against the working directory. */
export function userPath(ctx: CliContext, file: string): string {
  return resolve(ctx.io.cwd, file);
}

/** Reads a file the user named, or fails with one clear line (not found, folder, unreadable). */
export function readUserFile(ctx: CliContext, file: string): Buffer {
  const path = userPath(ctx, file);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(ctx.t.notFound(file));
    throw new CliError(ctx.t.unreadable(file, errorText(e)));
  }
  if (isDir) throw new CliError(ctx.t.isDirectory(file));
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(ctx.t.unreadable(file, errorText(e)));
  }
}

/**
 * Reads an .xlsx into grids, turning every way a file can be unusable into one line:
 * empty, encrypted or old .xls (OLE signature), not a ZIP, truncated, damaged, no sheets.
 */
export async function readWorkbook(ctx: CliContext, file: string, bytes: Buffer): Promise<SheetGrid[]> {
  const t = ctx.t;
  if (bytes.length === 0) throw new CliError(t.empty(file));
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_SIGNATURE)) throw new CliError(t.encrypted(file));
  if (!looksLikeZip(bytes)) throw new CliError(t.notXlsx(file));
  try {
    readZip(bytes);
  } catch (e) {
    if (e instanceof ZipError && e.reason === "truncated") throw new CliError(t.truncated(file));
    // A ZIP64 or otherwise unusual archive may still be readable by ExcelJS.
    if (!(e instanceof ZipError && e.reason === "unsupported")) throw new CliError(t.corrupt(file, errorText(e)));
  }
  let sheets: SheetGrid[];
  try {
    sheets = await readXlsx(bytes);
  } catch (e) {
    throw new CliError(t.corrupt(file, errorText(e)));
  }
  if (sheets.length === 0) throw new CliError(t.noSheets(file));
  return sheets;
}

/** Reads a plan text (UTF-8, or Windows-1252 as a fallback), refusing binary files. */
export function readPlanText(ctx: CliContext, file: string): string {
  const bytes = readUserFile(ctx, file);
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

/**
 * Writes an output file atomically (a temporary file in the same folder, then a rename), so
 * that an interrupted run never leaves half a workbook; refuses to write over `input`.
 */
export function writeOutput(
  ctx: CliContext,
  file: string,
  data: Buffer,
  input?: string,
  options: { overwrite?: boolean } = {},
): string {
  const path = userPath(ctx, file);
  if (input !== undefined && sameFile(path, userPath(ctx, input))) throw new CliError(ctx.t.sameAsInput(file));
  // A workbook at that path may hold a year of typed values: replacing it takes --force.
  if (!options.overwrite && existsSync(path)) throw new CliError(ctx.t.outputExists(file));
  const dir = dirname(path);
  if (!existsSync(dir)) throw new CliError(ctx.t.cannotWrite(file, ctx.lang === "it" ? "la cartella non esiste" : "the folder does not exist"));
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    throw new CliError(ctx.t.cannotWrite(file, errorText(e)));
  }
  return path;
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
