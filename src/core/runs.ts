/**
 * Runs of consecutive numbers (rows of a column, mostly): a marked column `H5, H6, H7, H9`
 * is written as the ranges `H5:H7 H9`, the pane selects rows `5:7,9:9`, a report says
 * `righe 4-7`. One definition of "consecutive", so that the CLI's marks, the pane's and the
 * texts group the same rows the same way.
 */

/** A run of consecutive numbers, both ends included. */
export interface Run {
  readonly first: number;
  readonly last: number;
}

/**
 * The runs of consecutive integers among `numbers`, in ascending order; duplicates count once
 * and the input's order does not matter.
 * @example consecutiveRuns([9, 5, 6, 7, 6]) // [{ first: 5, last: 7 }, { first: 9, last: 9 }]
 */
export function consecutiveRuns(numbers: readonly number[]): Run[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push({ first: sorted[i], last: sorted[j] });
    i = j + 1;
  }
  return runs;
}
