/**
 * No tracked file names a folder of one particular machine: a repository names paths
 * relative to itself, so a clone works wherever it lands. The detector is tested first on
 * samples (built from pieces so that this file does not match itself), then run over every
 * file git tracks.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Absolute home or work folders: a user's folder under `home` or `Users`, the root user's
 * home, a top-level `work` folder, and a Windows user folder. A slash preceded by a letter,
 * digit, dot or dash is part of a URL or a relative path, not an absolute path.
 */
const MACHINE_PATH = new RegExp(
  [
    String.raw`(?<![\w.\-/])/(?:home|Users)/[A-Za-z_][\w.\-]*`,
    String.raw`(?<![\w.\-/])/(?:root|work)/`,
    String.raw`\b[A-Za-z]:\\(?:Users|Documents and Settings)\\`,
  ].join("|"),
);

function machinePaths(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    const m = MACHINE_PATH.exec(line);
    if (m) found.push(`${i + 1}: ${m[0]}`);
  });
  return found;
}

function trackedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  return out.split("\0").filter((f) => f !== "");
}

describe("the machine-path detector", () => {
  const slash = "/";
  test.each([
    [`cd ${slash}work${slash}main && npm test`],
    [`const xsd = "${slash}home${slash}alice/shared/x.xsd";`],
    [`open ${slash}Users${slash}bob/Desktop/plan.xlsx`],
    [`HOME=${slash}root${slash} npm ci`],
    [`C:${"\\"}Users${"\\"}carla${"\\"}piano.xlsx`],
  ])("finds %s", (line) => {
    expect(machinePaths(line)).toHaveLength(1);
  });

  test.each([
    // Built from pieces, like the positive samples, so that simpler checkers do not flag them.
    [`https://github.com${slash}root${slash}project and https://example.org${slash}home${slash}page`],
    [`see docs${slash}work${slash}notes.md and ../shared/office-manifest-xsd`],
    ["Debian's chromium is /usr/bin/chromium"],
    ["a target: <= 31/12/2021"],
  ])("passes %s", (line) => {
    expect(machinePaths(line)).toEqual([]);
  });

  test("reports the line number of each finding", () => {
    expect(machinePaths(`ok\nalso ok\nsee ${"/"}work${"/"}x`)).toEqual([`3: ${"/"}work${"/"}`]);
  });
});

describe("tracked files", () => {
  test("name no absolute home or work folder of any machine", () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(50); // git answered with the real tree
    const offenders: string[] = [];
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(ROOT, file));
      } catch {
        continue; // deleted in the work tree but not yet in the index
      }
      if (bytes.includes(0)) continue; // binary (images)
      for (const hit of machinePaths(bytes.toString("utf8"))) offenders.push(`${file}:${hit}`);
    }
    expect(offenders).toEqual([]);
  });
});
