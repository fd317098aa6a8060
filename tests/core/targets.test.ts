import {
  conditionForYear,
  dateToSerial,
  formatCondition,
  formatTarget,
  parseTarget,
  targetYears,
} from "../../src/core";
import { err, ok } from "../support/targets";

describe("parseTarget", () => {
  it.each([
    ["≥ 10", ">="],
    ["=> 10", ">="],
    ["≤ 10", "<="],
    ["=< 10", "<="],
    ["> 10", ">"],
    ["< 10", "<"],
    ["= 10", "="],
  ])("normalises the operator %s", (text, op) => {
    expect(ok(parseTarget(text)).entries[0].condition?.op).toBe(op);
  });

  it("reads deadlines written with 'entro (il)'", () => {
    const serial = dateToSerial(2021, 6, 30);
    for (const text of ["entro il 30/06/2021", "Entro 30/06/2021", "entro il 30-06-2021"]) {
      expect(ok(parseTarget(text)).entries).toEqual([{ year: null, condition: { op: "<=", value: serial, unit: "date" } }]);
    }
  });

  it.each(["---", "--", "-", "n.d.", "n/a", "N.D."])("%p is no target", (text) => {
    expect(ok(parseTarget(text))).toEqual({ entries: [{ year: null, condition: null }] });
  });

  it("reads bare numbers, percentages and dates with the plans' default direction", () => {
    expect(ok(parseTarget(7)).entries[0].condition).toEqual({ op: ">=", value: 7, unit: "number" });
    expect(ok(parseTarget("80%")).entries[0].condition).toEqual({ op: ">=", value: 80, unit: "percent" });
    expect(ok(parseTarget("31/12/2021")).entries[0].condition?.op).toBe("<=");
  });

  it("tolerates separators, line breaks and NBSP between years", () => {
    const t = ok(parseTarget("Anno: 2021 >= 10%;\nAnno 2022:\u00a0>= 12%, anno: 2023 ---"));
    expect(t.entries.map((e) => [e.year, e.condition?.value ?? null])).toEqual([
      [2021, 10],
      [2022, 12],
      [2023, null],
    ]);
  });

  describe("rejects with a message that says what and where", () => {
    it("an empty cell", () => {
      expect(err(parseTarget("")).code).toBe("EMPTY");
      expect(err(parseTarget(null)).code).toBe("EMPTY");
      expect(err(parseTarget("   ")).code).toBe("EMPTY");
    });
    it("an unknown operator", () => {
      const e = err(parseTarget(">> 10"));
      expect(e.code).toBe("UNKNOWN_OPERATOR");
      expect(e.message.it).toContain("«>>»");
      expect(e.params.pos).toBe(1);
      expect(err(parseTarget("Anno: 2021 <> 5")).params).toMatchObject({ op: "<>", pos: 12 });
    });
    it("text that is not a target", () => {
      const e = err(parseTarget("circa 10"));
      expect(e.code).toBe("NOT_A_TARGET");
      expect(e.message.en).toContain("circa 10");
      expect(err(parseTarget(">= molti")).code).toBe("NOT_A_TARGET");
      expect(err(parseTarget("buono Anno: 2021 >= 1")).code).toBe("NOT_A_TARGET");
    });
    it("an impossible date", () => {
      const e = err(parseTarget("<= 31/02/2021"));
      expect(e.code).toBe("BAD_DATE");
      expect(e.message.it).toContain("31/02/2021");
    });
    it("the same year twice", () => {
      const e = err(parseTarget("Anno: 2021 >= 1 Anno: 2021 >= 2"));
      expect(e.code).toBe("DUPLICATE_YEAR");
      expect(e.message.en).toContain("2021");
    });
    it("quotes at most 60 characters of a long text", () => {
      const e = err(parseTarget(`circa ${"molto ".repeat(2000)}`));
      expect(e.message.en.length).toBeLessThan(300);
      expect(e.message.en).toContain("circa molto");
      expect(e.message.en).toContain("…");
    });
    it("a year that is not a year", () => {
      expect(err(parseTarget("Anno: 21 >= 1")).code).toBe("BAD_YEAR");
    });
    it("booleans and non-finite numbers", () => {
      expect(err(parseTarget(true)).code).toBe("NOT_A_TARGET");
      expect(err(parseTarget(NaN)).code).toBe("NOT_FINITE");
    });
  });
});

describe("conditionForYear", () => {
  const multi = ok(parseTarget("Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 ---"));

  it("picks the year's condition", () => {
    expect(conditionForYear(multi, 2022)).toEqual({ op: ">=", value: 10, unit: "percent" });
  });
  it("says #N/A-style no target for a year written as --- or not written", () => {
    expect(err(conditionForYear(multi, 2023)).code).toBe("NO_TARGET_FOR_YEAR");
    expect(err(conditionForYear(multi, 2024)).excel).toBe("NA");
  });
  it("asks for the year when years disagree, answers when they agree", () => {
    expect(err(conditionForYear(multi, null)).code).toBe("YEAR_REQUIRED");
    const same = ok(parseTarget("Anno: 2021 >= 7 Anno: 2022 >= 7"));
    expect(conditionForYear(same, null)).toEqual({ op: ">=", value: 7, unit: "number" });
  });
  it("applies a target without years to every year", () => {
    const t = ok(parseTarget(">= 3"));
    expect(conditionForYear(t, 2030)).toEqual({ op: ">=", value: 3, unit: "number" });
    expect(err(conditionForYear(ok(parseTarget("---")), 2021)).code).toBe("NO_TARGET");
  });
  it("lists the years", () => {
    expect(targetYears(multi)).toEqual([2021, 2022, 2023]);
  });
});

describe("formatting", () => {
  it("writes conditions the plans' way", () => {
    expect(formatCondition({ op: ">=", value: 1.5, unit: "number" })).toBe(">= 1,5");
    expect(formatCondition({ op: "<=", value: dateToSerial(2021, 12, 31), unit: "date" })).toBe("<= 31/12/2021");
    expect(formatTarget(ok(parseTarget("Anno: 2021 >= +15% Anno: 2023 ---")))).toBe("Anno: 2021 >= 15% Anno: 2023 ---");
  });
});

describe("parseTarget with bareIsPercent (a `Target %` column)", () => {
  it("reads a number written without % as a percentage, with or without an operator", () => {
    const percent = (x: string | number) => ok(parseTarget(x, { bareIsPercent: true })).entries[0].condition;
    expect(percent(65)).toEqual({ op: ">=", value: 65, unit: "percent" });
    expect(percent("100")).toEqual({ op: ">=", value: 100, unit: "percent" });
    expect(percent("<= 5")).toEqual({ op: "<=", value: 5, unit: "percent" });
    expect(percent("65%")).toEqual({ op: ">=", value: 65, unit: "percent" });
    // Without the option the same number stays a number.
    expect(ok(parseTarget(65)).entries[0].condition).toEqual({ op: ">=", value: 65, unit: "number" });
  });

  it("leaves dates, no-target years and errors as they are", () => {
    const t = ok(parseTarget("Anno: 2021 >= 10 Anno: 2022 --- Anno: 2023 <= 31/12/2023", { bareIsPercent: true }));
    expect(t.entries.map((e) => [e.year, e.condition?.unit ?? null])).toEqual([
      [2021, "percent"],
      [2022, null],
      [2023, "date"],
    ]);
    expect(err(parseTarget("molto", { bareIsPercent: true })).code).toBe("NOT_A_TARGET");
  });
});
