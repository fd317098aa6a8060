import { localIsoDate, localIsoDateTime } from "../../src/core";

describe("localIsoDate / localIsoDateTime", () => {
  it("write the local calendar day and time, two digits each", () => {
    // 30 June 2026, 09:05:07 local time (months are 0-based in Date: 5 is June).
    const d = new Date(2026, 5, 30, 9, 5, 7);
    expect(localIsoDate(d)).toBe("2026-06-30");
    expect(localIsoDateTime(d)).toBe("2026-06-30 09:05:07");
  });
  it("keep the local day late in the evening (not the UTC one)", () => {
    expect(localIsoDate(new Date(2026, 0, 1, 23, 59, 59))).toBe("2026-01-01");
    expect(localIsoDate(new Date(2026, 11, 31, 0, 0, 1))).toBe("2026-12-31");
  });
});
