import { dateToSerial, isKpiError, parseDateText, parseDateWords, serialToDate, serialToIso, serialToItalian } from "../../src/core";

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

describe("parseDateWords: dates in words and without a year", () => {
  // Serials computed apart from the engine: days since 1899-12-30.
  const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

  it.each([
    ["30 giugno 2026", null, serial(2026, 6, 30)],
    ["30 Giugno 2026", null, serial(2026, 6, 30)],
    ["giugno 2026", null, serial(2026, 6, 30)],
    ["giugno del 2026", null, serial(2026, 6, 30)],
    ["novembre", 2026, serial(2026, 11, 30)],
    ["febbraio 2027", null, serial(2027, 2, 28)],
    ["30/06", 2026, serial(2026, 6, 30)],
    ["I semestre 2026", null, serial(2026, 6, 30)],
    ["1° semestre", 2026, serial(2026, 6, 30)],
    ["secondo semestre 2026", null, serial(2026, 12, 31)],
    ["IV trimestre", 2026, serial(2026, 12, 31)],
    ["fine anno", 2026, serial(2026, 12, 31)],
  ])("%p (year %p)", (text, year, expected) => {
    expect(parseDateWords(text, year)).toBe(expected);
  });

  it("30.06, 30-06 and a bare year are dates only after `entro`", () => {
    expect(parseDateWords("30.06", 2026)).toBeNull();
    expect(parseDateWords("30.06", 2026, true)).toBe(serial(2026, 6, 30));
    expect(parseDateWords("30-06", 2026, true)).toBe(serial(2026, 6, 30));
    expect(parseDateWords("2026", null)).toBeNull();
    expect(parseDateWords("2026", null, true)).toBe(serial(2026, 12, 31));
    expect(parseDateWords("1000", null, true)).toBeNull(); // `entro 1000` is a number
  });

  it("a partial date without a known year is DATE_NEEDS_YEAR; an impossible one BAD_DATE", () => {
    const r = parseDateWords("30/06", null);
    expect(isKpiError(r) && r.code).toBe("DATE_NEEDS_YEAR");
    const bad = parseDateWords("31 aprile 2026", null);
    expect(isKpiError(bad) && bad.code).toBe("BAD_DATE");
    expect(parseDateWords("V semestre 2026", null)).toBeNull();
    expect(parseDateWords("30 giorni", null)).toBeNull();
  });
});
