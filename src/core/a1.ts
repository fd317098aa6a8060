/**
 * A1-style addresses, the way Excel names cells. Rows and columns inside the engine are
 * 0-based (as in `SheetGrid`); the addresses users read are 1-based with column letters.
 */

/** Excel's last column (XFD) as a 0-based index. */
export const MAX_COLUMN = 16_383;
/** Excel's last row as a 0-based index. */
export const MAX_ROW = 1_048_575;

/**
 * Column letters of a 0-based column index.
 * @example columnLetters(0)   // "A"
 * @example columnLetters(27)  // "AB"
 */
const LETTERS_CACHE: string[] = [];

export function columnLetters(col: number): string {
  const cached = LETTERS_CACHE[col];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`Bad column index ${col}`);
  let n = col + 1;
  let letters = "";
  // Bijective base 26: there is no zero digit, so "Z" is followed by "AA".
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  if (col <= MAX_COLUMN) LETTERS_CACHE[col] = letters;
  return letters;
}

/**
 * 0-based column index of column letters (case-insensitive); `null` when the text is not
 * a column name.
 * @example columnIndex("AB") // 27
 * @example columnIndex("a1") // null
 */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 <= MAX_COLUMN ? n - 1 : null;
}

/**
 * A1 address of a 0-based row and column.
 * @example a1(4, 7) // "H5"
 */
export function a1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`Bad row index ${row}`);
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * A1 range from two 0-based corners; a single cell when both corners are the same.
 * @example rangeA1(1, 3, 5, 3) // "D2:D6"
 */
export function rangeA1(row1: number, col1: number, row2: number, col2: number): string {
  const top = Math.min(row1, row2);
  const bottom = Math.max(row1, row2);
  const left = Math.min(col1, col2);
  const right = Math.max(col1, col2);
  const first = a1(top, left);
  return top === bottom && left === right ? first : `${first}:${a1(bottom, right)}`;
}

/**
 * 0-based row and column of an A1 address (`$` anchors allowed); `null` when it is not one.
 * @example parseA1("$H$5") // { row: 4, col: 7 }
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === null || row < 0 || row > MAX_ROW) return null;
  return { row, col };
}

/**
 * A cell reference as Excel writes it in formulas, quoting sheet names that need it.
 * @example sheetRef("Area A", "H5") // "'Area A'!H5"
 * @example sheetRef("A", "H5")      // "A!H5"
 */
export function sheetRef(sheet: string, cell: string): string {
  // Excel quotes every name that is not a plain identifier; an apostrophe is doubled.
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet) && parseA1(sheet) === null;
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}
