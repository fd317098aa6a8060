/**
 * Bundle sizes of the built add-in and CLI (run `npm run build` first; `npm run bench` does).
 * The web bundles are minified by the production build; the CLI bundle is deliberately not
 * (readable stack traces), so its minified size is measured by running terser, webpack's own
 * minifier, over it when terser is installed. Gzip is zlib at level 9, as a server would send it.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { ROOT } from "./grids";

export interface BundleSize {
  readonly name: string;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly minified: number | null;
  readonly gzipped: number;
  /** Gzipped budget in bytes, when the issue sets one. */
  readonly budget: number | null;
}

const DIST = join(ROOT, "dist");

function gz(data: Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

async function minify(code: string): Promise<number | null> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const terser = require("terser") as { minify(code: string, options: object): Promise<{ code?: string }> };
    const out = await terser.minify(code, { compress: true, mangle: true, module: false });
    return out.code === undefined ? null : Buffer.byteLength(out.code);
  } catch {
    return null;
  }
}

async function size(name: string, files: string[], budget: number | null, alreadyMinified: boolean): Promise<BundleSize | null> {
  const present = files.filter((f) => existsSync(join(DIST, f)));
  if (present.length === 0) return null;
  const data = present.map((f) => readFileSync(join(DIST, f)));
  const all = Buffer.concat(data);
  let minified: number | null = all.length;
  if (!alreadyMinified) {
    const sizes = await Promise.all(data.map((d) => minify(d.toString("utf8"))));
    minified = sizes.every((s) => s !== null) ? sizes.reduce((a: number, b) => a + (b as number), 0) : null;
  }
  // Each file travels (and is compressed) on its own.
  const gzipped = data.reduce((sum, d) => sum + gz(d), 0);
  return { name, files: present, bytes: all.length, minified, gzipped, budget };
}

export async function bundleSizes(): Promise<BundleSize[]> {
  if (!existsSync(join(DIST, "functions.js"))) return [];
  const css = readdirSync(DIST).filter((f) => f.endsWith(".css"));
  const out = await Promise.all([
    size("functions (dist/functions.js)", ["functions.js"], 30 * 1024, true),
    size(`task pane (taskpane.js + taskpane.html${css.length ? " + css" : ""})`, ["taskpane.js", "taskpane.html", ...css], 120 * 1024, true),
    size("task pane page, all scripts (+ functions.js)", ["taskpane.js", "taskpane.html", ...css, "functions.js"], null, true),
    size("CLI (dist/cli/kpi.js, exceljs not bundled)", ["cli/kpi.js"], null, false),
  ]);
  return out.filter((b): b is BundleSize => b !== null);
}
