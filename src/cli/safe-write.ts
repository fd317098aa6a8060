import { randomBytes } from "crypto";
import { closeSync, existsSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { CliError, osReason, userPath, type CliContext } from "./io";

/**
 * Writing an output file so that nothing of the user's is lost: never over the input, never
 * over an existing file without `--force`, through a temporary file that is removed on any
 * failure or interruption.
 */

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
