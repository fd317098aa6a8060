/**
 * LibreOffice (headless) for tests that need a real spreadsheet application to open the
 * files we write. Each call uses its own throw-away user profile, so parallel test files
 * do not fight over LibreOffice's lock, and removes it afterwards.
 */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";

export const SOFFICE = "/usr/bin/soffice";

/** True when LibreOffice is installed (tests skip their LibreOffice part otherwise). */
export function hasLibreOffice(): boolean {
  return existsSync(SOFFICE);
}

/**
 * Converts a file with `soffice --headless --convert-to <filter>` into a new temporary
 * directory and returns the paths of the files produced. The caller removes `dir`.
 */
export async function convertWithLibreOffice(
  input: string,
  filter: string,
  timeoutMs = 120_000,
): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "lo-out-"));
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        SOFFICE,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, input],
        { timeout: timeoutMs },
        (error, _stdout, stderr) => (error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve()),
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const files = readdirSync(dir).map((f) => join(dir, f));
  return { dir, files };
}

/**
 * CSV filter options: comma, double quotes, UTF-8, from line 1, default language, no forced
 * quoting, no special-number detection, cells as shown (number formats applied) or raw,
 * values not formulas, spaces kept, every sheet (-1, LibreOffice >= 7.2).
 */
function csvFilter(asShown: boolean): string {
  return `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,${asShown},false,false,-1`;
}

/**
 * Opens an .xlsx in LibreOffice and returns every sheet, by sheet name, as LibreOffice shows
 * it (`asShown`: number formats applied, in LibreOffice's default en-US locale) or raw.
 * LibreOffice writes one `<name>-<Sheet>.csv` per sheet.
 */
export async function xlsxToCsvSheets(xlsx: Buffer, asShown = true): Promise<Map<string, string[][]>> {
  const work = mkdtempSync(join(tmpdir(), "lo-in-"));
  const input = join(work, "book.xlsx");
  writeFileSync(input, xlsx);
  try {
    const { dir, files } = await convertWithLibreOffice(input, csvFilter(asShown));
    try {
      const sheets = new Map<string, string[][]>();
      const stem = basename(input, extname(input));
      for (const f of files.filter((p) => p.endsWith(".csv"))) {
        const name = basename(f, ".csv");
        const sheet = name.startsWith(`${stem}-`) ? name.slice(stem.length + 1) : name;
        sheets.set(sheet, parseCsv(readFileSync(f, "utf8")));
      }
      return sheets;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
