import { completeRules, DEFAULT_RULES } from "../../src/core";
import type { MeasurementRules } from "../../src/core/types";

describe("completeRules", () => {
  it("is the defaults when nothing is given", () => {
    expect(completeRules()).toEqual(DEFAULT_RULES);
  });
  it("keeps what is given and completes the bands one by one", () => {
    // Only the red band set: amber stays the default 90; missing as given.
    const given = { missing: "zero", bands: { red: 60 } as unknown as MeasurementRules["bands"] } as const;
    expect(completeRules(given)).toEqual({ ...DEFAULT_RULES, missing: "zero", bands: { red: 60, amber: 90 } });
  });
  it("does not change the defaults it started from", () => {
    completeRules({ bands: { red: 10, amber: 20 } });
    expect(DEFAULT_RULES.bands).toEqual({ red: 70, amber: 90 });
  });
});
