import {
  conditionForYear,
  formatCondition,
  formatTarget,
  parseTarget,
  targetErrors,
  targetYears,
  type Condition,
  type TargetOptions,
} from "../../src/core";
import { err, ok } from "../support/targets";

/**
 * The wording of targets in plans other than the sample one. Expected serials are computed here
 * independently of the engine: days since 1899-12-30 (Excel's 1900 system after 1900-03-01).
 */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** The one condition of a target without years. */
function only(text: string, options?: TargetOptions): Condition | null {
  const t = ok(parseTarget(text, options));
  expect(t.entries).toHaveLength(1);
  expect(t.entries[0].year).toBeNull();
  return t.entries[0].condition;
}

describe("operators in words", () => {
  it.each([
    ["maggiore o uguale a 5", ">=", 5],
    ["Maggiore o uguale al 90%", ">=", 90],
    ["non inferiore a 3", ">=", 3],
    ["non inferiore al 95%", ">=", 95],
    ["almeno 4", ">=", 4],
    ["pari o superiore a 7", ">=", 7],
    ["superiore a 10", ">", 10],
    ["maggiore di 10", ">", 10],
    ["minore o uguale a 30", "<=", 30],
    ["non superiore a 2", "<=", 2],
    ["al massimo 2", "<=", 2],
    ["inferiore a 1", "<", 1],
    ["minore di 1", "<", 1],
    ["pari a 100%", "=", 100],
    ["uguale a 12", "=", 12],
    ["≥ 5", ">=", 5],
    ["≤ 5", "<=", 5],
    ["=> 5", ">=", 5],
    ["=< 5", "<=", 5],
    ["10 o più", ">=", 10],
    ["5 o meno", "<=", 5],
    ["non meno di 5", ">=", 5],
    ["minimo 5", ">=", 5],
    ["pari o inferiore a 5", "<=", 5],
    ["non più di 5", "<=", 5],
    ["fino a 5", "<=", 5],
    ["oltre 5", ">", 5],
    ["almeno il 90%", ">=", 90],
    ["non inferiore all'80%", ">=", 80],
  ])("%p reads as %s %p", (text, op, value) => {
    expect(only(text)).toMatchObject({ op, value });
  });

  it("keeps the unit after the operator words", () => {
    expect(only("almeno 10 gg.")).toEqual({ op: ">=", value: 10, unit: "number", measure: "gg." });
    expect(only("non inferiore al 90%")).toEqual({ op: ">=", value: 90, unit: "percent" });
  });

  it("does not take a word that only starts like an operator", () => {
    // "almenox" is not "almeno x"; "paria 5" is not "pari a 5".
    expect(err(parseTarget("almenox 5")).code).toBe("NOT_A_TARGET");
    expect(err(parseTarget("paria 5")).code).toBe("NOT_A_TARGET");
  });
});

describe("SI / NO: done or not done", () => {
  it.each(["SI", "Si", "si", "Sì", "SÌ", "sì", "SI."])("%p is 'done': = 1 (boolean)", (text) => {
    expect(only(text)).toEqual({ op: "=", value: 1, unit: "boolean" });
  });
  it("NO is 'not done': = 0 (boolean)", () => {
    expect(only("NO")).toEqual({ op: "=", value: 0, unit: "boolean" });
    expect(only("= NO")).toEqual({ op: "=", value: 0, unit: "boolean" });
  });
  it("a direction on SI/NO makes no sense and is an error", () => {
    expect(err(parseTarget(">= SI")).code).toBe("NOT_A_TARGET");
  });
  it("per year, and written back as SI / NO", () => {
    const t = ok(parseTarget("2026: SI 2027: NO"));
    expect(t.entries.map((e) => [e.year, e.condition?.value])).toEqual([
      [2026, 1],
      [2027, 0],
    ]);
    expect(formatTarget(t)).toBe("Anno: 2026 SI Anno: 2027 NO");
  });
});

describe("units after (or before) the number", () => {
  it.each([
    ["10 gg.", 10, "gg."],
    ["30 giorni", 30, "giorni"],
    ["5 punti", 5, "punti"],
    ["€ 1.500", 1500, "€"],
    ["1.500 euro", 1500, "euro"],
    ["1.500,50 €", 1500.5, "€"],
    ["<= 20 giorni lavorativi", 20, "giorni lavorativi"],
  ])("%p is %p with the unit %p", (text, value, measure) => {
    expect(only(text)).toMatchObject({ value, unit: "number", measure });
  });

  it("a space before % still makes a percentage, without a unit", () => {
    expect(only("95 %")).toEqual({ op: ">=", value: 95, unit: "percent" });
    expect(only("95 per cento")).toEqual({ op: ">=", value: 95, unit: "percent" });
  });

  it("`n.` before a count is not a unit", () => {
    expect(only("n. 5")).toEqual({ op: ">=", value: 5, unit: "number" });
  });

  it("`entro 10 giorni` is at most 10 days", () => {
    expect(only("entro 10 giorni")).toEqual({ op: "<=", value: 10, unit: "number", measure: "giorni" });
  });

  it("a number followed by other numbers is not a unit", () => {
    expect(err(parseTarget("10 gg. 5")).code).toBe("NOT_A_TARGET");
  });
});

