/**
 * The `kpi` command (built to dist/cli/kpi.js; `npm run --silent kpi -- <command>`).
 * The commands are in src/cli/commands/ (the table in index.ts); see `kpi --help`.
 * In the webpack bundle `require.main === module` is always false (webpack wraps `module`),
 * so this entry runs unconditionally: tests import src/cli/main.ts instead.
 */
import { processIo, runCli } from "./main";

// `kpi check big.xlsx | head`: the reader has what it wanted; stop quietly, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
