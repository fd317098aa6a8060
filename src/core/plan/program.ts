/**
 * Programs have no code in the plan. They get a synthetic one: the code of the node they
 * sit under (normally the strategic objective), a slash and `P<n>`, n counting the
 * programs under that node from 1 in the order of the text. The slash cannot occur in a
 * plan code, so a synthetic code never collides with a real one.
 * @example programCode("A.1", 1) // "A.1/P1"
 * @example programCode(null, 2)  // "P2"
 */
export function programCode(parent: string | null, n: number): string {
  return parent === null ? `P${n}` : `${parent}/P${n}`;
}
