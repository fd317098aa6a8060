/*
 * Lets a child `node` process run the TypeScript sources directly (`node -r this-file
 * src/cli/kpi.ts ...`), transpiled on require with the project's TypeScript, so that the
 * hardening tests exercise the current sources in a real process (real exit code, real
 * stderr, its own memory) without depending on a build.
 */
"use strict";
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = function compileTs(module, filename) {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(out.outputText, filename);
};
