import { checkWeights, isKpiError, parseWeight } from "../../src/core";

describe("checkWeights", () => {
  it("accepts weights summing to 100, including 33,33 + 33,33 + 33,34", () => {
    expect(checkWeights([20, 20, 20, 20, 20]).ok).toBe(true);
    const c = checkWeights(["33,33", "33,33", "33,34"]);
    expect(c).toMatchObject({ ok: true, expected: 100 });
    expect(c.sum).toBeCloseTo(100, 10);
  });

  it("accepts fractions summing to 1 within 0.0001", () => {
    expect(checkWeights([0.2, 0.3, 0.5])).toMatchObject({ ok: true, expected: 1 });
    expect(checkWeights(["0,33", "0,33", "0,34"]).ok).toBe(true);
    expect(checkWeights([0.2, 0.3, 0.4999]).ok).toBe(true);
    expect(checkWeights([0.2, 0.3, 0.499]).ok).toBe(false);
  });

  it("reports the sum and the difference when they do not add up", () => {
    const c = checkWeights([40, 50]);
    expect(c).toMatchObject({ ok: false, sum: 90, expected: 100, difference: 10 });
    // "Within 0.01": 99.99 passes, 99.98 does not.
    expect(checkWeights([33.33, 33.33, 33.33]).ok).toBe(true);
    expect(checkWeights([33.33, 33.33, 33.32]).ok).toBe(false);
    expect(checkWeights([60, 50]).difference).toBe(-10);
  });

  it("reports blank, negative and non-numeric weights each as an error of its own", () => {
    const c = checkWeights([50, null, -10, "molto", 60]);
    expect(c.ok).toBe(false);
    expect(c.errors.map((e) => [e.index, e.error.code])).toEqual([
      [1, "WEIGHT_BLANK"],
      [2, "WEIGHT_NEGATIVE"],
      [3, "WEIGHT_NOT_NUMBER"],
    ]);
    expect(c.sum).toBe(110);
  });

  it("parses single weights", () => {
    expect(parseWeight("33,34")).toBe(33.34);
    const e = parseWeight("---");
    expect(isKpiError(e) && e.code).toBe("WEIGHT_BLANK");
    const t = parseWeight(true);
    expect(isKpiError(t) && t.code).toBe("WEIGHT_NOT_NUMBER");
  });
});
