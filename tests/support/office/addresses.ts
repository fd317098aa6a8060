/**
 * A1 addresses and the 0-based rectangles the fake stores: parsing, printing, sheet-name
 * quoting and the cell key of the sparse maps.
 */
import { fail } from "./errors";

/** 0-based inclusive rectangle on one sheet. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const COLS = 16384;
export const MAX_ROWS = 1048576;
export const key = (r: number, c: number): number => r * COLS + c;

export function columnName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function rectAddress(r: Rect): string {
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${columnName(r.c1)}${r.r1 + 1}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Parses `A1`, `$A$1:B2`, `A:C`, `3:5` (one area, no sheet). */
export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === "") fail("InvalidArgument", `Bad address "${address}"`);
  const one = (p: string, end: boolean): { r: number | null; c: number | null } => {
    const m = cell.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: columnNumber(m[1]) };
    if (/^[A-Za-z]{1,3}$/.test(p)) return { r: null, c: columnNumber(p) };
    if (/^\d{1,7}$/.test(p)) return { r: Number(p) - 1, c: null };
    return fail("InvalidArgument", `Bad address "${address}"${end ? "" : ""}`);
  };
  const a = one(parts[0], false);
  const b = parts.length === 2 ? one(parts[1], true) : a;
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) {
    fail("InvalidArgument", `Bad address "${address}"`);
  }
  const rect: Rect = {
    r0: a.r ?? 0,
    r1: b.r ?? MAX_ROWS - 1,
    c0: a.c ?? 0,
    c1: b.c ?? COLS - 1,
  };
  const norm: Rect = {
    r0: Math.min(rect.r0, rect.r1),
    r1: Math.max(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (norm.r0 < 0 || norm.r1 >= MAX_ROWS || norm.c0 < 0 || norm.c1 >= COLS) {
    fail("InvalidArgument", `Address out of the sheet "${address}"`);
  }
  return norm;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}
