/**
 * The lint guard (eslint.config.js) must fail when the architecture is broken, not only
 * pass on today's code. Small sources are linted as if they were files under src/core and
 * src/cli: ESLint picks the rules by the path given, so nothing is written into src/ (a real
 * file there would be seen by other suites that scan the source tree while this one runs).
 * The project's own eslint.config.js is handed to ESLint as an object: ESLint loads config
 * files with a dynamic import(), which Jest's module sandbox refuses.
 */
import { ESLint, type Linter } from "eslint";
import path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const CONFIG: Linter.Config[] = require(path.join(ROOT, "eslint.config.js"));

async function lint(relativePath: string, code: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: CONFIG });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, relativePath) });
  return result.messages;
}

/** "rule: offending name" for each message, so a failure shows what was (not) caught. */
function findings(messages: Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId}:${m.line}`).sort();
}

jest.setTimeout(60_000);

describe("lint guard: the core stays pure", () => {
  const file = "src/core/guard-probe.ts";

  test("Node modules, ExcelJS, adapters and host globals in the core are errors", async () => {
    const code = [
      'import { readFileSync } from "fs";', // line 1
      'import { join } from "node:path";', // line 2
      'import ExcelJS from "exceljs";', // line 3
      'import { CliError } from "../cli/io";', // line 4
      'import type { ExcelHost } from "../excel/host";', // line 5
      "export const title = document.title;", // line 6
      "export const host = Office.context;", // line 7
      "export const run = () => Excel.run(async () => undefined);", // line 8
      "export const w = window.innerWidth;", // line 9
      "export const used = [readFileSync, join, ExcelJS, CliError] as const;",
      "export type H = ExcelHost;",
    ].join("\n");
    const messages = await lint(file, code);
    expect(messages.every((m) => m.severity === 2)).toBe(true);
    expect(findings(messages)).toEqual(
      [
        "no-restricted-imports:1",
        "no-restricted-imports:2",
        "no-restricted-imports:3",
        "no-restricted-imports:4",
        "no-restricted-imports:5",
        "no-restricted-globals:6",
        "no-restricted-globals:7",
        "no-restricted-globals:8",
        "no-restricted-globals:9",
      ].sort(),
    );
  });

  test("the core importing its own modules is fine (the guard is not an error on everything)", async () => {
    const code = [
      'import { parseA1 } from "./a1";',
      'import type { Lang } from "../messages";',
      "export const first = (ref: string, lang: Lang) => [parseA1(ref), lang];",
    ].join("\n");
    expect(await lint("src/core/plan/guard-probe.ts", code)).toEqual([]);
  });
});

describe("lint guard: adapters use the core's public surface", () => {
  test("a deep path into the core from src/cli is an error, with the reason", async () => {
    const code = [
      'import { parsePlan } from "../core";', // line 1: allowed
      'import { parseA1 } from "../core/a1";', // line 2
      'import { buildWorkbook } from "../core/workbook/build";', // line 3
      'export { MARK_STYLES } from "../core/marks";', // line 4
      "export const used = [parsePlan, parseA1, buildWorkbook];",
    ].join("\n");
    const messages = await lint("src/cli/guard-probe.ts", code);
    expect(findings(messages)).toEqual(["no-restricted-imports:2", "no-restricted-imports:3", "no-restricted-imports:4"]);
    expect(messages[0].message).toContain("src/core/index.ts");
  });

  test("deeper adapters are caught too, and the index itself is allowed", async () => {
    const code = [
      'import { parsePlan } from "../../core/plan/parse";', // line 1
      'import { a1 } from "../../core/index";', // line 2: allowed
      "export const used = [parsePlan, a1];",
    ].join("\n");
    expect(findings(await lint("src/cli/commands/guard-probe.ts", code))).toEqual(["no-restricted-imports:1"]);
  });

  test("adapters may use Node modules and host globals (the rules are the core's alone)", async () => {
    const code = ['import { readFileSync } from "fs";', "export const used = [readFileSync, document.title];"].join("\n");
    expect(await lint("src/cli/guard-probe.ts", code)).toEqual([]);
  });
});

describe("lint guard: the Office.js adapter holds no pane code", () => {
  test("src/excel importing the task pane is an error, and deep core paths are still caught there", async () => {
    const code = [
      'import { fmt } from "../taskpane/i18n";', // line 1
      'import { it } from "../../taskpane/i18n/it";', // line 2
      'import { parsePlan } from "../core/plan/parse";', // line 3
      'import { a1 } from "../core";', // line 4: allowed
      "export const used = [fmt, it, parsePlan, a1];",
    ].join("\n");
    const messages = await lint("src/excel/guard-probe.ts", code);
    expect(findings(messages)).toEqual(["no-restricted-imports:1", "no-restricted-imports:2", "no-restricted-imports:3"]);
    expect(messages[0].message).toContain("src/excel");
    expect(findings(await lint("src/excel/actions/guard-probe.ts", code))).toEqual(["no-restricted-imports:1", "no-restricted-imports:2", "no-restricted-imports:3"]);
  });

  test("the pane may import the Office.js adapter", async () => {
    const code = ['import { classifyHostError } from "../excel/host-errors";', "export const used = classifyHostError;"].join("\n");
    expect(await lint("src/taskpane/guard-probe.ts", code)).toEqual([]);
  });
});

describe("lint guard: the analysis returns message references, adapters describe them", () => {
  test("an analysis module that renders a message is an error; the core's own rules still hold there", async () => {
    const code = [
      'import { describe, formatMessage, type Lang } from "../messages";', // line 1: describe and formatMessage
      'import { describeParam } from "../messages/describe";', // line 2
      'import type { MessageRef } from "../messages";', // line 3: allowed, a type
      'import { readFileSync } from "fs";', // line 4: still the core's rule
      "export const used = [describe, formatMessage, describeParam, readFileSync];",
      "export type T = [Lang, MessageRef];",
    ].join("\n");
    const messages = await lint("src/core/validate/guard-probe.ts", code);
    expect(findings(messages)).toEqual(["no-restricted-imports:1", "no-restricted-imports:1", "no-restricted-imports:2", "no-restricted-imports:4"]);
    expect(messages.find((m) => m.line === 2)?.message).toContain("message references");
  });

  test("the modules that write a document in a language may describe", async () => {
    const code = ['import { describe } from "../messages";', "export const used = describe;"].join("\n");
    expect(await lint("src/core/report/guard-probe.ts", code)).toEqual([]);
    expect(await lint("src/core/workbook/guard-probe.ts", code)).toEqual([]);
  });
});
