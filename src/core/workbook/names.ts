/** Names Excel accepts for the sheets and tables the import creates. */

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
