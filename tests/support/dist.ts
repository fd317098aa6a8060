import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

/**
 * Path of a built file; fails with a clear message when the build has not run
 * (`npm test` builds first; alone, run `npm run build`).
 */
export function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) {
    throw new Error(`dist/${name} is missing: run \`npm run build\` first (\`npm test\` builds before jest).`);
  }
  return file;
}

export const readDist = (name: string): string => fs.readFileSync(distFile(name), "utf8");

/** The shape of functions.json as these tests use it. */
export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description?: string; type?: string; optional?: boolean; dimensionality?: string }[];
    result: { type?: string; dimensionality?: string };
  }[];
}

export const readJson = (name: string): FunctionsJson => JSON.parse(readDist(name)) as FunctionsJson;
