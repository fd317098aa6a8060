import { consecutiveRuns } from "../../src/core/runs";

describe("consecutiveRuns", () => {
  it("groups consecutive numbers, whatever their order, duplicates once", () => {
    // 5,6,7 are consecutive; 9 stands alone; the second 6 adds nothing.
    expect(consecutiveRuns([9, 5, 6, 7, 6])).toEqual([
      { first: 5, last: 7 },
      { first: 9, last: 9 },
    ]);
  });
  it("keeps a gap of one as two runs, and gives none for no numbers", () => {
    expect(consecutiveRuns([1, 3])).toEqual([
      { first: 1, last: 1 },
      { first: 3, last: 3 },
    ]);
    expect(consecutiveRuns([])).toEqual([]);
  });
  it("sorts numerically, not as text (10 after 9)", () => {
    expect(consecutiveRuns([10, 9, 8])).toEqual([{ first: 8, last: 10 }]);
  });
});
