import { isArgsError, parseArgs, type OptionSpec } from "../../src/cli/args";
import { defaultLang } from "../../src/cli/i18n";

const SPECS: OptionSpec[] = [
  { name: "year", value: true },
  { name: "json", value: false },
  { name: "output", short: "o", value: true },
];

describe("parseArgs", () => {
  it("reads positionals, flags and values in both spellings", () => {
    expect(parseArgs(["a.xlsx", "--year=2022", "-o", "b.xlsx", "--json"], SPECS)).toEqual({
      positionals: ["a.xlsx"],
      options: { year: "2022", output: "b.xlsx", json: true },
    });
    expect(parseArgs(["--output", "x.xlsx", "in.xlsx", "-o=y.xlsx"], SPECS)).toEqual({
      positionals: ["in.xlsx"],
      options: { output: "y.xlsx" },
    });
  });

  it("treats everything after -- as positionals", () => {
    expect(parseArgs(["--", "--json", "-o"], SPECS)).toEqual({ positionals: ["--json", "-o"], options: {} });
  });

  it("returns errors for unknown options and missing values", () => {
    expect(parseArgs(["--nope"], SPECS)).toEqual({ kind: "unknown", option: "--nope" });
    expect(parseArgs(["-x"], SPECS)).toEqual({ kind: "unknown", option: "-x" });
    expect(parseArgs(["--json=1"], SPECS)).toEqual({ kind: "unknown", option: "--json=1" });
    expect(parseArgs(["--year"], SPECS)).toEqual({ kind: "missing_value", option: "--year" });
    expect(parseArgs(["-o", "--json"], SPECS)).toEqual({ kind: "missing_value", option: "-o" });
    expect(isArgsError(parseArgs(["--year", "2021"], SPECS))).toBe(false);
  });
});

describe("defaultLang", () => {
  it("is Italian unless LANG starts with en", () => {
    expect(defaultLang({})).toBe("it");
    expect(defaultLang({ LANG: "it_IT.UTF-8" })).toBe("it");
    expect(defaultLang({ LANG: "C.UTF-8" })).toBe("it");
    expect(defaultLang({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(defaultLang({ LANG: "EN" })).toBe("en");
  });
});
