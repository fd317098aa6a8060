import { parsePlan } from "../../src/core/plan/parse";
import { checkWeights, isKpiError, parseWeight } from "../../src/core";
import { weightsSumRef } from "../../src/core/weights";
import { describe as describeIn } from "../../src/core";

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

describe("weightsSumRef", () => {
  it("says how far the sum is from the total in words, over or under, in both languages", () => {
    // 105 against 100: 5 too many; 80: 20 short; 0,9 against 1: 0,1 short.
    expect(describeIn(weightsSumRef(105, 100, -5), "it")).toBe("I pesi sommano a 105 invece di 100 (5 in più).");
    expect(describeIn(weightsSumRef(105, 100, -5), "en")).toBe("The weights add up to 105 instead of 100 (5 too many).");
    expect(describeIn(weightsSumRef(80, 100, 20), "it")).toBe("I pesi sommano a 80 invece di 100 (20 in meno).");
    expect(describeIn(weightsSumRef(0.9, 1, 0.1), "en")).toBe("The weights add up to 0.9 instead of 1 (0.1 short).");
    expect(describeIn(weightsSumRef(33.333333, 100, 66.666667), "it")).toBe("I pesi sommano a 33,33 invece di 100 (66,67 in meno).");
  });

  it("is what the plan import says for an owner whose weights are off, with no placeholder left", () => {
    const text = ["Piano della performance 2021-2023", "## Area strategica: A X", "## Obiettivo strategico: A.1 Y", "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget", "K1\tNumero\t60\t---\t>= 1", "K2\tNumero\t45\t---\t>= 1"];
    const plan = parsePlan(text.join("\n"));
    const sums = plan.problems.filter((p) => p.code === "PLAN_WEIGHTS_SUM").map((p) => describeIn(p, "it"));
    // 60 + 45 = 105: 5 too many.
    expect(sums).toEqual([expect.stringContaining("I pesi sommano a 105 invece di 100 (5 in più).")]);
  });
});
