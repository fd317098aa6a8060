/** The roll-up: KPI achievements cascaded through the plan's tree (see rollup.ts for the rules). */
export { rollup, normaliseCode, type RollupInput, type RollupKpi, type RollupOptions, type RollupResult, type RollupTreeNode } from "./rollup";
export { findTreeSheet, readTreeSheet, treeFromCodes, type TreeRead } from "./tree";
export { rollupWorkbook, rollupJson, isTreeProblem, type RollupJsonEntry, type RollupWorkbookOptions, type WorkbookRollup } from "./workbook";
export { kpiOwners, NO_OWNER_CODE, ownerParam } from "./owners";
export {
  achievementText,
  chartNodes,
  isMeasured,
  kpiCounts,
  nodeRows,
  nodeTitle,
  ownerRows,
  presentNode,
  rowsAddress,
  treeSheetRows,
  type KpiCounts,
  type OwnerRows,
  type PresentedNode,
} from "./present";
