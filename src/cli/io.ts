import { existsSync, readFileSync, realpathSync } from "fs";
import { dirname, join, resolve } from "path";
import type { Lang } from "../core";
import { CLI_TEXT, type CliText } from "./i18n";

/**
 * What every command works with: its I/O (stdout, stderr, environment, working directory),
 * its language and texts, the one error type it fails with, and the words for an operating
 * system's error. Reading the user's files is read-input.ts, writing them safe-write.ts.
 */

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

/** Resolves a path the user typed against the working directory. */
export function userPath(ctx: CliContext, file: string): string {
  return resolve(ctx.io.cwd, file);
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
