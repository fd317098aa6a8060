/**
 * The owner of KPI rows that name none. The roll-up gathers them under one node whose code
 * is the same in every language; its label, `(senza codice)` / `(no code)`, is written only
 * when the node is shown (`ownerLabel` in ../messages).
 */
import type { MessageParam } from "../messages";

/** The code of the node gathering KPI rows without an owner: empty, as their owner cell is. */
export const NO_OWNER_CODE = "";

/**
 * An owner code as a message parameter: the code itself, or the catalogue's `NO_OWNER` words.
 * @example ownerParam("A.1") // "A.1"
 * @example ownerParam(NO_OWNER_CODE) // { code: "NO_OWNER" }
 */
export function ownerParam(code: string): MessageParam {
  return code === NO_OWNER_CODE ? { code: "NO_OWNER" } : code;
}
