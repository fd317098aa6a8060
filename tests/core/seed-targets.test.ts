import { readFileSync } from "fs";
import { join } from "path";
import { formatTarget, isKpiError, parseTarget, serialToIso, type Target } from "../../src/core";

/**
 * Every distinct Target cell of the plan in seeds/, with its meaning written out by hand.
 * `d:` marks a date operand (ISO), a trailing `%` a percentage.
 */
const EXPECTED: Record<string, string[]> = {
  ">= 100%": ["* >= 100%"],
  ">= 1": ["* >= 1"],
  "<= 31/12/2021": ["* <= d:2021-12-31"],
  ">= 80%": ["* >= 80%"],
  "<= 30/09/2021": ["* <= d:2021-09-30"],
  ">= 2": ["* >= 2"],
  "<= 30/11/2021": ["* <= d:2021-11-30"],
  "Anno: 2021 >= 7 Anno: 2022 >= 7 Anno: 2023 >= 7": ["2021 >= 7", "2022 >= 7", "2023 >= 7"],
  ">= 7": ["* >= 7"],
  ">= 4": ["* >= 4"],
  ">= 3": ["* >= 3"],
  ">= 100": ["* >= 100"],
  "<= 31/10/2021": ["* <= d:2021-10-31"],
  "<= 30/06/2021": ["* <= d:2021-06-30"],
  "Anno: 2021 >= 90% Anno: 2022 >= 85% Anno: 2023 >= 85%": ["2021 >= 90%", "2022 >= 85%", "2023 >= 85%"],
  "Anno: 2021 >= 75% Anno: 2022 >= 74% Anno: 2023 >= 74%": ["2021 >= 75%", "2022 >= 74%", "2023 >= 74%"],
  "Anno: 2021 >= 30% Anno: 2022 >= 35% Anno: 2023 >= 40%": ["2021 >= 30%", "2022 >= 35%", "2023 >= 40%"],
  "Anno: 2021 >= 140 Anno: 2022 >= 140 Anno: 2023 >= 140": ["2021 >= 140", "2022 >= 140", "2023 >= 140"],
  "Anno: 2021 >= 100% Anno: 2022 >= 100% Anno: 2023 >= 100%": ["2021 >= 100%", "2022 >= 100%", "2023 >= 100%"],
  "Anno: 2021 >= 100% Anno: 2022 >= 100% Anno: 2023 ---": ["2021 >= 100%", "2022 >= 100%", "2023 ---"],
  "Anno: 2021 >= 1 Anno: 2022 >= 1 Anno: 2023 >= 1": ["2021 >= 1", "2022 >= 1", "2023 >= 1"],
  "Anno: 2021 >= 0,85 Anno: 2022 >= 0,9 Anno: 2023 >= 1": ["2021 >= 0.85", "2022 >= 0.9", "2023 >= 1"],
  "Anno: 2021 >= 0,85 Anno: 2022 >= 0,85 Anno: 2023 >= 1": ["2021 >= 0.85", "2022 >= 0.85", "2023 >= 1"],
  "Anno: 2021 >= +15% Anno: 2022 >= +16% Anno: 2023 >= +17%": ["2021 >= 15%", "2022 >= 16%", "2023 >= 17%"],
  "Anno: 2021 >= +15% Anno: 2022 >= +15% Anno: 2023 >= +15%": ["2021 >= 15%", "2022 >= 15%", "2023 >= 15%"],
  "Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 ---": ["2021 >= 15%", "2022 >= 10%", "2023 ---"],
  "Anno: 2021 >= +10% Anno: 2022 >= +5% Anno: 2023 >= +5%": ["2021 >= 10%", "2022 >= 5%", "2023 >= 5%"],
  "Anno: 2021 >= +10% Anno: 2022 >= +10% Anno: 2023 >= +5%": ["2021 >= 10%", "2022 >= 10%", "2023 >= 5%"],
  "Anno: 2021 >= +10% Anno: 2022 >= +10% Anno: 2023 >= +15%": ["2021 >= 10%", "2022 >= 10%", "2023 >= 15%"],
  "Anno: 2021 <= 1 Anno: 2022 <= 1 Anno: 2023 <= 1": ["2021 <= 1", "2022 <= 1", "2023 <= 1"],
  ">= 95%": ["* >= 95%"],
  ">= 70%": ["* >= 70%"],
  ">= 60%": ["* >= 60%"],
  ">= 5%": ["* >= 5%"],
  ">= 5": ["* >= 5"],
  ">= 30": ["* >= 30"],
  ">= 20%": ["* >= 20%"],
  ">= 10%": ["* >= 10%"],
  ">= 1,5": ["* >= 1.5"],
  ">= +5%": ["* >= 5%"],
  ">= +15%": ["* >= 15%"],
  ">= +10%": ["* >= 10%"],
  "<= 7": ["* <= 7"],
  "<= 31/07/2021": ["* <= d:2021-07-31"],
  "<= 31/05/2021": ["* <= d:2021-05-31"],
  "<= 30/10/2021": ["* <= d:2021-10-30"],
  "<= 20": ["* <= 20"],
  "<= 0": ["* <= 0"],
};

/** Renders a parsed target in the notation of EXPECTED. */
function describe_(t: Target): string[] {
  return t.entries.map((e) => {
    const year = e.year === null ? "*" : String(e.year);
    if (!e.condition) return `${year} ---`;
    const { op, value, unit } = e.condition;
    const operand = unit === "date" ? `d:${serialToIso(value)}` : `${value}${unit === "percent" ? "%" : ""}`;
    return `${year} ${op} ${operand}`;
  });
}

function seedTargets(): string[] {
  const text = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
  const cells = text
    .split(/\r?\n/)
    .map((line) => line.split("\t"))
    .filter((cols) => cols.length === 5 && !/Indicatori testo/.test(cols[0]))
    .map((cols) => cols[4].trim());
  return [...new Set(cells)];
}

describe("every target shape in the seed plan", () => {
  it("covers exactly the distinct Target cells of seeds/ (a new shape must be added here)", () => {
    expect(seedTargets().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (text, expected) => {
    const t = parseTarget(text);
    if (isKpiError(t)) throw new Error(t.message.en);
    expect(describe_(t)).toEqual(expected);
    // The canonical text reads back to the same target.
    expect(parseTarget(formatTarget(t))).toEqual(t);
  });
});
