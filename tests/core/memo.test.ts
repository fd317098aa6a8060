import { memoByText } from "../../src/core/memo";

/** `s.length` memoised with room for `max` texts, and the texts it was really computed for. */
function lengthsKeeping(max: number) {
  const calls: string[] = [];
  const len = memoByText((s) => {
    calls.push(s);
    return s.length;
  }, max);
  return { len, calls };
}

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

  it("lets the least recently used text go first when full, and still answers correctly", () => {
    const { len, calls } = lengthsKeeping(2);
    expect([len("a"), len("bb"), len("ccc"), len("a"), len("ccc")]).toEqual([1, 2, 3, 1, 3]);
    // "ccc" found the cache full and pushed out "a" (the oldest); "a" was computed again
    // and pushed out "bb"; "ccc" was kept.
    expect(calls).toEqual(["a", "bb", "ccc", "a"]);
  });

  it("keeps a text used again, and drops the one not used since (2 = 1 + 1 refreshed)", () => {
    const { len, calls } = lengthsKeeping(2);
    len("a");
    len("bb");
    len("a"); // full: "a" becomes the most recent, "bb" the least
    len("ccc"); // pushes out "bb", not "a"
    len("a");
    len("bb");
    // A cache that starts over when full would compute "a" again; one that never refreshes
    // on a hit would push out "a" instead of "bb".
    expect(calls).toEqual(["a", "bb", "ccc", "bb"]);
    expect(len.size()).toBe(2);
  });

  it("computes texts longer than maxKey each time and never keeps them", () => {
    let calls = 0;
    const len = memoByText((s) => {
      calls++;
      return s.length;
    }, 10, 3);
    expect([len("abcd"), len("abcd"), len("abc"), len("abc")]).toEqual([4, 4, 3, 3]);
    expect(calls).toBe(3); // "abcd" twice, "abc" once
    expect(len.size()).toBe(1);
    len.clear();
    expect(len.size()).toBe(0);
  });

  it("rejects a limit below 1", () => {
    expect(() => memoByText((s) => s, 0)).toThrow(RangeError);
  });
});
