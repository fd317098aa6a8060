// Whether a number format shows a percentage: the one test the engine uses for it.
/**
 * True when a number format shows a percentage: a `%` outside quoted text, escapes and
 * `[...]` sections (`0%`, `0,00%`, `#,##0.0%;[Red]-0.0%`, but not `0 "%"`).
 * @example isPercentFormat("0.00%") // true
 */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  // One pass, left to right as Excel reads a format: an escaped quote does not open quoted text.
  return format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").includes("%");
}
