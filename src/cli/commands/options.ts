import type { OptionSpec, ParsedArgs } from "../args";
import { CliError, type CliContext } from "../io";
import { parsePeriod, type Period, periodKey } from "../../core";

/** The options several commands share, spelled once. */
export const OPTION = {
  year: { name: "year", value: true },
  json: { name: "json", value: false },
  output: { name: "output", short: "o", value: true },
  force: { name: "force", value: false },
} as const satisfies Record<string, OptionSpec>;

/** `--periodo` and `--period`: the Italian and English spellings of one option (`periodOption`). */
export const PERIOD_OPTIONS: readonly OptionSpec[] = [
  { name: "periodo", value: true },
  { name: "period", value: true },
];

/** What every file command reads first: its input, `-o` and `--force`. */
export interface FileRequest {
  readonly input: string;
  readonly output: string | undefined;
  readonly force: boolean;
}

/**
 * The input (`singleInput`), the `-o` path if given and `--force`, for command `command`.
 * @example fileRequest({ positionals: ["a.xlsx"], options: { force: true } }, ctx, "check") // { input: "a.xlsx", output: undefined, force: true }
 */
export function fileRequest(args: ParsedArgs, ctx: CliContext, command: string): FileRequest {
  return { input: singleInput(args, ctx, command), output: stringOption(args.options.output), force: args.options.force === true };
}

/**
 * The one file a command works on: its single positional argument, or a usage error that
 * names the command.
 * @example singleInput({ positionals: ["piano.xlsx"], options: {} }, ctx, "check") // "piano.xlsx"
 */
export function singleInput(args: ParsedArgs, ctx: CliContext, command: string): string {
  const [input, ...extra] = args.positionals;
  if (input === undefined) throw new CliError(ctx.t.missingInput(command));
  if (extra.length > 0) throw new CliError(ctx.t.extraArgument(extra[0], command));
  return input;
}

/**
 * An option that takes a value, as a string; `undefined` when not given.
 * @example stringOption(true) // undefined (the flag was given without a value)
 */
export function stringOption(value: string | true | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * `--periodo` / `--period` (`2026-06-30`, `30/06/2026`, `2026` = year end), or a usage error;
 * `null` when neither is given. Both at once must agree.
 * @example periodOption(ctx, { periodo: "30/06/2026" }) // { year: 2026, date: "06-30" }
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

/**
 * `--year` as a number, or a usage error.
 * @example yearOption(ctx, "2022") // 2022
 */
export function yearOption(ctx: CliContext, value: string | true | undefined): number | null {
  if (value === undefined) return null;
  const text = value === true ? "" : value.trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 1900) throw new CliError(ctx.t.badYear(text));
  return Number(text);
}
