import { isKpiError, sharePct, trendPct, trendRatio, weightedScore } from "../../src/core";

describe("measures", () => {
  it("trend percentage: (current - previous) / previous * 100", () => {
    expect(trendPct(660, 600)).toBeCloseTo(10, 12);
    expect(trendPct(540, 600)).toBeCloseTo(-10, 12);
    const z = trendPct(5, 0);
    expect(isKpiError(z) && z.excel).toBe("DIV0");
  });
  it("trend ratio and share", () => {
    expect(trendRatio(12, 8)).toBe(1.5);
    expect(sharePct(40, 400)).toBe(10);
    const z = sharePct(1, 0);
    expect(isKpiError(z) && z.code).toBe("DIV_ZERO");
  });
  it("weighted score skips blank scores with their weights", () => {
    expect(weightedScore([[80], [100], [null]], [[50], [50], [100]])).toBe(90);
    expect(weightedScore([["80,5", 100]], [[1, 1]])).toBeCloseTo(90.25, 12);
  });
  it("weighted score rejects ranges of different shape and no usable pair", () => {
    const s = weightedScore([[1], [2]], [[1, 2]]);
    expect(isKpiError(s) && s.code).toBe("SHAPE_MISMATCH");
    if (isKpiError(s)) expect(s.message.en).toContain("2x1");
    const n = weightedScore([[null]], [[10]]);
    expect(isKpiError(n) && n.code).toBe("NO_SCORES");
    const b = weightedScore([["buono"]], [[10]]);
    expect(isKpiError(b) && b.code).toBe("NOT_A_NUMBER");
  });
});
