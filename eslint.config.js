// ESLint guards the architecture only (no style rules): adapters reach the engine through
// src/core/index.ts, the engine imports no adapter, no Node module, no ExcelJS and no host global,
// and the Office.js adapter (src/excel) imports nothing of the pane (its words are the pane's).
const tseslint = require("typescript-eslint");

const ADAPTERS = "cli|excel|taskpane|functions|docx";

const DEEP_CORE = {
  regex: "^(\\.\\./)+core/(?!index$).+",
  message: "Import the engine from src/core/index.ts (its public surface), not from a deep path.",
};

/** What the engine may not import: adapters, Node modules, ExcelJS. */
const CORE_PATTERNS = [
  {
    regex: `^(\\.\\./)+(${ADAPTERS})(/|$)`,
    message: "The engine (src/core) must not depend on an adapter.",
  },
  {
    regex: "^(node:)?(fs|path|child_process|zlib|os)(/.*)?$",
    message: "The engine (src/core) is pure TypeScript: no Node modules; the adapter passes data in.",
  },
  {
    regex: "^exceljs(/.*)?$",
    message: "The engine (src/core) works on plain grids; ExcelJS belongs to src/cli.",
  },
];

module.exports = tseslint.config(
  {
    files: ["src/**/*.ts"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [DEEP_CORE],
        },
      ],
    },
  },
  {
    // A later block's rule replaces the earlier one for these files: the deep-core guard is repeated.
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            DEEP_CORE,
            {
              regex: "^(\\.\\./)+taskpane(/|$)",
              message: "The Office.js adapter (src/excel) holds no pane code or words; the pane turns its outcomes into text.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: CORE_PATTERNS }],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "The engine (src/core) must not touch the Office host; src/excel does." },
        { name: "Office", message: "The engine (src/core) must not touch the Office host; src/excel does." },
        { name: "document", message: "The engine (src/core) has no DOM; src/taskpane does." },
        { name: "window", message: "The engine (src/core) has no DOM; src/taskpane does." },
      ],
    },
  },
  {
    // Problems and messages stay references while the engine works, so that one analysis is
    // shown in any language: only the modules that write a document in a language render them.
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/index.ts", "src/core/messages/**", "src/core/report/**", "src/core/workbook/**", "src/core/rules/sheet.ts", "src/core/errors.ts", "src/core/history.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...CORE_PATTERNS,
            {
              regex: "^(\\.\\.?/)+messages(/.*)?$",
              importNames: ["describe", "describeParam", "formatMessage", "ownerLabel"],
              message: "Analysis code returns message references (src/core/problem.ts); adapters describe them in the user's language.",
            },
          ],
        },
      ],
    },
  },
);
