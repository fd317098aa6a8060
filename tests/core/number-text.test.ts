import { numberText } from "../../src/core";

describe("numberText", () => {
  it("writes Italian with a decimal comma, English with a point", () => {
    expect(numberText(1500.5, "it")).toBe("1500,5");
    expect(numberText(1500.5, "en")).toBe("1500.5");
  });
  it("rounds half-up to the decimals asked, without trailing zeros", () => {
    // 83.335 is 83.33499... in binary: rounded half-up on the decimal text it is 83.34.
    expect(numberText(83.335, "it", 2)).toBe("83,34");
    expect(numberText(83.3, "it", 2)).toBe("83,3");
    expect(numberText(2 / 3, "en", 2)).toBe("0.67");
  });
});
