import type { OptionSpec, ParsedArgs } from "../args";
import type { CliContext } from "../io";

/** One `kpi` command, registered in the table in src/cli/commands/index.ts. */
export interface Command {
  readonly name: "import" | "check" | "demo" | "report" | "snapshot";
  /** Options besides the common `--lang` and `--help`. */
  readonly options: readonly OptionSpec[];
  /** Runs the command; resolves to the exit code. Throws `CliError` for unusable input. */
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
