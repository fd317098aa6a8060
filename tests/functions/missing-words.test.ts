import { column } from "../support/functions-setup";
import { ROLLUP } from "../../src/functions/functions";

// KPI.ROLLUP's [missing] argument is documented as the Regole sheet's *Valori mancanti*
// (README, Roll-up); the function had a shorter word list of its own and refused words the
// sheet takes ("ignorati", "conta zero", "ignore", "count as zero"), or an accent the sheet folds.
describe("KPI.ROLLUP [missing] reads the words of the Regole sheet", () => {
  const codes = column("A.1", "A.1", "A.1");
  const weights = column(50, 30, 20);
  const ach = column(80, "---", 60);
  // skip: (50*80 + 20*60)/(50 + 20) = 5200/70 = 74.2857...; zero: (4000 + 0 + 1200)/100 = 52
  test.each(["ignorati", "esclusi", "ignore", "Ignora", "skip"])("%s skips", (word) => {
    expect(ROLLUP(codes, ach, weights, "A.1", null as never, word)).toBeCloseTo(5200 / 70, 12);
  });
  test.each(["conta zero", "Contano  zero", "contano 0", "count as zero", "ZERO"])("%s counts zero", (word) => {
    expect(ROLLUP(codes, ach, weights, "A.1", null as never, word)).toBeCloseTo(52, 12);
  });
});
