/** One option a command accepts. */
export interface OptionSpec {
  /** Long name without dashes: `output`, `year`, `json`. */
  readonly name: string;
  /** One-letter alias without the dash: `o`. */
  readonly short?: string;
  /** `true` when the option takes a value (`--year 2022`, `--year=2022`, `-o out.xlsx`). */
  readonly value: boolean;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | true>;
}

export type ArgsError =
  | { readonly kind: "unknown"; readonly option: string }
  | { readonly kind: "missing_value"; readonly option: string };

/**
 * Splits a command line into positionals and options. `--` ends the options; a lone `-` is a
 * positional. Returns an error value for an unknown option or a missing value.
 * @example parseArgs(["a.xlsx", "--year=2022", "-o", "b.xlsx"], [{ name: "year", value: true }, { name: "output", short: "o", value: true }])
 *   // { positionals: ["a.xlsx"], options: { year: "2022", output: "b.xlsx" } }
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs | ArgsError {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const key = arg.startsWith("--") ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, eq < 0 ? undefined : eq);
    const spec = arg.startsWith("--") ? specs.find((s) => s.name === key) : specs.find((s) => s.short === key);
    const shown = eq < 0 ? arg : arg.slice(0, eq);
    if (!spec) return { kind: "unknown", option: shown };
    if (!spec.value) {
      if (eq >= 0) return { kind: "unknown", option: arg };
      options[spec.name] = true;
      continue;
    }
    if (eq >= 0) {
      options[spec.name] = arg.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith("-") && next !== "-")) return { kind: "missing_value", option: shown };
    options[spec.name] = next;
    i++;
  }
  return { positionals, options };
}

export function isArgsError(x: ParsedArgs | ArgsError): x is ArgsError {
  return "kind" in x;
}
