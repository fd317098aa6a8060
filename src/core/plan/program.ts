/**
 * Nodes without a code in the plan (programs always, PIAO headings often) get a synthetic
 * one: the code of the node they sit under, a slash, the label's letters and `n`, n counting
 * such nodes of that label under that parent from 1 in the order of the text. The slash
 * cannot occur in a plan code, so a synthetic code never collides with a real one.
 * @example generatedCode("A.1", "P", 1)  // "A.1/P1"
 * @example generatedCode(null, "OVP", 2) // "OVP2"
 */
export function generatedCode(parent: string | null, abbr: string, n: number): string {
  return parent === null ? `${abbr}${n}` : `${parent}/${abbr}${n}`;
}

/**
 * The synthetic code of the n-th program under a node (see `generatedCode`).
 * @example programCode("A.1", 1) // "A.1/P1"
 * @example programCode(null, 2)  // "P2"
 */
export function programCode(parent: string | null, n: number): string {
  return generatedCode(parent, "P", n);
}
