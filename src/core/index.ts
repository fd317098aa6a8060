/**
 * The engine's public surface. Adapters import from here, never from deep paths, so that
 * what is public is a decision made in one place.
 */
export type * from "./types";
export { kpiError, isKpiError, messageOf, type KpiError, type Result, type ExcelErrorKind } from "./errors";
export { MESSAGES, formatMessage, type Lang, type MessageCode } from "./messages";
export { parseNumber, parseNumberText, formatNumberIt, isNoneText } from "./numbers";
export { dateToSerial, serialToDate, serialToIso, serialToItalian, parseDateText, isValidDate } from "./dates";
export { parseTarget, formatTarget, formatCondition, conditionForYear, targetYears } from "./targets";
export { DEFAULT_RULES, achievement, isMet, bandOf, roundHalfUp } from "./achievement";
export { parseWeight, checkWeights, type WeightCheck } from "./weights";
export { trendPct, trendRatio, sharePct, weightedScore } from "./measures";
