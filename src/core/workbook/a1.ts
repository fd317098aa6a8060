/** A1 addressing for the workbook description (1-based rows and columns, as Excel shows them). */

/**
 * The letters of a 1-based column number.
 * @example columnLetter(1)  // "A"
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * An A1 cell address from 1-based row and column.
 * @example cellRef(2, 5) // "E2"
 */
export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * An A1 range from 1-based corners; a single cell when both corners are the same.
 * @example rangeRef(2, 5, 40, 5) // "E2:E40"
 */
export function rangeRef(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellRef(r1, c1);
  const b = cellRef(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

/**
 * A sheet name Excel accepts: the characters `[ ] : * ? / \` replaced, no leading or
 * trailing apostrophe, 1 to 31 characters, unique (case-insensitive) among `used`.
 * @example safeSheetName("Obiettivi: A/B", new Set()) // "Obiettivi_ A_B"
 */
export function safeSheetName(name: string, used: ReadonlySet<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  if (base === "" || base.toLowerCase() === "history") base = `Sheet${base}`;
  base = base.slice(0, 31);
  const taken = new Set([...used].map((u) => u.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A table name Excel accepts: letters, digits and underscores, starting with a letter or
 * underscore, never readable as a cell reference (`A1`, `R1C1`), at most 255 characters.
 * @example safeTableName("KPI A.1") // "KPI_A_1"
 */
export function safeTableName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]\d*$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s)) s = `_${s}`;
  return s.slice(0, 255);
}