describe("Italian dates and partial dates", () => {
  const deadline = (y: number, m: number, d: number): Condition => ({ op: "<=", value: serial(y, m, d), unit: "date" });

  it.each([
    ["entro il 30 giugno 2026", 2026, 6, 30],
    ["entro il 1° luglio 2026", 2026, 7, 1],
    ["entro il 15 dic. 2026", 2026, 12, 15],
    ["30 giu. 2026", 2026, 6, 30],
    ["entro giugno 2026", 2026, 6, 30], // the end of the month
    ["entro febbraio 2028", 2028, 2, 29], // 2028 is a leap year
    ["entro il 30.09.2026", 2026, 9, 30],
    ["31.12.2026", 2026, 12, 31],
    ["II semestre 2026", 2026, 12, 31],
    ["entro il I semestre 2026", 2026, 6, 30],
    ["III trimestre 2026", 2026, 9, 30],
    ["entro la fine del 2026", 2026, 12, 31],
    ["entro fine anno 2026", 2026, 12, 31],
    ["entro il 2026", 2026, 12, 31],
    ["entro e non oltre il 31/10/2026", 2026, 10, 31],
  ])("%p is the deadline %p-%p-%p", (text, y, m, d) => {
    expect(only(text)).toEqual(deadline(y, m, d));
  });

  it.each([
    ["30/06", 2026, 6, 30],
    ["entro il 30/06", 2026, 6, 30],
    ["entro il 30.06", 2026, 6, 30],
    ["I semestre", 2026, 6, 30],
    ["II semestre", 2026, 12, 31],
    ["entro giugno", 2026, 6, 30],
    ["entro il 30 settembre", 2026, 9, 30],
    ["entro l'anno", 2026, 12, 31],
  ])("%p takes the known year", (text, y, m, d) => {
    expect(only(text, { year: 2026 })).toEqual(deadline(y, m, d));
  });

  it("a date without a year and no year known is an error that says so, and where", () => {
    const e = err(parseTarget("entro il 30/06"));
    expect(e.code).toBe("DATE_NEEDS_YEAR");
    expect(e.params.pos).toBe(1);
    expect(e.message.it).toContain("30/06");
    expect(e.message.en).toContain("has no year");
    expect(err(parseTarget("II semestre")).code).toBe("DATE_NEEDS_YEAR");
    // After "Anno: 2026 " (11 characters) the condition starts at character 12; a year without
    // a year of its own in a per-year target takes the entry's year instead.
    expect(conditionForYear(ok(parseTarget("Anno: 2026 entro il 30/06")), 2026)).toEqual(deadline(2026, 6, 30));
  });

  it("a day that does not exist is still BAD_DATE", () => {
    expect(err(parseTarget("entro il 31 giugno 2026")).code).toBe("BAD_DATE");
    expect(err(parseTarget("30/02", { year: 2026 })).code).toBe("BAD_DATE");
  });

  it("alone, 30.06 stays a number: a decimal point, not a date", () => {
    expect(only("30.06")).toEqual({ op: ">=", value: 30.06, unit: "number" });
  });
});

