#!/usr/bin/env node
/*
 * `npm run bench` (after `npm run build`, for the bundle sizes): the performance table of
 * issue 6, printed and written to bench/results.md.
 *
 * The benchmark itself is TypeScript (scripts/bench/*.ts, type-checked with the rest of the
 * repository by `npm run typecheck`). It runs the engine and adapters from src/ as they are,
 * not a bundle: this launcher transpiles each .ts file on require with the project's own
 * TypeScript (transpile only, the same ES2020 output tsc gives), so no build folder and no
 * extra dependency is needed. Run with `node --expose-gc` so that each timed run starts
 * after a collection.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");

require.extensions[".ts"] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      resolveJsonModule: true,
      sourceMap: false,
    },
  });
  module._compile(out.outputText, filename);
};

const { main } = require(path.join(ROOT, "scripts/bench/main.ts"));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`bench: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
