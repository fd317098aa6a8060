/** The year-end summary ("Relazione") as printable HTML. */
export { renderReport, escapeHtml, formatAchievement, italianDate, kpiCounts, chartNodes, type ReportInput } from "./html";
