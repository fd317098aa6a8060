/**
 * The shared vocabulary of the engine. Every adapter (custom functions, Office.js,
 * ExcelJS, CLI, task pane) speaks in these types; nothing here knows about a host.
 */
export type * from "./values";
export type * from "./plan";
export type * from "./workbook";
export type * from "./rollup";
export type { Problem } from "../problem";
