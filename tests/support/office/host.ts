/**
 * The fake host itself: `Excel.run`, `isSetSupported`, the switches tests flip (cell-edit mode,
 * injected faults, limits) and the statistics of every sync.
 */
import { versionAtLeast } from "./api-sets";
import { FakeContext } from "./context";
import type { Modelled } from "./office-types";
import type { FakeOptions, FakeStats, Fault } from "./options";
import { WEB_LIMIT } from "./payload";
import { FakeWorkbook } from "./workbook-model";

export class FakeExcel implements Modelled<Office.RequirementSetSupport, "isSetSupported"> {
  workbook: FakeWorkbook;
  readonly platform: "web" | "desktop";
  apiVersion: string;
  payloadLimit: number;
  private _cellEdit = false;
  /** Waiting syncs of runs with `delayForCellEdit`, released when the user leaves the cell. */
  _editWaiters: (() => void)[] = [];
  /** The error a sync gets in cell-edit mode (without the delay). */
  cellEditError = { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again." };
  /** A host that takes `delayForCellEdit` but fails anyway (reported for some builds). */
  ignoresDelay = false;
  /** The user is typing in a cell; setting it false lets delayed runs go on. */
  get cellEditMode(): boolean {
    return this._cellEdit;
  }
  set cellEditMode(on: boolean) {
    this._cellEdit = on;
    if (!on) for (const release of this._editWaiters.splice(0)) release();
  }
  nullParents: "null" | "fail";
  oversizeGet: "error" | "null";
  requestLimit: number;
  language: "en" | "it";
  decimalSeparator: "," | ".";
  customFunctions: Readonly<Record<string, string>> | null;
  customFunctionLanguage: "en" | "it";
  /** `formulasLocal` writes seen. */
  localWrites = 0;

  /** False when a formula names a function Excel does not know in the display language. */
  knowsFunctionsOf(formula: string): boolean {
    const names = [...formula.replace(/"([^"]|"")*"/g, "").matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
    for (const n of names) {
      if (n.startsWith("KPI.")) {
        if (!this.customFunctions) continue;
        const known = this.customFunctionLanguage === "it" ? Object.values(this.customFunctions) : Object.keys(this.customFunctions);
        if (!known.includes(n.slice(4))) return false;
      }
    }
    return true;
  }
  /** Every member the add-in touched (checked against the requirement table by the tests). */
  membersUsed = new Set<string>();
  stats: FakeStats = { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, rejectedBytes: 0, perSync: [] };
  _syncNumber = 0;
  _faults: Fault[] = [];

  constructor(options: FakeOptions = {}, workbook = new FakeWorkbook()) {
    this.platform = options.platform ?? "web";
    this.apiVersion = options.apiVersion ?? "1.12";
    this.payloadLimit = options.payloadLimit ?? (this.platform === "web" ? WEB_LIMIT : Infinity);
    this.nullParents = options.nullParents ?? "null";
    this.oversizeGet = options.oversizeGet ?? "error";
    this.language = options.language ?? "en";
    this.decimalSeparator = options.decimalSeparator ?? ".";
    this.customFunctions = options.customFunctions ?? null;
    this.customFunctionLanguage = options.customFunctionLanguage ?? this.language;
    this.requestLimit = options.requestLimit ?? Infinity;
    this.workbook = workbook;
  }

  /** `Excel.run(batch)` or `Excel.run(options, batch)`: one request context per batch function. */
  run = async <T>(first: ((context: any) => Promise<T>) | { delayForCellEdit?: boolean }, second?: (context: any) => Promise<T>): Promise<T> => {
    this.stats.runs++;
    const batch = typeof first === "function" ? first : second;
    const options = typeof first === "function" ? {} : first;
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a function");
    const ctx = new FakeContext(this, options.delayForCellEdit === true);
    if (options.delayForCellEdit !== undefined) ctx.requireApi("RunOptions.delayForCellEdit");
    this.runOptions.push(options);
    return batch(ctx);
  };
  /** The options of every `Excel.run`, in order. */
  runOptions: { delayForCellEdit?: boolean }[] = [];

  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported = (name: string, version?: string | number): boolean => {
    if (name !== "ExcelApi") return name === "SharedRuntime" || name === "CustomFunctionsRuntime";
    // Office takes the version as a string ("1.12") or a number (1.1); a number cannot say 1.10.
    return versionAtLeast(this.apiVersion, version === undefined ? "1.1" : String(version));
  };

  /**
   * Makes the n-th sync from now fail with `code` after `afterOperations` of its queued
   * operations were applied (0: before any; Infinity: after all of them).
   */
  failSync(n: number, code = "GeneralException", afterOperations = 0, message = "Injected failure."): void {
    this._faults.push({ sync: this._syncNumber + n, code, message, afterOperations });
  }

  clearFaults(): void {
    this._faults = [];
  }

  resetStats(): void {
    this.stats = { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, rejectedBytes: 0, perSync: [] };
  }

  snapshot(): unknown {
    return this.workbook.snapshot();
  }

  private _host: { run: FakeExcel["run"]; supports: (version: string) => boolean; platform: "web" | "desktop" } | undefined;

  /**
   * The adapter's `ExcelHost` (src/excel/host.ts) over this fake: always the same object, as
   * the pane keeps one host for its whole life (the adapter may remember things about it).
   */
  host(): { run: FakeExcel["run"]; supports: (version: string) => boolean; platform: "web" | "desktop" } {
    this._host ??= { run: this.run, supports: (v: string) => this.isSetSupported("ExcelApi", v), platform: this.platform };
    return this._host;
  }
}
