/**
 * The engine's public surface. Adapters import from here, never from deep paths, so that
 * what is public is a decision made in one place.
 */
export type * from "./types";
export { kpiError, isKpiError, errorRef, messageOf, type KpiError, type Result, type ExcelErrorKind } from "./errors";
export {
  MESSAGES,
  describe,
  describeParam,
  formatMessage,
  ownerLabel,
  type Lang,
  type MessageCode,
  type MessageParam,
  type MessageParams,
  type MessageRef,
} from "./messages";
export { problem, errorProblem, type ProblemPlace } from "./problem";
export { parseNumber, parseNumberText, parseQuantityText, formatNumberIt, numberText, isNoneText, type Quantity } from "./numbers";
export { dateToSerial, serialToDate, serialToIso, serialToItalian, parseDateText, parseDateWords, isValidDate, localIsoDate, localIsoDateTime, monthDay } from "./dates";
export { parseTarget, formatTarget, formatCondition, conditionForYear, targetYears, targetErrors, type TargetOptions } from "./targets";
export { readYesNo } from "./target-words";
export { DEFAULT_RULES, completeRules, achievement, isMet, bandOf, roundHalfUp } from "./achievement";
export { parseWeight, checkWeights, isOutsideSumMark, weightsSumRef, type WeightCheck } from "./weights";
export { trendPct, trendRatio, sharePct, weightedScore } from "./measures";
export { memoByText, type TextMemo } from "./memo";
export { MISSING_WORDS, foldWord, missingRuleOf } from "./missing-words";
export { consecutiveRuns, type Run } from "./runs";
export { SheetCells, isBlankCell } from "./grid";

// Addresses
export { a1, rangeA1, parseA1, columnLetters, columnIndex, sheetRef, MAX_COLUMN, MAX_ROW } from "./a1";

// What the adapters throw when a file or the host refuses (the engine returns KpiError values)
export { ReasonError } from "./reason-error";

// The plan document
export { parsePlan, planDropped } from "./plan/parse";
export { parsePlanDocument, documentText, type PlanDocument, type PlanBlock, type DocumentText } from "./plan/document";
export { classifyAlgorithm } from "./plan/algorithm";

// The workbook built from the plan, as host-neutral data
export type {
  WorkbookSpec,
  SheetSpec,
  CellSpec,
  FormulaSpec,
  ColumnSpec,
  TableSpec,
  RangeFormatSpec,
  ValidationSpec,
} from "./workbook/description";
export { buildWorkbook, type FormulaStyle } from "./workbook/build";
export { columnLetter } from "./workbook/a1";
export { safeSheetName, safeTableName } from "./workbook/names";
export { summarySheet, SUMMARY_SHEET, type SummaryInput } from "./workbook/summary";
export { unitSheet, UNIT_SHEET, type UnitSheetInput } from "./workbook/unit-sheet";

// KPI tables in any workbook
export { findKpiTables, type HeaderNearMiss } from "./reader/find-tables";
export type { HeaderCell } from "./reader/header-row";
export { matchHeader, normaliseHeader, HEADER_ALIASES } from "./reader/headers";
export { MARK_KINDS, MARK_STYLES, markKindOfStatus, marksFor, type Mark, type MarkKind, type MarkStyle } from "./marks";
export { validateWorkbook, isPercentFormat, type ValidateOptions } from "./validate";
export { judgeAtDate, expectedAt, elapsedDays, isCumulative, parsePeriod, periodLabel, periodKey, monitoringDate, comparePeriods, type CheckpointJudgement } from "./monitoring";

// Measurement rules, roll-up and the year-end report
export { RULES_SHEET, findRulesSheet, readRules, readRulesSheet, rulesSheet, type RulesRead } from "./rules";
export * from "./rollup";
export * from "./report";
export { needsReason, missingReason } from "./reasons";
export { KIND_WORDS, BAND_WORDS, BAND_COLOURS, NO_DATA, STATUS_WORDS, kindWord, bandWord, statusWord, type BandColours } from "./vocabulary";
export { unitScores, unitsJson, unitName, workbookUnitScores, type UnitScore, type UnitItem, type UnitScoresInput } from "./scorecards";
export type { UnitRule } from "./rules";
export { analyseWorkbook, analyseWorkbookSteps, type AnalyseOptions, type WorkbookAnalysis } from "./analyse";

// Frozen monitoring values (sheet Storico)
export {
  frozenPeriod,
  freezeStamp,
  freezeValues,
  sameStoredValue,
  compareWithHistory,
  historyProblems,
  storedValueText,
  storedValueParam,
  frozenAtText,
  frozenAtParam,
  type FreezeChange,
  type HistoryCheck,
  type PeriodOf,
} from "./history";
export {
  HISTORY_SHEET,
  HISTORY_HEADER,
  historyRows,
  findHistorySheet,
  readHistory,
  latestFreezes,
  isHistorySheet,
  type FrozenValue,
  type HistoryRead,
} from "./history-sheet";
