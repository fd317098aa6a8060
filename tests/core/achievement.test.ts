import { achievement, bandOf, dateToSerial, isMet, roundHalfUp, type Condition } from "../../src/core";

const ge = (value: number, unit: Condition["unit"] = "number"): Condition => ({ op: ">=", value, unit });
const le = (value: number, unit: Condition["unit"] = "number"): Condition => ({ op: "<=", value, unit });

describe("achievement", () => {
  it("higher is better: value/target, capped at 100", () => {
    expect(achievement(12, ge(15, "percent"))).toBeCloseTo(80, 12);
    expect(achievement(30, ge(15, "percent"))).toBe(100);
    expect(achievement(4, { op: "=", value: 6, unit: "number" })).toBeCloseTo(66.6667, 3);
    expect(achievement(-3, ge(10))).toBe(0);
  });

  it("lower is better: target/value by default, (2T - V)/T as the alternative", () => {
    expect(achievement(12, le(10))).toBeCloseTo(83.3333, 3);
    expect(achievement(12, le(10), { lowerIsBetter: "linear" })).toBeCloseTo(80, 12);
    expect(achievement(20, le(10))).toBeCloseTo(50, 12);
    expect(achievement(20, le(10), { lowerIsBetter: "linear" })).toBe(0);
    expect(achievement(35, le(10), { lowerIsBetter: "linear" })).toBe(0);
    expect(achievement(8, le(10))).toBe(100);
  });

  it("deadline: 100 on or before the date, else 0", () => {
    const due = le(dateToSerial(2021, 12, 31), "date");
    expect(achievement(dateToSerial(2021, 12, 31), due)).toBe(100);
    expect(achievement(dateToSerial(2021, 12, 31) + 0.9, due)).toBe(100);
    expect(achievement(dateToSerial(2022, 1, 1), due)).toBe(0);
  });

  it("target 0 with <=: 100 when the value is at most 0, else 0", () => {
    expect(achievement(0, le(0))).toBe(100);
    expect(achievement(-4, le(0))).toBe(100);
    expect(achievement(0.5, le(0))).toBe(0);
  });

  it("= target: the smaller over the larger", () => {
    expect(achievement(8, { op: "=", value: 6, unit: "number" })).toBeCloseTo(75, 12);
    expect(achievement(6, { op: "=", value: 6, unit: "number" })).toBe(100);
  });

  it("applies a minimum threshold and all-or-nothing scoring when asked", () => {
    expect(achievement(12, ge(20), { threshold: 70 })).toBe(0);
    expect(achievement(15, ge(20), { threshold: 70 })).toBe(75);
    expect(achievement(19, ge(20), { partialCredit: false })).toBe(0);
    expect(achievement(20, ge(20), { partialCredit: false })).toBe(100);
  });

  it("never gives NaN or Infinity", () => {
    for (const v of [NaN, Infinity, -Infinity, 0, -0]) {
      for (const c of [ge(0), le(0), le(5), ge(5), { op: "=", value: 0, unit: "number" } as Condition]) {
        const a = achievement(v, c);
        expect(Number.isFinite(a)).toBe(true);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("isMet", () => {
  it("compares with every operator", () => {
    expect(isMet(15, ge(15))).toBe(true);
    expect(isMet(14.99, ge(15))).toBe(false);
    expect(isMet(15, { op: ">", value: 15, unit: "number" })).toBe(false);
    expect(isMet(15, { op: "<", value: 15, unit: "number" })).toBe(false);
    expect(isMet(0.1 + 0.2, { op: "=", value: 0.3, unit: "number" })).toBe(true);
  });
});

describe("display helpers", () => {
  it("bands with the default cut-offs 70/90", () => {
    expect(bandOf(69.99)).toBe("red");
    expect(bandOf(70)).toBe("amber");
    expect(bandOf(89.99)).toBe("amber");
    expect(bandOf(90)).toBe("green");
    expect(bandOf(75, { bands: { red: 80, amber: 95 } })).toBe("red");
  });
  it("rounds half up to 2 decimals, despite binary representation", () => {
    expect(roundHalfUp(2.345)).toBe(2.35);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(83.33333)).toBe(83.33);
    expect(roundHalfUp(-2.345)).toBe(-2.35);
    expect(roundHalfUp(66.665, 1)).toBe(66.7);
    expect(roundHalfUp(1.8e302, 6)).toBe(1.8e302);
    expect(roundHalfUp(-1e300)).toBe(-1e300);
  });
});

describe("bands (tra 70% e 90%)", () => {
  const band: Condition = { op: "between", value: 70, upper: 90, unit: "percent" };

  it("is met inside, bounds included", () => {
    expect(isMet(70, band)).toBe(true);
    expect(isMet(90, band)).toBe(true);
    expect(isMet(69.9, band)).toBe(false);
    expect(isMet(90.1, band)).toBe(false);
    expect(achievement(80, band)).toBe(100);
  });

  it("below the band scores as for >= lower: value/lower", () => {
    // 56 / 70 = 0.8
    expect(achievement(56, band)).toBeCloseTo(80, 12);
    expect(achievement(-1, band)).toBe(0);
  });

  it("above the band scores as for <= upper: upper/value, or (2U - V)/U with linear", () => {
    // 90 / 100 = 0.9
    expect(achievement(100, band)).toBeCloseTo(90, 12);
    // (2 * 90 - 100) / 90 = 80 / 90 = 0.888…
    expect(achievement(100, band, { lowerIsBetter: "linear" })).toBeCloseTo(88.8889, 3);
    // 90 / 180 = 0.5; linear: (180 - 180) / 90 = 0
    expect(achievement(180, band)).toBeCloseTo(50, 12);
    expect(achievement(180, band, { lowerIsBetter: "linear" })).toBe(0);
  });

  it("keeps the threshold and all-or-nothing rules", () => {
    expect(achievement(56, band, { partialCredit: false })).toBe(0);
    expect(achievement(56, band, { threshold: 85 })).toBe(0); // 80 < 85
  });

  it("a band of dates is met inside it, else 0", () => {
    const window: Condition = { op: "between", value: dateToSerial(2026, 1, 1), upper: dateToSerial(2026, 6, 30), unit: "date" };
    expect(achievement(dateToSerial(2026, 3, 1), window)).toBe(100);
    expect(achievement(dateToSerial(2026, 6, 30) + 0.5, window)).toBe(100); // a time on the last day
    expect(achievement(dateToSerial(2026, 7, 1), window)).toBe(0);
  });
});

describe("SI / NO targets", () => {
  const yes: Condition = { op: "=", value: 1, unit: "boolean" };
  const no: Condition = { op: "=", value: 0, unit: "boolean" };
  it("SI is met by 1 (done) only; NO by 0 only; nothing in between scores", () => {
    expect(isMet(1, yes)).toBe(true);
    expect(isMet(0, yes)).toBe(false);
    expect(achievement(1, yes)).toBe(100);
    expect(achievement(0, yes)).toBe(0);
    expect(achievement(0, no)).toBe(100);
    expect(achievement(1, no)).toBe(0);
  });
});
