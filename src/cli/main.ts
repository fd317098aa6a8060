import { readFileSync } from "fs";
import { join } from "path";
import type { Lang } from "../core";
import { isArgsError, parseArgs, type OptionSpec } from "./args";
import { COMMANDS } from "./commands";
import { defaultLang } from "./i18n";
import { CliError, errorText, osReason, packageRoot, textFor, type CliContext, type CliIo } from "./io";

/** Options every command understands (`--lang` is taken out before, wherever it is). */
const COMMON: readonly OptionSpec[] = [{ name: "help", short: "h", value: false }];

/**
 * A write to stdout that failed (a full disk behind `> file`, a closed pipe): the command
 * stops and `runCli` says so in one line, exit 2.
 */
export class StdoutError extends Error {
  constructor(readonly code: string) {
    super(`stdout: ${code}`);
    this.name = "StdoutError";
  }
}

/** The process's own stdout, stderr, environment and folder. */
export function processIo(): CliIo {
  return {
    stdout: (text) => {
      try {
        process.stdout.write(text);
      } catch (e) {
        throw new StdoutError((e as NodeJS.ErrnoException).code ?? "EIO");
      }
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Runs `kpi` with the arguments after the program name; resolves to the exit code:
 * 0 no errors, 1 validation errors, 2 unusable input or arguments (one line on stderr).
 * @example await runCli(["check", "piano.xlsx", "--json"], processIo())
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // The language first, so that even an argument error speaks the user's language;
  // `--lang` may come before or after the command.
  const { lang, badLang, rest: args0 } = splitLang(argv, io.env);
  const ctx: CliContext = { io, lang, t: textFor(lang) };
  try {
    if (badLang !== null) throw new CliError(ctx.t.badLang(badLang));
    const [name, ...rest] = args0;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout(ctx.t.usage + "\n");
      return 0;
    }
    if (name === "--version" || name === "-v") {
      io.stdout(`${version()}\n`);
      return 0;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
    if (!command) throw new CliError(ctx.t.unknownCommand(name));
    const args = parseArgs(rest, [...command.options, ...COMMON]);
    if (isArgsError(args)) {
      throw new CliError(args.kind === "unknown" ? ctx.t.unknownOption(args.option, name) : ctx.t.missingValue(args.option));
    }
    if (args.options.help === true) {
      io.stdout(ctx.t.commandHelp[command.name] + "\n");
      return 0;
    }
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`kpi: ${oneLine(e.message)}\n`);
      return e.exitCode;
    }
    if (e instanceof StdoutError) {
      io.stderr(`kpi: ${stdoutFailure(lang, e.code)}\n`);
      return 2;
    }
    // A bug, not the user's input: still one line, the details only on request.
    // The library's own words only on request: the line names the kind of failure.
    io.stderr(`kpi: ${oneLine(ctx.t.internal(io.env.KPI_DEBUG ? errorText(e) : e instanceof Error ? e.name : typeof e))}\n`);
    if (io.env.KPI_DEBUG) io.stderr(`${e instanceof Error ? e.stack : String(e)}\n`);
    return 2;
  }
}

/**
 * `--lang` taken out of the arguments, wherever it is (before or after the command); the
 * language defaults to the environment's.
 * @example splitLang(["check", "a.xlsx", "--lang", "en"], {}) // { lang: "en", badLang: null, rest: ["check", "a.xlsx"] }
 */
export function splitLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { lang: Lang; badLang: string | null; rest: string[] } {
  let lang: Lang = defaultLang(env);
  let badLang: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== "--lang" && !a.startsWith("--lang=")) {
      rest.push(a);
      continue;
    }
    const value = a === "--lang" ? argv[++i] : a.slice("--lang=".length);
    if (value === "it" || value === "en") lang = value;
    else badLang = value ?? "";
  }
  return { lang, badLang, rest };
}

/**
 * The one line for an output that could not be written (`ENOSPC`, `EPIPE` ...).
 * @example stdoutFailure("en", "ENOSPC") // "Cannot write the output: no space left on the disk."
 */
export function stdoutFailure(lang: Lang, code: string): string {
  const t = textFor(lang);
  if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") return t.stdoutClosed;
  return t.stdoutFailed(osReason({ io: { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: "" }, lang, t }, { code }));
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** The package version, read from package.json next to the code. */
export function version(): string {
  const root = packageRoot();
  if (!root) return "unknown";
  try {
    return String(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}
