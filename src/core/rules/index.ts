/**
 * The measurement rules as they travel with the workbook (sheet `Impostazioni`): their words
 * (./vocabulary.ts), reading them (./read.ts) and writing them (./sheet.ts).
 */
export { RULES_SHEET, type UnitRule } from "./vocabulary";
export { findRulesSheet, readRules, readRulesSheet, type RulesRead } from "./read";
export { rulesSheet } from "./sheet";
