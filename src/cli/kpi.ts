/**
 * The `kpi` command (built to dist/cli/kpi.js; `npm run --silent kpi -- <command>`).
 * The commands are in src/cli/commands/ (the table in index.ts); see `kpi --help`.
 * In the webpack bundle `require.main === module` is always false (webpack wraps `module`),
 * so this entry runs unconditionally: tests import src/cli/main.ts instead.
 */
import { CLI_TEXT } from "./i18n";
import { removePendingTemps } from "./safe-write";
import { processIo, runCli, splitLang, stdoutFailure } from "./main";

const { lang } = splitLang(process.argv.slice(2), process.env);

/** One line on stderr and exit 2: what every failure outside a command's own checks comes to. */
function fail(line: string, error?: unknown): never {
  removePendingTemps();
  try {
    process.stderr.write(`kpi: ${line}\n`);
    if (process.env.KPI_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  } catch {
    // stderr itself is gone: the exit code is all that is left.
  }
  process.exit(2);
}

// `kpi check big.xlsx | head` (EPIPE) or `> /dev/full` (ENOSPC): the error comes as an event
// on the stream, often after the command has finished writing; one line, exit 2.
process.stdout.on("error", (e: NodeJS.ErrnoException) => fail(stdoutFailure(lang, e.code ?? "EIO"), e));
process.stderr.on("error", () => process.exit(2));

// Interrupted (Ctrl-C, kill): the temporary file of a write under way goes too.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.on(signal, () => {
    removePendingTemps();
    process.exit(code);
  });
}

// Never a stack trace without KPI_DEBUG=1, whatever escapes.
process.on("uncaughtException", (e) => fail(CLI_TEXT[lang].internalUnknown, e));

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => fail(CLI_TEXT[lang].internalUnknown, e),
);
