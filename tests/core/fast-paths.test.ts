/**
 * The engine's shortcuts (issue 6: validation at 100,000 rows) must give what the general
 * path gives. Each test pits a shortcut against a form of the same input that the shortcut
 * does not take, or against the rule it shortcuts.
 */
import fc from "fast-check";
import { achievement, achievementUnder, DEFAULT_RULES, roundHalfUp } from "../../src/core/achievement";
import { formatMessage } from "../../src/core/messages";
import { parseNumberText } from "../../src/core/numbers";
import { isBlankCell } from "../../src/core/grid";
import { HEADER_ALIASES, matchHeader, mayBeHeaderCell } from "../../src/core/reader/headers";
import type { CellValue, Condition } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/validate";
import { checkWeights, judgeWeightSum } from "../../src/core/weights";

const aliases = Object.values(HEADER_ALIASES).flat();

describe("header detection shortcuts", () => {
  // Spellings people type: any case, accents, tags, a year before or after, odd spaces.
  const decorated = fc
    .tuple(
      fc.constantFrom(...aliases),
      fc.constantFrom("", "<b>", "<b> ", " ", "\u00a0", "\t"),
      fc.constantFrom("", " 2022", " anno 2021", "2023 ", " (%)", ":"),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([alias, before, after, upper, accent, yearFirst]) => {
      let text = upper ? alias.toUpperCase() : alias;
      // An accent on a vowel, as "Attività" and "Unità" are typed: normalising drops it.
      if (accent) text = text.replace(/[aeiou]/, (v) => `${v}\u0301`);
      return yearFirst && after.startsWith("2") ? `${before}${after}${text}` : `${before}${text}${after}`;
    });

  it("never turns away a cell that matchHeader reads as a header", () => {
    fc.assert(
      fc.property(decorated, (cell) => {
        if (matchHeader(cell) !== null) expect(mayBeHeaderCell(cell)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    for (const alias of aliases) expect(mayBeHeaderCell(alias)).toBe(true);
  });

  it("turns away the data cells it is for, without reading them as headers", () => {
    for (const cell of [">= 15%", "<= 31/12/2021", "12,5", "(a)/(b)*100", "Numero eventi", "#N/A", 15, null, true]) {
      expect(mayBeHeaderCell(cell)).toBe(false);
      expect(matchHeader(cell)).toBeNull();
    }
  });

  it("lets through the headers that start with % or are a few letters long, and the data cells of a weight column turn out no header", () => {
    for (const cell of ["% Realizzazione", "%  di realizzazione", "Id", "Note", "Cod."]) {
      expect(mayBeHeaderCell(cell)).toBe(true);
      expect(matchHeader(cell)).not.toBeNull();
    }
    // Short data cells take the full test, which finds nothing in them.
    for (const cell of ["X", "x", "SI", "NO", "n.d.", "Sì"]) expect(matchHeader(cell)).toBeNull();
  });

  it("still reads a header behind a tag that starts with <", () => {
    expect(matchHeader("<b>Target 2022</b>")).toEqual({ role: "target", year: 2022 });
  });

  it("tells blank cells as trimming does", () => {
    const spaces = fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u202f", "\u3000", "\ufeff", "x", "A", "1", "-");
    fc.assert(
      fc.property(fc.array(spaces, { maxLength: 4 }).map((a) => a.join("")), (text) => {
        expect(isBlankCell(text)).toBe(text.trim() === "");
      }),
    );
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(0)).toBe(false);
  });
});

describe("number shortcuts", () => {
  it("reads a plain '12' or '12,5' as the signed or spaced form of it is read", () => {
    const plain = fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: undefined })).map(([i, d]) => (d === undefined ? `${i}` : `${i},${d}`));
    fc.assert(
      fc.property(plain, (text) => {
        // "+12,5" and " 12,5 " take the general path through signs and spaces.
        expect(parseNumberText(text)).toEqual(parseNumberText(`+${text}`));
        expect(parseNumberText(text)).toEqual(parseNumberText(` ${text} `));
      }),
    );
    // Too many digits for a double is an error on both paths, never Infinity.
    expect(parseNumberText("9".repeat(400))).toEqual(parseNumberText(`+${"9".repeat(400)}`));
  });

  it("rounds whole numbers to themselves, as the general rounding does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), (k, decimals) => {
        const x = k / 10 ** decimals;
        expect(roundHalfUp(x, decimals)).toBe(Number(x.toFixed(decimals)) || 0);
      }),
    );
    expect(roundHalfUp(2.345)).toBe(2.35);
    expect(roundHalfUp(100, 6)).toBe(100);
  });
});

