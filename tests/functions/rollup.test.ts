import { column, ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { ROLLUP } from "../../src/functions/functions";

/**
 * A small plan as a user would lay it out in a sheet (one row per KPI):
 *   B.1.1.1  60  achievement 80      B.1.1.1 = (60*80 + 40*100)/100 = 88
 *   B.1.1.1  40  achievement 100
 *   B.1.1.2 100  achievement 80      B.1.1.2 = 80
 *   B.1.1   100  Media ponderata     B.1.1 = (88 + 80)/2 = 84 (vs >= 100%: 84)
 *   B.1.2   100  achievement 50      B.1.2 = 50
 *   B.2     100  achievement 70      B.2 = 70
 *   B.1 has no rows: (84 + 50)/2 = 67; B: (67 + 70)/2 = 68.5
 */
const CODES = column("B.1.1.1", null, "B.1.1.2", "B.1.1", "B.1.2", "B.2");
const WEIGHTS = column(60, 40, 100, 100, 100, 100);
const ACH = column(80, 100, 80, null, 50, 70);
const ALG = column("Numero", "Numero", "Numero eventi", "Media ponderata delle azioni*100", "Numero", "Proventi/Costi*100");

describe("KPI.ROLLUP(codes, achievements, weights, code, [algorithms], [missing])", () => {
  describe("works", () => {
    test("a node's own KPIs, weighted", () => {
      // The blank code on row 2 belongs to B.1.1.1 (the code above).
      expect(ROLLUP(CODES, ACH, WEIGHTS, "B.1.1.1")).toBeCloseTo(88, 12);
      expect(ROLLUP(CODES, ACH, WEIGHTS, "B.1.2")).toBe(50);
    });

    test("with the algorithms, a 'media ponderata' row takes the codes below", () => {
      expect(ROLLUP(CODES, ACH, WEIGHTS, "B.1.1", ALG)).toBeCloseTo(84, 12);
      // B.1: no rows of its own -> (84 + 50)/2 = 67; B: (67 + 70)/2 = 68.5
      expect(ROLLUP(CODES, ACH, WEIGHTS, "B.1", ALG)).toBeCloseTo(67, 12);
      expect(ROLLUP(CODES, ACH, WEIGHTS, "B", ALG)).toBeCloseTo(68.5, 12);
    });

    test("without the algorithms the 'media ponderata' row is just a missing value", () => {
      const r = thrown(() => ROLLUP(CODES, ACH, WEIGHTS, "B.1.1"));
      expect(r.code).toBe(ErrorCode.notAvailable);
      expect(r.message).toBe(formatMessage("ROLLUP_NO_DATA", "en", { code: "B.1.1" }));
      // B.1 = (B.1.1 no data, skipped; B.1.2 50) = 50
      expect(ROLLUP(CODES, ACH, WEIGHTS, "B.1")).toBe(50);
    });

    test("achievements are capped at 100 before averaging", () => {
      // (50*150 -> 100, 50*60): (100 + 60)/2 = 80, not (150 + 60)/2 = 105
      expect(ROLLUP(column("X", "X"), column(150, 60), column(50, 50), "X")).toBe(80);
    });

    test("fractional weights", () => {
      // (0.2*100 + 0.3*50 + 0.5*80)/1 = 20 + 15 + 40 = 75
      expect(ROLLUP(column("C.1.1", "C.1.1", "C.1.1"), column(100, 50, 80), column(0.2, 0.3, 0.5), "C.1.1")).toBeCloseTo(75, 12);
    });
  });

  describe("missing values", () => {
    const codes = column("A.1", "A.1", "A.1");
    const weights = column(50, 30, 20);
    const ach = column(80, "---", 60);
    test("skipped by default, weights renormalised", () => {
      // (50*80 + 20*60)/(50 + 20) = (4000 + 1200)/70 = 74.2857...
      expect(ROLLUP(codes, ach, weights, "A.1")).toBeCloseTo(5200 / 70, 12);
      expect(ROLLUP(codes, ach, weights, "A.1", null as never, "ignora")).toBeCloseTo(5200 / 70, 12);
    });
    test("or counted as zero", () => {
      // (50*80 + 30*0 + 20*60)/100 = 52
      expect(ROLLUP(codes, ach, weights, "A.1", null as never, "zero")).toBeCloseTo(52, 12);
    });
    test("a bad policy is #VALUE!", () => {
      const r = thrown(() => ROLLUP(codes, ach, weights, "A.1", null as never, "media"));
      expect(r.code).toBe(ErrorCode.invalidValue);
      expect(r.message).toBe(formatMessage("ROLLUP_BAD_MISSING", "en", { text: "media" }));
    });
  });

  describe("coercion", () => {
    test("Italian text, blank weights (not KPIs), a trailing dot on codes", () => {
      // Row 3 has no weight: not a KPI. ("33,34"*90 + "66,66"*60)/100 = (3000.6 + 3999.6)/100 = 70.002
      expect(ROLLUP(column("A.1.4.1.", "A.1.4.1", "A.1.4.1"), column("90", "60,0", 0), column("33,34", "66,66", null), "A.1.4.1")).toBeCloseTo(70.002, 10);
    });

    test("a row range works as well as a column", () => {
      expect(ROLLUP([["X", "X"]], [[100, 50]], [[1, 1]], "X")).toBe(75);
    });
  });

  describe("errors", () => {
    test("ranges of different sizes", () => {
      const r = thrown(() => ROLLUP(column("X", "X"), column(1), column(1, 1), "X"));
      expect(r.code).toBe(ErrorCode.invalidValue);
      expect(r.message).toBe(formatMessage("SHAPE_MISMATCH", "en", { a: "2x1", b: "1x1" }));
    });

    test("an unknown code is #N/A", () => {
      const r = thrown(() => ROLLUP(CODES, ACH, WEIGHTS, "Z.9"));
      expect(r.code).toBe(ErrorCode.notAvailable);
      expect(r.message).toBe(formatMessage("ROLLUP_UNKNOWN_CODE", "en", { code: "Z.9" }));
    });

    test("text in a weight or an achievement is #VALUE!", () => {
      expect(thrown(() => ROLLUP(column("X"), column(50), column("tanto"), "X")).code).toBe(ErrorCode.invalidValue);
      expect(thrown(() => ROLLUP(column("X"), column("bene"), column(100), "X")).message).toBe(formatMessage("VALUE_NOT_NUMBER", "en", { text: "bene" }));
    });

    test("a blank code argument is #VALUE!", () => {
      expect(thrown(() => ROLLUP(CODES, ACH, WEIGHTS, "")).code).toBe(ErrorCode.invalidValue);
    });
  });
});
