/** Reading a rendered report's tables in tests: one row's HTML, found by a cell in it. */

/**
 * The HTML of the table row that `cell` (a cell's opening markup and content) starts, up to the
 * end of that row. A missing row fails the test where it is looked up, not later at an
 * unrelated `toContain`.
 *
 * @example
 *   htmlRow(html, '<td class="code">A.1</td>'); // '<td class="code">A.1</td><td class="n">83,33</td>…'
 */
export function htmlRow(html: string, cell: string): string {
  const i = html.indexOf(cell);
  expect(i).toBeGreaterThan(0);
  return html.slice(i, html.indexOf("</tr>", i));
}
