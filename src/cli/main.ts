import { readFileSync } from "fs";
import { join } from "path";
import type { Lang } from "../core/messages";
import { isArgsError, parseArgs, type OptionSpec } from "./args";
import { COMMANDS } from "./commands";
import { defaultLang } from "./i18n";
import { CliError, errorText, packageRoot, textFor, type CliContext, type CliIo } from "./io";

/** Options every command understands (`--lang` is taken out before, wherever it is). */
const COMMON: readonly OptionSpec[] = [{ name: "help", short: "h", value: false }];

/** The process's own stdout, stderr, environment and folder. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
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
  let lang: Lang = defaultLang(io.env);
  let badLang: string | null = null;
  const args0: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== "--lang" && !a.startsWith("--lang=")) {
      args0.push(a);
      continue;
    }
    const value = a === "--lang" ? argv[++i] : a.slice("--lang=".length);
    if (value === "it" || value === "en") lang = value;
    else badLang = value ?? "";
  }
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
    // A bug, not the user's input: still one line, the details only on request.
    io.stderr(`kpi: ${oneLine(ctx.t.internal(errorText(e)))}\n`);
    if (io.env.KPI_DEBUG) io.stderr(`${e instanceof Error ? e.stack : String(e)}\n`);
    return 2;
  }
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
