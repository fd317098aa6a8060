import type { ParsedArgs } from "../args";
import { CliError, type CliContext } from "../io";
import { parsePeriod, type Period, periodKey } from "../../core";

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

/**
 * `--periodo` / `--period` (`2026-06-30`, `30/06/2026`, `2026` = year end), or a usage error;
 * `null` when neither is given. Both at once must agree.
 */
export function periodOption(ctx: CliContext, options: ParsedArgs["options"]): Period | null {
  const given = [options.periodo, options.period].filter((v) => v !== undefined);
  if (given.length === 0) return null;
  const periods = given.map((value) => {
    const text = value === true ? "" : value.trim();
    const period = parsePeriod(text);
    if (period === null) throw new CliError(ctx.t.badPeriod(text));
    return period;
  });
  if (periods.length === 2 && periodKey(periods[0]) !== periodKey(periods[1])) throw new CliError(ctx.t.badPeriod(`${given[0]} / ${given[1]}`));
  return periods[0];
}

/** `--year` as a number, or a usage error. */
export function yearOption(ctx: CliContext, value: string | true | undefined): number | null {
  if (value === undefined) return null;
  const text = value === true ? "" : value.trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 1900) throw new CliError(ctx.t.badYear(text));
  return Number(text);
}