describe("rules merged once", () => {
  const condition = fc.record({
    op: fc.constantFrom<Condition["op"]>(">=", "<=", ">", "<", "="),
    value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    unit: fc.constantFrom<Condition["unit"]>("number", "percent", "date"),
  });
  const rules = fc.record(
    { lowerIsBetter: fc.constantFrom("ratio" as const, "linear" as const), threshold: fc.option(fc.integer({ min: 0, max: 100 })), partialCredit: fc.boolean() },
    { requiredKeys: [] },
  );

  it("gives the achievement that merging the rules on every call gives", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), condition, rules, (value, c, r) => {
        expect(achievementUnder(value, c, { ...DEFAULT_RULES, ...r })).toBe(achievement(value, c, r));
      }),
    );
  });

  it("judges a sum of weights as checkWeights judges the weights", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { maxLength: 6 }), (weights) => {
        const check = checkWeights(weights);
        const judged = judgeWeightSum(check.sum);
        expect([judged.expected, judged.difference, judged.sumOk]).toEqual([check.expected, check.difference, check.ok]);
      }),
    );
  });
});

describe("messages from templates split once", () => {
  it("fills every placeholder each time, with the values as given", () => {
    expect(formatMessage("VALUE_MISSING", "it", { year: 2021 })).toBe("Valore mancante per il 2021.");
    expect(formatMessage("VALUE_MISSING", "it", { year: 2022 })).toBe("Valore mancante per il 2022.");
    // "$&" means "the match" to String.replace; here it is just text.
    expect(formatMessage("NOT_A_NUMBER", "en", { text: "$& $1" })).toBe("“$& $1” is not a number.");
    // A placeholder without a value stays visible.
    expect(formatMessage("UNKNOWN_OPERATOR", "en", { op: "=>>" })).toBe(
      "Unknown operator “=>>” at position {pos}: use >=, <=, >, <, = or “entro”.",
    );
  });
});

describe("validation: order and grouping kept by the one-pass check", () => {
  const grid = (values: CellValue[][]) => ({ name: "A", values });

  it("lists a group with a bad weight once, as the bad weight, not again as a wrong sum", () => {
    const report = validateWorkbook([
      grid([
        ["Codice", "Indicatore", "Peso", "Target", "Valore"],
        ["A.1", "uno", "venti", ">= 1", 1],
        ["A.1", "due", 30, ">= 1", 1],
      ]),
    ]);
    expect(report.problems.filter((p) => p.cell?.startsWith("C2")).map((p) => p.code)).toEqual(["WEIGHT_NOT_NUMBER"]);
    expect(report.groups).toEqual([{ owner: "A.1", sheet: "A", weightSum: 30, ok: false, difference: 70, rows: [2, 3] }]);
  });

  it("keeps a code that comes back after another code in its first group, in row order", () => {
    const report = validateWorkbook([
      grid([
        ["Codice", "Indicatore", "Peso", "Target", "Valore"],
        ["A.1", "uno", 50, ">= 1", 1],
        ["A.2", "due", 40, ">= 1", 1],
        ["A.2", "tre", 60, ">= 1", 1],
        ["A.1", "quattro", 50, ">= 1", 1],
        ["A.3", "cinque", 100, ">= 1", 1],
      ]),
    ]);
    expect(report.groups.map((g) => [g.owner, g.rows, g.ok])).toEqual([
      ["A.1", [2, 5], true],
      ["A.2", [3, 4], true],
      ["A.3", [6], true],
    ]);
  });
});