describe("per-year prefixes in every shape", () => {
  const ge5 = { op: ">=", value: 5, unit: "number" };
  it.each(["Anno: 2026 >= 5", "Anno 2026: >= 5", "anno 2026 >= 5", "2026: >= 5", "Target 2026: >= 5", "Target anno 2026: >= 5", "Target 2026 >= 5"])(
    "%p is 2026 >= 5",
    (text) => {
      expect(ok(parseTarget(text)).entries).toEqual([{ year: 2026, condition: ge5 }]);
    },
  );

  it("several years, with the separators plans put between them", () => {
    const t = ok(parseTarget("Target 2026: 65% | Target 2027: 70%; Target 2028: 75%"));
    expect(t.entries.map((e) => [e.year, e.condition?.value])).toEqual([
      [2026, 65],
      [2027, 70],
      [2028, 75],
    ]);
    expect(targetYears(ok(parseTarget("2026: 60% / 2027: 65%")))).toEqual([2026, 2027]);
    // Glued text from a PDF: the second mark follows the first condition without a space.
    expect(targetYears(ok(parseTarget("Anno:2021>=5Anno:2022>=6")))).toEqual([2021, 2022]);
  });

  it("plan years by place: kept as ordinals, or calendar years when the first year is known", () => {
    const text = "Target primo anno: 65% Target secondo anno: 70% Target terzo anno: 75%";
    const byPlace = ok(parseTarget(text));
    expect(byPlace.entries.map((e) => [e.year, e.ordinal, e.condition?.value])).toEqual([
      [null, 1, 65],
      [null, 2, 70],
      [null, 3, 75],
    ]);
    // First year 2026: primo = 2026, secondo = 2026 + 1 = 2027, terzo = 2026 + 2 = 2028.
    expect(ok(parseTarget(text, { firstYear: 2026 })).entries.map((e) => [e.year, e.condition?.value])).toEqual([
      [2026, 65],
      [2027, 70],
      [2028, 75],
    ]);
    expect(conditionForYear(byPlace, 2027, { firstYear: 2026 })).toEqual({ op: ">=", value: 70, unit: "percent" });
    const e = err(conditionForYear(byPlace, 2027));
    expect(e.code).toBe("FIRST_YEAR_REQUIRED");
    expect(e.message.en).toContain("2027");
    expect(ok(parseTarget("II anno: >= 4 3° anno: >= 6")).entries.map((x) => x.ordinal)).toEqual([2, 3]);
  });

  describe("a year whose condition is missing or unreadable counts against that year only", () => {
    const t = ok(parseTarget("2026: >= 5 2027: circa 6 2028: >= 7"));

    it("keeps the readable years", () => {
      expect(conditionForYear(t, 2026)).toEqual({ op: ">=", value: 5, unit: "number" });
      expect(conditionForYear(t, 2028)).toEqual({ op: ">=", value: 7, unit: "number" });
    });
    it("answers the year's own error, with its position in the cell", () => {
      const e = err(conditionForYear(t, 2027));
      expect(e.code).toBe("NOT_A_TARGET");
      // "2026: >= 5 " is 11 characters, "2027: " 6 more: "circa 6" starts at character 18.
      expect(e.params).toMatchObject({ text: "circa 6", pos: 18 });
      expect(targetErrors(t).map((x) => [x.year, x.error.code])).toEqual([[2027, "NOT_A_TARGET"]]);
    });
    it("a year with nothing after it is reported as missing, not taken as no target", () => {
      const missing = ok(parseTarget("Anno 2026: >= 5; Anno 2027:"));
      const e = err(conditionForYear(missing, 2027));
      expect(e.code).toBe("TARGET_YEAR_EMPTY");
      expect(e.message.it).toContain("2027");
      expect(e.params.pos).toBe(18); // "Anno 2026: >= 5; " is 17 characters
      expect(conditionForYear(missing, 2026)).toEqual({ op: ">=", value: 5, unit: "number" });
      // `---` remains the way to say "no target this year".
      expect(err(conditionForYear(ok(parseTarget("2026: >= 5 2027: ---")), 2027)).code).toBe("NO_TARGET_FOR_YEAR");
    });
    it("asked without a year, the target needs one", () => {
      expect(err(conditionForYear(t, null)).code).toBe("YEAR_REQUIRED");
    });
    it("when no year can be read the cell is an error as a whole", () => {
      expect(err(parseTarget("2026: circa 5 2027: circa 6")).code).toBe("NOT_A_TARGET");
      expect(err(parseTarget("Anno: 21 >= 1")).code).toBe("BAD_YEAR");
    });
    it("the same year twice, written in two shapes, is still a duplicate", () => {
      expect(err(parseTarget("Anno: 2026 >= 1 2026: >= 2")).code).toBe("DUPLICATE_YEAR");
      expect(err(parseTarget("primo anno: 1 Anno: 2026 >= 2", { firstYear: 2026 })).code).toBe("DUPLICATE_YEAR");
    });
  });

  it("`fine anno` and `l'anno` are dates, not year marks", () => {
    expect(only("entro fine anno", { year: 2026 })).toEqual({ op: "<=", value: serial(2026, 12, 31), unit: "date" });
  });
});

