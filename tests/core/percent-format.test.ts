import { isPercentFormat } from "../../src/core";

// The engine's test and the custom functions' each had their own; they differed on formats
// where an escaped quote (`\"`) sits before a quoted-looking span: read left to right, as
// Excel reads a format, `\"0%\"` is a literal quote, a percentage, a literal quote (0.16
// shows `"16%"`), so it is a percent format. Removing every `"…"` first took `"0%\"` for
// quoted text and answered false.
describe("isPercentFormat (one definition for the engine and the custom functions)", () => {
  it("reads escapes, quotes and brackets left to right", () => {
    expect(isPercentFormat('\\"0%\\"')).toBe(true);
    expect(isPercentFormat('\\"0\\"%')).toBe(true);
  });
  it("still ignores a % that is quoted, escaped or inside brackets", () => {
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat("[$%-410]0")).toBe(false);
    expect(isPercentFormat("#,##0.0%;[Red]-0.0%")).toBe(true);
    expect(isPercentFormat(null)).toBe(false);
  });
});
