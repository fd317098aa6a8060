/** The year-end summary ("Relazione") as printable HTML. */
export { renderReport, type ReportInput } from "./html";
export { escapeHtml, formatAchievement, italianDate } from "./text";
export { kpiCounts, chartNodes } from "../rollup/present";
