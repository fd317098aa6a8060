/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; here we only transpile.
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  reporters: ["default", "<rootDir>/tests/reporters/summary-line.js"],
  testTimeout: 60000,
};
