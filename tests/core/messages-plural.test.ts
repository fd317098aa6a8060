import { formatMessage } from "../../src/core/messages";

describe("formatMessage: counts with a singular and a plural form", () => {
  it.each([
    [1, "it", "1 riga ignorata."],
    [3, "it", "3 righe ignorate."],
    [0, "it", "0 righe ignorate."],
    [1, "en", "1 row ignored."],
    [2, "en", "2 rows ignored."],
  ] as const)("%i rows in %s end the message with %p", (rows, lang, end) => {
    const text = formatMessage("PLAN_TABLE_NO_OWNER", lang, { rows });
    expect(text.endsWith(`: ${end}`)).toBe(true);
  });

  it("a count that was not given stays visible, as any unknown placeholder", () => {
    expect(formatMessage("PLAN_TABLE_NO_OWNER", "en", {})).toContain("{rows}");
  });
});
