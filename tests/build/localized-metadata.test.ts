/**
 * scripts/localized-metadata-plugin.js: functions-it.json is derived from the generated
 * functions.json and src/functions/i18n/it.json; a gap on either side fails the build.
 */
import * as fs from "fs";
import * as path from "path";
import { readJson, ROOT } from "../support/dist";

const { localizeMetadata, renderHelpPage, withoutDataTypes } = require(path.join(ROOT, "scripts/localized-metadata-plugin.js")) as {
  localizeMetadata(metadata: unknown, translations: unknown): { metadata: FunctionsMeta | null; errors: string[] };
  renderHelpPage(en: unknown, it: unknown, namespace: string): string;
  withoutDataTypes(metadata: object): object;
};

interface FunctionsMeta {
  functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[];
}

const generated = (): FunctionsMeta => ({
  functions: [
    {
      id: "TREND_PCT",
      name: "TREND_PCT",
      description: "Percentage change.",
      parameters: [
        { name: "current", description: "This period." },
        { name: "previous", description: "Previous period." },
      ],
    },
  ],
});
const translations = () => ({
  TREND_PCT: {
    name: "TENDENZA_PCT",
    description: "Variazione percentuale.",
    parameters: {
      current: { name: "attuale", description: "Questo periodo." },
      previous: { name: "precedente", description: "Periodo precedente." },
    },
  },
});

describe("localizeMetadata", () => {
  test("swaps names and descriptions, keeps ids and everything else", () => {
    const { metadata, errors } = localizeMetadata({ ...generated(), allowCustomDataForDataTypeAny: true }, translations());
    expect(errors).toEqual([]);
    expect(metadata).toEqual({
      allowCustomDataForDataTypeAny: true,
      functions: [
        {
          id: "TREND_PCT",
          name: "TENDENZA_PCT",
          description: "Variazione percentuale.",
          parameters: [
            { name: "attuale", description: "Questo periodo." },
            { name: "precedente", description: "Periodo precedente." },
          ],
        },
      ],
    });
  });

  test("a function without an Italian entry is an error", () => {
    expect(localizeMetadata(generated(), {}).errors).toEqual([expect.stringContaining('"TREND_PCT" has no Italian entry')]);
  });

  test("an Italian entry for no function is an error", () => {
    const t = { ...translations(), KPI_GONE: translations().TREND_PCT };
    expect(localizeMetadata(generated(), t).errors.join("\n")).toMatch(/KPI_GONE/);
  });

  test("a missing or unknown parameter is an error", () => {
    const t = translations();
    delete (t.TREND_PCT.parameters as Partial<typeof t.TREND_PCT.parameters>).previous;
    expect(localizeMetadata(generated(), t).errors.join("\n")).toMatch(/no entry for "previous"/);
    const u = translations() as unknown as { TREND_PCT: { parameters: Record<string, unknown> } };
    u.TREND_PCT.parameters.decimals = { name: "decimali", description: "Decimali." };
    expect(localizeMetadata(generated(), u).errors.join("\n")).toMatch(/decimals is not a parameter/);
  });

  test.each([
    ["tendenza_pct", /upper case/],
    ["1TENDENZA", /not a valid Excel function name/],
    ["TEN DENZA", /not a valid Excel function name/],
    ["ABC12", /cell reference/],
  ])("a bad Italian name (%p) is an error", (name, why) => {
    const t = translations();
    t.TREND_PCT.name = name;
    expect(localizeMetadata(generated(), t).errors.join("\n")).toMatch(why);
  });

  test.each([["AGGREGA"], ["TENDENZA"], ["SOMMA"], ["MEDIA.PIÙ.SE"]])("the Italian name of an Excel built-in (%p) is an error", (name) => {
    const t = translations();
    t.TREND_PCT.name = name;
    expect(localizeMetadata(generated(), t).errors.join("\n")).toMatch(/name of an Excel built-in function/);
  });

  test("an English name that is an Excel built-in is an error too", () => {
    const meta = generated();
    meta.functions[0].name = "AGGREGATE";
    expect(localizeMetadata(meta, translations()).errors.join("\n")).toMatch(/named AGGREGATE, the name of an Excel built-in/);
  });

  test("withoutDataTypes drops allowCustomDataForDataTypeAny and keeps the rest", () => {
    const meta = { allowCustomDataForDataTypeAny: true, ...generated() };
    expect(withoutDataTypes(meta)).toEqual(generated());
    expect(meta.allowCustomDataForDataTypeAny).toBe(true); // the input is not changed
  });

  test("two functions with the same Italian name is an error", () => {
    const meta = generated();
    meta.functions.push({ ...meta.functions[0], id: "TREND_RATIO", name: "TREND_RATIO" });
    const t = { ...translations(), TREND_RATIO: translations().TREND_PCT };
    expect(localizeMetadata(meta, t).errors.join("\n")).toMatch(/also used by "TREND_PCT"/);
  });

  test("a missing description is an error", () => {
    const t = translations();
    t.TREND_PCT.description = " ";
    t.TREND_PCT.parameters.current.description = "";
    const errors = localizeMetadata(generated(), t).errors.join("\n");
    expect(errors).toMatch(/TREND_PCT"\.description is missing/);
    expect(errors).toMatch(/current\.description is missing/);
  });
});

describe("src/functions/i18n/it.json against the build", () => {
  test("translates every generated function, with no error", () => {
    const it = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/i18n/it.json"), "utf8"));
    const { metadata, errors } = localizeMetadata(readJson("functions.json"), it);
    expect(errors).toEqual([]);
    expect(metadata).toEqual(readJson("functions-it.json"));
  });

  test("neither file asks for data-type cell values (a runtime perpetual Office lacks)", () => {
    for (const f of ["functions.json", "functions-it.json"]) expect([f, "allowCustomDataForDataTypeAny" in readJson(f)]).toEqual([f, false]);
  });

  test("KPI.ROLLUP's Italian name is not AGGREGA (Italian for AGGREGATE)", () => {
    const rollup = readJson("functions-it.json").functions.find((f) => f.id === "ROLLUP");
    expect(rollup?.name).toBe("PERFORMANCE_NODO");
  });

  test("the help page lists every function in both languages", () => {
    const en = readJson("functions.json");
    const it = readJson("functions-it.json");
    const html = renderHelpPage(en, it, "KPI");
    for (const f of [...en.functions, ...it.functions]) expect(html).toContain(`KPI.${f.name}(`);
    expect(html).toContain("KPI.TARGET_MET(value; target; [year])");
    expect(html).toContain("KPI.TARGET_RAGGIUNTO(valore; target; [anno])");
  });
});
