import { memoByText } from "../../src/core/memo";

describe("memoByText", () => {
  it("computes each distinct text once while it fits", () => {
    const calls: string[] = [];
    const upper = memoByText((s) => {
      calls.push(s);
      return s.toUpperCase();
    }, 10);
    expect([upper("a"), upper("b"), upper("a"), upper("b")]).toEqual(["A", "B", "A", "B"]);
    expect(calls).toEqual(["a", "b"]);
  });

  it("caches undefined and null results too", () => {
    let calls = 0;
    const nothing = memoByText((): undefined => {
      calls++;
      return undefined;
    });
    nothing("x");
    nothing("x");
    expect(calls).toBe(1);
  });

  it("starts over when full, and still answers correctly", () => {
    const calls: string[] = [];
    const len = memoByText((s) => {
      calls.push(s);
      return s.length;
    }, 2);
    expect([len("a"), len("bb"), len("ccc"), len("a"), len("ccc")]).toEqual([1, 2, 3, 1, 3]);
    // "ccc" found the cache full and cleared it; "a" was computed again, "ccc" was kept.
    expect(calls).toEqual(["a", "bb", "ccc", "a"]);
  });

  it("rejects a limit below 1", () => {
    expect(() => memoByText((s) => s, 0)).toThrow(RangeError);
  });
});
