/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; here we only transpile.
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest -> ESM-only modules jest on Node 20 cannot load;
    // the mock only needs the OfficeApp enum from it.
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
  },
  reporters: ["default", "<rootDir>/tests/reporters/summary-line.js"],
  testTimeout: 60000,
};
