/**
 * The phases an action that reads and analyses the workbook reports to the pane while it runs,
 * so the pane can say what is happening: reading the sheets (with a count), analysing, then the
 * action's own last step (`marking` for Validate, `writing` for the sheets the add-in builds).
 * @example const phase: ActionPhase<"marking"> = { kind: "reading", done: 3, total: 12 };
 */
export type ActionPhase<Last extends string> =
  | { readonly kind: "reading"; readonly done: number; readonly total: number }
  | { readonly kind: "checking" }
  | { readonly kind: Last };
