/**
 * The CLI's documented limits (README, "Limits of the kpi command"). Each is far above what
 * a Piano della performance needs (the Lecce plan is 61 KB of text and a workbook of a few
 * hundred rows) and well below what would exhaust a machine: past them the command stops with
 * one line and exit 2 instead of growing without bound.
 */
export const LIMITS = {
  /** Size on disk of a workbook the CLI reads. */
  inputBytes: 256 * 1024 * 1024,
  /**
   * Uncompressed bytes of the parts read from a workbook (sheets, shared strings, styles),
   * checked against the sizes the ZIP directory declares and again while inflating.
   */
  xmlBytes: 256 * 1024 * 1024,
  /** Excel's own sheet size: a row or column beyond it is not a real workbook. */
  rows: 1_048_576,
  columns: 16_384,
  /** Size of a plan text for `kpi import`. */
  planBytes: 4 * 1024 * 1024,
  /** Excel's limit on the characters of one cell. */
  cellChars: 32_767,
  /** Problems listed one per line by the text reports; the rest are counted. */
  listedProblems: 500,
} as const;
