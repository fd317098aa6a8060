/**
 * The built bundle, as Excel loads it: dist/functions.js runs in a fresh context whose only
 * Office global is a stand-in `CustomFunctions`; its `associate` records what registers.
 */
import * as vm from "vm";
import { ErrorCode, makeCustomFunctions, StandInError } from "../support/custom-functions";
import { formatMessage } from "../../src/core";
import { readDist, readJson } from "../support/dist";

type Fn = (...args: unknown[]) => unknown;

function loadBundle() {
  const CustomFunctions = makeCustomFunctions();
  const context = vm.createContext({ CustomFunctions, console });
  vm.runInContext(readDist("functions.js"), context, { filename: "dist/functions.js" });
  return CustomFunctions.associated;
}

describe("dist/functions.js in a stand-in runtime", () => {
  const registered = loadBundle();
  const en = readJson("functions.json");
  const it = readJson("functions-it.json");
  const call = (id: string, ...args: unknown[]) => (registered.get(id) as Fn)(...args);
  const failure = (id: string, ...args: unknown[]) => {
    try {
      call(id, ...args);
    } catch (e) {
      expect(e).toBeInstanceOf(StandInError);
      return { code: (e as StandInError).code, message: (e as StandInError).message };
    }
    throw new Error(`${id} returned instead of throwing`);
  };

  test("registers exactly the functions of functions.json", () => {
    expect([...registered.keys()].sort()).toEqual(en.functions.map((f) => f.id).sort());
    expect(registered.size).toBe(en.functions.length);
  });

  test("functions-it.json has the same ids and parameter counts, with Italian names", () => {
    expect(it.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    it.functions.forEach((f, i) => {
      const e = en.functions[i];
      expect(f.parameters).toHaveLength(e.parameters.length);
      expect(f.name).not.toBe(e.name);
      expect(f.description).not.toBe(e.description);
      f.parameters.forEach((p, j) => {
        expect(p.optional).toBe(e.parameters[j].optional);
        expect(p.type).toBe(e.parameters[j].type);
        expect(p.dimensionality).toBe(e.parameters[j].dimensionality);
      });
    });
    expect(new Set(it.functions.map((f) => f.name)).size).toBe(it.functions.length);
    expect(it.functions.find((f) => f.id === "TREND_PCT")!.name).toBe("TENDENZA_PCT");
  });

  test("computes with Excel-shaped arguments (numbers, Italian text, null, 2-D ranges)", () => {
    expect(call("TREND_PCT", 660, 600)).toBeCloseTo(10, 12);
    expect(call("TREND_PCT", "1.500,5", "1.000")).toBeCloseTo(50.05, 12);
    expect(call("TREND_RATIO", "1.200", 800)).toBeCloseTo(1.5, 12);
    expect(call("SHARE_PCT", 40, 160)).toBe(25);
    expect(call("WEIGHTED_SCORE", [[80], [null], [100]], [[50], [10], [50]])).toBe(90);
    expect(call("WEIGHTS_OK", [["33,33"], ["33,33"], ["33,34"]])).toBe(true);
    expect(call("WEIGHTS_OK", [[50], [40]])).toBe(false);
    expect(call("TARGET_MET", 16, "Anno: 2021 >= +15% Anno: 2022 >= +20%", 2021)).toBe(true);
    expect(call("TARGET_MET", 16, "Anno: 2021 >= +15% Anno: 2022 >= +20%", 2022)).toBe(false);
    expect(call("ACHIEVEMENT", 12, ">= 15%", null)).toBeCloseTo(80, 10);
    expect(call("TARGET_VALUE", "<= 31/12/2021", null)).toBe(44561);
    expect(call("PARSE_NUMBER", "17.835")).toBe(17835);
  });

  test("reports Excel errors, never NaN or a plain Error", () => {
    expect(failure("TREND_PCT", 1, 0)).toEqual({ code: ErrorCode.divisionByZero, message: "" });
    expect(failure("TARGET_MET", 1, "---", null)).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_TARGET", "en") });
    expect(failure("ACHIEVEMENT", 1, "circa 10", null).code).toBe(ErrorCode.invalidValue);
    expect(failure("WEIGHTED_SCORE", [[1], [2]], [[1]]).code).toBe(ErrorCode.invalidValue);
    expect(failure("PARSE_NUMBER", true).code).toBe(ErrorCode.invalidValue);
  });
});
