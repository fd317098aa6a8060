/**
 * The script the e2e test serves in place of Microsoft's office.js: the fake host of
 * tests/support/office/ (with the add-in's requirement table, its one outside import)
 * transpiled by TypeScript into one browser script that sets `window.FakeExcelLib`,
 * followed by office-stub.js, which dresses it as the globals the add-in uses.
 *
 * The folder's modules are CommonJS after transpiling; a loader of a dozen lines resolves
 * their relative `require`s against a table of the transpiled files, so no bundler is needed.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import ts from "typescript";

const ROOT = join(__dirname, "../..");
const FOLDER = "tests/support/office";
const REQUIREMENTS = "src/excel/requirements";

function transpile(file: string): string {
  return ts.transpileModule(readFileSync(join(ROOT, file), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
  }).outputText;
}

/**
 * The served script: the fake (`officeLibraryScript`) followed by office-stub.js.
 *
 * @example
 *   page.route("**\/office.js", (r) => r.fulfill({ contentType: "application/javascript", body: officeScript() }));
 */
export function officeScript(): string {
  return officeLibraryScript() + readFileSync(join(__dirname, "office-stub.js"), "utf8");
}

/**
 * The fake alone as a browser script: every module of the fake keyed by its path without extension, a
 * `require` that resolves `./x` and `../../../src/excel/requirements` from the requiring
 * module's folder, then `window.FakeExcelLib = require(index)`.
 *
 * @example
 *   vm.runInNewContext(officeLibraryScript(), { window, setTimeout }); // window.FakeExcelLib.FakeExcel
 */
export function officeLibraryScript(): string {
  const files = readdirSync(join(ROOT, FOLDER))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${FOLDER}/${f.slice(0, -3)}`);
  const modules = [...files, REQUIREMENTS]
    .map((id) => `${JSON.stringify(id)}:function(module,exports,require){\n${transpile(`${id}.ts`)}\n}`)
    .join(",\n");
  const loader =
    `(function(){var defs={${modules}};var cache={};` +
    // normalize("a/b/../c") is "a/c": the id of what a module in a/b requires as ../c.
    `function normalize(id){var out=[];id.split("/").forEach(function(p){if(p==="..")out.pop();else if(p!=="."&&p!=="")out.push(p);});return out.join("/");}` +
    `function dirname(id){return id.slice(0,id.lastIndexOf("/"));}` +
    `function load(id){if(cache[id])return cache[id].exports;var def=defs[id];` +
    `if(!def)throw new Error("office stub: no module "+id);var module={exports:{}};cache[id]=module;` +
    `def(module,module.exports,function(spec){return load(normalize(dirname(id)+"/"+spec));});return module.exports;}` +
    `window.FakeExcelLib=load(${JSON.stringify(`${FOLDER}/index`)});})();\n`;
  return loader;
}
