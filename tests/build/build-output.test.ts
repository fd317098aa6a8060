/**
 * What `npm run build` leaves in dist/ besides the functions: the shared-runtime page, the
 * copied manifest and icons, the CLI bundle; and the webpack config's own switches.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { DIST, distFile, readDist, ROOT } from "../support/dist";

describe("dist/", () => {
  test("taskpane.html is the shared runtime page: office.js from the CDN, then functions, taskpane", () => {
    const html = readDist("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  // The ribbon's one button is a ShowTaskpane action: no ribbon-command code, so no bundle for it.
  test("no commands.js is built", () => {
    expect(fs.existsSync(path.join(DIST, "commands.js"))).toBe(false);
  });

  test.each(["functions.js", "taskpane.js", "functions.json", "functions-it.json", "help.html", "manifest.xml"])(
    "%s is built",
    (name) => {
      expect(fs.statSync(distFile(name)).size).toBeGreaterThan(0);
    },
  );

  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a %i px PNG", (size) => {
    const png = fs.readFileSync(distFile(`assets/icon-${size}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  test("functions.js is minified modern JavaScript", () => {
    const js = readDist("functions.js");
    expect(js.split("\n").length).toBeLessThan(5);
    expect(js).toMatch(/=>/); // ES2017+ target: arrow functions are kept
  });

  test("cli/kpi.js is an executable node script with exceljs left as a require", () => {
    const file = distFile("cli/kpi.js");
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    expect(text.length).toBeLessThan(1_000_000); // exceljs bundled would be several MB
    expect(text).not.toMatch(/exceljs\/lib\//);
    const r = spawnSync(process.execPath, [file, "--help"], { encoding: "utf8", cwd: ROOT });
    // Also guards against `if (require.main === module) main()`, which is never true in a webpack bundle.
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).not.toBe("");
  });

  test("dist/manifest.xml is the source manifest (no ADDIN_URL at build time)", () => {
    expect(readDist("manifest.xml")).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  });
});

describe("webpack.config.js", () => {
  type Config = {
    name: string;
    target: unknown;
    entry: Record<string, string>;
    output: { path: string; filename: string };
    externals?: Record<string, string>;
    plugins: { constructor: { name: string }; patterns?: { to: string; transform?: (c: Buffer) => string | Buffer }[] }[];
  };
  const factory = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Config[];
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  test("exports a web and a node build", () => {
    const [web, node] = factory({}, { mode: "production" });
    expect(web.name).toBe("web");
    expect(Object.keys(web.entry).sort()).toEqual(["functions", "taskpane"]);
    expect(web.output.path).toBe(DIST);
    expect(node.name).toBe("node");
    expect(String(node.target)).toMatch(/^node/);
    expect(node.entry).toEqual({ kpi: "./src/cli/kpi.ts" });
    expect(node.externals).toEqual({ exceljs: "commonjs exceljs" });
  });

  const manifestTransform = () => {
    const [web] = factory({}, { mode: "production" });
    const copy = web.plugins.find((p) => p.constructor.name === "CopyPlugin")!;
    return copy.patterns!.find((p) => p.to === "manifest.xml")!.transform!;
  };

  test("ADDIN_URL moves every manifest URL to the production origin", () => {
    process.env.ADDIN_URL = "https://kpi.example.it/addin/";
    const out = String(manifestTransform()(fs.readFileSync(path.join(ROOT, "manifest.xml"))));
    expect(out).not.toContain("https://localhost");
    expect(out).toContain('DefaultValue="https://kpi.example.it/addin/functions.json"');
    expect(out).toContain('Value="https://kpi.example.it/addin/functions-it.json"');
  });

  test("a malformed ADDIN_URL stops the build", () => {
    process.env.ADDIN_URL = "http://kpi.example.it/addin";
    expect(() => factory({}, { mode: "production" })).toThrow(/https URL ending with "\/"/);
  });
});
