/*
 * Two builds from one `webpack` run:
 *  - web:  the add-in (shared runtime) -> dist/{functions,taskpane}.js, taskpane.html,
 *          functions.json (generated from the JSDoc), functions-it.json + help.html (from it.json),
 *          assets/ and manifest.xml;
 *  - node: the `kpi` command -> dist/cli/kpi.js (exceljs stays a runtime require).
 *
 * Production URL: the manifest uses https://localhost:3000/ (the Office template convention).
 * Set ADDIN_URL (e.g. ADDIN_URL=https://kpi.example.it/addin/) to rewrite it in dist/manifest.xml.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedMetadataPlugin = require("./scripts/localized-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const DIST = path.resolve(__dirname, "dist");
const FUNCTIONS_TS = path.resolve(__dirname, "src/functions/functions.ts");

/** Origin the add-in is served from in the copied manifest; must end with "/". */
function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https URL ending with "/", got "${url}"`);
  }
  return url;
}

// ts-loader only transpiles; `tsc --noEmit` (npm run typecheck, part of npm test) does the type checking.
const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
  },
};

/**
 * The dev server. Office requires https for sideloading, but office-addin-dev-certs is not a
 * dependency here: when its certificates exist (~/.office-addin-dev-certs, created by
 * `npx office-addin-dev-certs install` on a developer machine) the server uses them, otherwise
 * it serves plain http on localhost:3000, which is enough for a browser and for tests.
 */
function devServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const haveCerts = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  return {
    port: 3000,
    static: { directory: DIST },
    headers: { "Access-Control-Allow-Origin": "*" },
    server: haveCerts
      ? {
          type: "https",
          options: Object.fromEntries(
            Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]),
          ),
        }
      : "http",
  };
}

module.exports = (env, argv) => {
  const dev = argv.mode === "development";
  const url = addinUrl();

  const web = {
    name: "web",
    // Quiet builds: `npm run demo` and `npm test` show only what needs attention.
    stats: "errors-warnings",
    target: ["web", "es2017"],
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_TS,
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: { path: DIST, filename: "[name].js", clean: { keep: /^cli[\\/]/ } },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    plugins: [
      // Generates functions.json from the JSDoc and appends the CustomFunctions.associate calls;
      // a metadata error is a webpack error, so the build fails.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_TS }),
      new LocalizedMetadataPlugin({ translations: "src/functions/i18n/it.json", namespace: "KPI" }),
      // Shared runtime: one page hosts the functions and the pane. The ribbon's one button is a
      // ShowTaskpane action, which runs no code: the manifest's FunctionFile names this page only
      // because the shared runtime wants one page everywhere, and no ribbon-command bundle exists.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The pane's stylesheet, linked by taskpane.html (a file of its own for the page's CSP).
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              url === DEV_URL ? content : content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
    ],
    devServer: devServer(),
  };

  const node = {
    name: "node",
    stats: "errors-warnings",
    target: "node20",
    devtool: dev ? "source-map" : false,
    entry: { kpi: "./src/cli/kpi.ts" },
    output: {
      path: path.join(DIST, "cli"),
      filename: "[name].js",
      library: { type: "commonjs2" },
    },
    resolve: { extensions: [".ts", ".js"] },
    // The sources' JSDoc stays in the sources: the CLI bundle keeps readable code (for stack
    // traces) without carrying every comment of the engine.
    module: { rules: [{ ...tsRule, use: { ...tsRule.use, options: { ...tsRule.use.options, compilerOptions: { ...tsRule.use.options.compilerOptions, removeComments: true } } } }] },
    // exceljs (and its own dependencies) load at run time from node_modules: a small bundle.
    externals: { exceljs: "commonjs exceljs" },
    externalsPresets: { node: true },
    // A readable CLI bundle gives readable stack traces; size does not matter on disk.
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [
      new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
      {
        apply(compiler) {
          compiler.hooks.afterEmit.tap("MakeExecutable", () => {
            const file = path.join(DIST, "cli", "kpi.js");
            if (fs.existsSync(file)) fs.chmodSync(file, 0o755);
          });
        },
      },
    ],
  };

  return [web, node];
};
