import type { ParsedArgs } from "../args";
import { CliError, type CliContext } from "../io";

/**
 * The one file a command works on: its single positional argument, or a usage error that
 * names the command.
 */
export function singleInput(args: ParsedArgs, ctx: CliContext, command: string): string {
  const [input, ...extra] = args.positionals;
  if (input === undefined) throw new CliError(ctx.t.missingInput(command));
  if (extra.length > 0) throw new CliError(ctx.t.extraArgument(extra[0], command));
  return input;
}

/** An option that takes a value, as a string; `undefined` when not given. */
export function stringOption(value: string | true | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `--year` as a number, or a usage error. */
export function yearOption(ctx: CliContext, value: string | true | undefined): number | null {
  if (value === undefined) return null;
  const text = value === true ? "" : value.trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 1900) throw new CliError(ctx.t.badYear(text));
  return Number(text);
}
