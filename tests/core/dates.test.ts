import { dateToSerial, isKpiError, parseDateText, serialToDate, serialToIso, serialToItalian } from "../../src/core";

describe("Excel serial dates", () => {
  it("matches Excel's 1900 system", () => {
    // Values as Excel shows them for these dates (=DATEVALUE).
    expect(dateToSerial(2021, 1, 1)).toBe(44197);
    expect(dateToSerial(2021, 12, 31)).toBe(44561);
    expect(dateToSerial(1900, 3, 1)).toBe(61);
  });

  it("round-trips serials to calendar dates", () => {
    expect(serialToDate(44561)).toEqual({ y: 2021, m: 12, d: 31 });
    expect(serialToIso(44377)).toBe("2021-06-30");
    expect(serialToItalian(44377)).toBe("30/06/2021");
    expect(serialToIso(44561.75)).toBe("2021-12-31");
  });

  it.each([
    ["31/12/2021", 44561],
    ["31-12-2021", 44561],
    ["31.12.2021", 44561],
    ["2021-12-31", 44561],
    ["1/7/2021", dateToSerial(2021, 7, 1)],
    ["29/02/2024", dateToSerial(2024, 2, 29)],
  ])("reads %s", (text, serial) => {
    expect(parseDateText(text)).toBe(serial);
  });

  it.each(["31/02/2021", "29/02/2021", "00/01/2021", "12/13/2021", "31/04/2021"])("rejects the impossible date %s", (text) => {
    const r = parseDateText(text);
    expect(isKpiError(r) && r.code).toBe("BAD_DATE");
    if (isKpiError(r)) expect(r.message.en).toContain(text);
  });

  it("answers null for text that is not a date", () => {
    expect(parseDateText("15%")).toBeNull();
    expect(parseDateText("2021")).toBeNull();
  });
});
