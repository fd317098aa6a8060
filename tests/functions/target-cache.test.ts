import { isKpiError, parseTarget } from "../../src/core";
import {
  cachedTarget,
  clearTargetCache,
  TARGET_CACHE_ENTRIES,
  TARGET_CACHE_MAX_KEY,
  targetCacheSize,
} from "../../src/functions/target-cache";

beforeEach(() => clearTargetCache());

describe("cachedTarget: parse once, reuse", () => {
  test.each([
    ">= 15%",
    "Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 ---",
    "entro il 30/06/2021",
    "---",
    "circa 10",
    "Anno: 2021 >= 5 Anno: 2021 >= 6",
    "",
  ])("gives what parseTarget gives for %p, the same object the second time", (text) => {
    const first = cachedTarget(text);
    expect(first).toEqual(parseTarget(text));
    expect(cachedTarget(text)).toBe(first);
    expect(targetCacheSize()).toBe(1);
  });

  test("numbers, booleans and blanks are parsed directly, not kept", () => {
    expect(cachedTarget(15)).toEqual(parseTarget(15));
    expect(cachedTarget(true)).toEqual(parseTarget(true));
    expect(cachedTarget(null)).toEqual(parseTarget(null));
    expect(cachedTarget(undefined)).toEqual(parseTarget(undefined));
    expect(targetCacheSize()).toBe(0);
  });

  test("texts longer than the key limit are parsed each time and not kept", () => {
    const long = `circa ${"1".repeat(TARGET_CACHE_MAX_KEY)}`;
    const r = cachedTarget(long);
    expect(isKpiError(r)).toBe(true);
    expect(r).toEqual(parseTarget(long));
    expect(targetCacheSize()).toBe(0);
  });

  test("the cache is bounded: many distinct texts never hold more than the limit", () => {
    for (let i = 0; i < TARGET_CACHE_ENTRIES * 3; i++) {
      expect(cachedTarget(`>= ${i}`)).toEqual(parseTarget(`>= ${i}`));
      expect(targetCacheSize()).toBeLessThanOrEqual(TARGET_CACHE_ENTRIES);
    }
    expect(targetCacheSize()).toBe(TARGET_CACHE_ENTRIES);
  });

  test("once full, the least recently used text goes first", () => {
    const texts = Array.from({ length: TARGET_CACHE_ENTRIES }, (_, i) => `<= ${i}`);
    const kept = texts.map((t) => cachedTarget(t));
    // Use the oldest again: it becomes the most recent; the second oldest is now the LRU.
    expect(cachedTarget(texts[0])).toBe(kept[0]);
    cachedTarget("> 123456");
    expect(targetCacheSize()).toBe(TARGET_CACHE_ENTRIES);
    expect(cachedTarget(texts[0])).toBe(kept[0]);
    const reparsed = cachedTarget(texts[1]);
    expect(reparsed).not.toBe(kept[1]);
    expect(reparsed).toEqual(kept[1]);
  });
});
