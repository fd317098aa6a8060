import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/** The engine must run in Excel's runtimes, a browser and Node alike: no host or I/O imports. */
const FORBIDDEN_MODULES = /from\s+["'](fs|path|os|child_process|http|https|net|exceljs|office-addin-[\w-]+|node:[\w/]+)["']|require\(\s*["'](fs|path|os|child_process|exceljs)["']\s*\)/;
const FORBIDDEN_GLOBALS = /\b(Office|Excel|CustomFunctions|OfficeExtension|document|window|localStorage|process)\s*\./;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Drops comments and string contents so that prose in JSDoc does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
}

describe("src/core is pure", () => {
  const root = join(__dirname, "../../src/core");
  const all = files(root);

  it("has source files to check", () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it.each(all.map((f) => [relative(root, f), f]))("%s imports no host, DOM or I/O module", (_name, file) => {
    const text = code(readFileSync(file, "utf8"));
    expect(text).not.toMatch(FORBIDDEN_MODULES);
    expect(text).not.toMatch(FORBIDDEN_GLOBALS);
  });

  it("the check itself catches an offending line", () => {
    expect(code('import { readFileSync } from "fs";')).toMatch(FORBIDDEN_MODULES);
    expect(code("await Excel.run(async (ctx) => {})")).toMatch(FORBIDDEN_GLOBALS);
    expect(code("// Excel.run in a comment is fine")).not.toMatch(FORBIDDEN_GLOBALS);
  });
});