describe("ranges and bands", () => {
  const band = (value: number, upper: number, unit: Condition["unit"] = "percent"): Condition => ({ op: "between", value, upper, unit });
  it.each(["tra 70% e 90%", "Tra il 70% e il 90%", "compreso tra 70% e 90%", "da 70% a 90%", "dal 70% al 90%", "70%-90%", "70% - 90%", "70% – 90%", "70-90%"])(
    "%p is the band 70%..90%",
    (text) => {
      expect(only(text)).toEqual(band(70, 90));
    },
  );

  it("bands of numbers, of numbers with a unit, and of dates", () => {
    expect(only("70 - 90")).toEqual(band(70, 90, "number"));
    expect(only("70 - 90", { bareIsPercent: true })).toEqual(band(70, 90));
    expect(only("10-20 gg.")).toEqual({ ...band(10, 20, "number"), measure: "gg." });
    expect(only("tra 01/01/2026 e 30/06/2026")).toEqual(band(serial(2026, 1, 1), serial(2026, 6, 30), "date"));
  });

  it("a band written upside down is an error that shows both bounds", () => {
    const e = err(parseTarget("tra 90% e 70%"));
    expect(e.code).toBe("BAD_RANGE");
    expect(e.message.it).toContain("90%");
    expect(e.message.it).toContain("70%");
    // Two numbers joined by a dash without spaces, upside down, are not taken as a band at all.
    expect(err(parseTarget("31-12")).code).toBe("NOT_A_TARGET");
  });

  it("is written back as its two bounds, and read again", () => {
    expect(formatCondition(band(70, 90))).toBe("70% – 90%");
    expect(formatCondition({ ...band(10, 20, "number"), measure: "gg." })).toBe("10 – 20 gg.");
    for (const text of ["tra 70% e 90%", "10-20 gg.", "tra 01/01/2026 e 30/06/2026", "-5 - 5"]) {
      const t = ok(parseTarget(text));
      expect(parseTarget(formatTarget(t))).toEqual(t);
    }
  });
});

describe("bare numbers in a `Target %` column", () => {
  it("65%, 65 and 100 are percentages; a unit or a date is not", () => {
    const pct = { bareIsPercent: true };
    expect(only("65%", pct)).toEqual({ op: ">=", value: 65, unit: "percent" });
    expect(only("65", pct)).toEqual({ op: ">=", value: 65, unit: "percent" });
    expect(only("100", pct)).toEqual({ op: ">=", value: 100, unit: "percent" });
    expect(only(">= 80", pct)).toEqual({ op: ">=", value: 80, unit: "percent" });
    expect(ok(parseTarget(65, pct)).entries[0].condition).toEqual({ op: ">=", value: 65, unit: "percent" });
    expect(only("10 gg.", pct)).toEqual({ op: ">=", value: 10, unit: "number", measure: "gg." });
    expect(only("31/12/2026", pct)?.unit).toBe("date");
    expect(ok(parseTarget("Target 2026: 65", pct)).entries[0].condition?.unit).toBe("percent");
  });
  it("without the option a bare number stays a number", () => {
    expect(only("65")).toEqual({ op: ">=", value: 65, unit: "number" });
    expect(ok(parseTarget(65)).entries[0].condition?.unit).toBe("number");
  });
});

describe("formatting the new shapes", () => {
  it("writes units, ordinals and unreadable years so that they read back", () => {
    expect(formatTarget(ok(parseTarget("almeno 10 gg.")))).toBe(">= 10 gg.");
    expect(formatTarget(ok(parseTarget("€ 1.500")))).toBe(">= 1500 €");
    expect(formatTarget(ok(parseTarget("Target primo anno: 65% Target secondo anno: ---")))).toBe("primo anno: >= 65% secondo anno: ---");
    const withError = ok(parseTarget("2026: >= 5 2027: circa 6"));
    expect(formatTarget(withError)).toBe("Anno: 2026 >= 5 Anno: 2027 ?");
    const again = ok(parseTarget(formatTarget(withError)));
    expect(again.entries[0]).toEqual(withError.entries[0]);
    expect(again.entries[1].error?.code).toBe("NOT_A_TARGET");
  });
});

describe("partial dates in plan years by place", () => {
  it("take the plan year once the first year is known, never the caller's year", () => {
    const text = "primo anno: entro il 30/06 secondo anno: entro il 30/06";
    // First year 2026: the second year's 30/06 is 30/06/2027.
    expect(ok(parseTarget(text, { firstYear: 2026 })).entries.map((e) => e.condition?.value)).toEqual([serial(2026, 6, 30), serial(2027, 6, 30)]);
    const unknown = parseTarget(text, { year: 2026 });
    expect(err(unknown).code).toBe("DATE_NEEDS_YEAR");
  });
});

describe("what is still not read (README, Target wording accepted)", () => {
  it.each([">= 5 e <= 10", "100% entro il 31/12/2026", "Realizzazione entro il 31/12/2026", "+10% rispetto al 2025", "in aumento"])(
    "%p is an error that quotes it",
    (text) => {
      const e = err(parseTarget(text));
      expect(e.code).toBe("NOT_A_TARGET");
      expect(e.message.it).toContain(text);
    },
  );
});
