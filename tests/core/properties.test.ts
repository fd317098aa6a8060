import fc from "fast-check";
import {
  achievement,
  checkWeights,
  dateToSerial,
  formatTarget,
  isKpiError,
  parseNumber,
  parseTarget,
  type Condition,
  type Target,
} from "../../src/core";

const RUNS = { numRuns: 2000 };

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.stringMatching(/^[<>=≥≤!]{0,3} ?[+-]?\d{0,6}([.,]\d{0,4})?%?$/),
  fc.stringMatching(/^(Anno:? ?\d{2,5} ?[<>=]{1,2} ?\d{1,3}%? ?){1,4}$/),
);

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    op: fc.constantFrom(">=", "<=", ">", "<", "=") as fc.Arbitrary<Condition["op"]>,
    value: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
    unit: fc.constantFrom("percent", "number") as fc.Arbitrary<Condition["unit"]>,
  }),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => ({ op: "<=" as const, value: dateToSerial(y, m, d), unit: "date" as const })),
  // The wording of other plans: bands, SI/NO, numbers with a unit of measure.
  fc
    .record({
      a: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      b: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      unit: fc.constantFrom("percent", "number") as fc.Arbitrary<Condition["unit"]>,
    })
    .map(({ a, b, unit }): Condition => ({ op: "between", value: Math.min(a, b), upper: Math.max(a, b), unit })),
  fc.constantFrom(0, 1).map((value): Condition => ({ op: "=", value, unit: "boolean" })),
  fc
    .record({
      op: fc.constantFrom(">=", "<=", ">", "<", "=") as fc.Arbitrary<Condition["op"]>,
      value: fc.integer({ min: 0, max: 100000 }),
      measure: fc.constantFrom("gg.", "giorni", "punti", "euro", "€", "ore/anno", "giorni lavorativi"),
    })
    .map(({ op, value, measure }): Condition => ({ op, value, unit: "number", measure })),
);

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.option(condition, { nil: null }).map((c) => ({ entries: [{ year: null, condition: c }] })),
  // Plan years by place (`primo anno: …`), kept as ordinals when no first year is known.
  fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, () => fc.option(condition, { nil: null }))).map((cs) => ({
      entries: cs.map((c, i) => ({ year: null, ordinal: i + 1, condition: c })),
    })),
  ),
  fc
    .uniqueArray(fc.integer({ min: 1990, max: 2100 }), { minLength: 1, maxLength: 4 })
    .chain((years) =>
      fc.tuple(...years.map(() => fc.option(condition, { nil: null }))).map((cs) => ({
        entries: years.map((year, i) => ({ year, condition: cs[i] })),
      })),
    ),
);

describe("properties over generated inputs", () => {
  it("the target parser never throws and answers a target or an error with a message", () => {
    fc.assert(
      fc.property(anyCell, (x) => {
        const r = parseTarget(x as never);
        if (isKpiError(r)) return r.message.it.length > 0 && r.message.en.length > 0;
        return Array.isArray(r.entries) && r.entries.length > 0;
      }),
      RUNS,
    );
  });

  it("formatting a target and parsing it again gives the same target", () => {
    fc.assert(fc.property(target, (t) => expect(parseTarget(formatTarget(t))).toEqual(t)), RUNS);
  });

  it("achievement is always within 0..100 and finite", () => {
    fc.assert(
      fc.property(fc.double(), condition, fc.constantFrom("ratio", "linear"), (v, c, rule) => {
        const a = achievement(v, c, { lowerIsBetter: rule as "ratio" | "linear" });
        return Number.isFinite(a) && a >= 0 && a <= 100;
      }),
      RUNS,
    );
  });

  it("the number parser never throws, never gives NaN", () => {
    fc.assert(
      fc.property(anyCell, (x) => {
        const r = parseNumber(x as never);
        return r === null || isKpiError(r) || Number.isFinite(r);
      }),
      RUNS,
    );
  });

  it("weights that are a permutation of a valid group stay valid", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const weights = parts.map((p) => (p / total) * 100);
        return checkWeights(weights).ok && checkWeights([...weights].reverse()).ok;
      }),
      RUNS,
    );
  });
});
