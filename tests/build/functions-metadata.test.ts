/**
 * dist/functions.json: every KPI.* function of the issue, with its parameters, generated from
 * the JSDoc (and not stale: it equals what the generator makes of functions.ts now).
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readJson, ROOT } from "../support/dist";

type P = [name: string, optional?: "optional", matrix?: "matrix"];

/** The function list, written from the specification (not read from the code). */
const EXPECTED: Record<string, { params: P[]; result: string }> = {
  TREND_PCT: { params: [["current"], ["previous"]], result: "number" },
  TREND_RATIO: { params: [["current"], ["previous"]], result: "number" },
  SHARE_PCT: { params: [["part"], ["total"]], result: "number" },
  WEIGHTED_SCORE: { params: [["scores", undefined, "matrix"], ["weights", undefined, "matrix"]], result: "number" },
  WEIGHTS_OK: { params: [["weights", undefined, "matrix"]], result: "boolean" },
  TARGET_MET: { params: [["value"], ["target"], ["year", "optional"]], result: "boolean" },
  ACHIEVEMENT: { params: [["value"], ["target"], ["year", "optional"]], result: "number" },
  TARGET_VALUE: { params: [["target"], ["year", "optional"]], result: "number" },
  AT_RISK: { params: [["value"], ["target"], ["date"], ["rule", "optional"]], result: "string" },
  PARSE_NUMBER: { params: [["text"]], result: "number" },
  ROLLUP: {
    params: [
      ["codes", undefined, "matrix"],
      ["achievements", undefined, "matrix"],
      ["weights", undefined, "matrix"],
      ["code"],
      ["algorithms", "optional", "matrix"],
      ["missing", "optional"],
    ],
    result: "number",
  },
  PERCENT_POINTS: { params: [["value"]], result: "number" },
};

describe("dist/functions.json", () => {
  const metadata = readJson("functions.json");
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));

  test("lists exactly the KPI functions of the specification", () => {
    expect([...byId.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))("%s: name, parameters (names, optional, ranges) and result", (id, spec) => {
    const f = byId.get(id)!;
    expect(f.name).toBe(id);
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map(([name]) => name));
    f.parameters.forEach((p, i) => {
      const [, optional, matrix] = spec.params[i];
      expect(Boolean(p.optional)).toBe(optional === "optional");
      expect(p.dimensionality === "matrix").toBe(matrix === "matrix");
      expect(p.description && p.description.length).toBeGreaterThan(10);
    });
    expect(f.result.type).toBe(spec.result);
  });

  test("only PERCENT_POINTS asks Excel for its arguments' addresses (to read a format); none is volatile or streaming", () => {
    const asking = metadata.functions.filter((f) => (f as { options?: { requiresParameterAddresses?: boolean } }).options?.requiresParameterAddresses).map((f) => f.id);
    expect(asking).toEqual(["PERCENT_POINTS"]);
    for (const f of metadata.functions) {
      const o = (f as { options?: Record<string, unknown> }).options ?? {};
      expect([f.id, o.volatile ?? false, o.stream ?? false]).toEqual([f.id, false, false]);
    }
  });

  test("value and target parameters take any type, so Italian text reaches the engine", () => {
    for (const f of metadata.functions) {
      for (const p of f.parameters) if (p.name !== "year") expect([f.id, p.name, p.type]).toEqual([f.id, p.name, "any"]);
    }
  });

  test("is what the generator makes of src/functions/functions.ts now (dist is not stale)", async () => {
    const fresh = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], true);
    expect(fresh.errors).toEqual([]);
    // Less the option the build takes out (scripts/localized-metadata-plugin.js, withoutDataTypes).
    const { allowCustomDataForDataTypeAny, ...rest } = JSON.parse(fresh.metadataJson);
    expect(allowCustomDataForDataTypeAny).toBe(true);
    expect(rest).toEqual(metadata);
  });
});
