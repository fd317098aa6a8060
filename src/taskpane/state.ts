import type { Period, ValidationReport } from "../core";
import type { TreeView } from "./tree-model";
import type { ReportView } from "./view-model";

/**
 * The pane's state: one plain object, replaced (never mutated) on every change, and a
 * minimal store that tells the view. The report's view model is computed when a report
 * arrives and kept here, so rendering never recomputes it.
 */

export type Action = "validate" | "clear" | "select" | "import" | "summary" | "freeze" | "units";

export interface Busy {
  readonly action: Action;
  /** The phase, already in the pane's language. */
  readonly text: string;
  /** Determinate progress when known (reading the sheets). */
  readonly done?: number;
  readonly total?: number;
}

export type NoticeTone = "success" | "info" | "warning";

export interface Notice {
  readonly tone: NoticeTone;
  readonly lines: readonly string[];
}

/** A host failure in words, with the host's code apart. */
export interface Failure {
  readonly message: string;
  readonly code: string;
}

export interface PaneState {
  readonly busy: Busy | null;
  readonly report: ValidationReport | null;
  readonly view: ReportView | null;
  /** The roll-up tree of the same report. */
  readonly tree: TreeView | null;
  /** The year asked for; `null` is the engine's default (latest year with values). */
  readonly year: number | null;
  /** The monitoring period asked for (the period selector); `null`: the year (or the default). */
  readonly period: Period | null;
  readonly notice: Notice | null;
  readonly error: Failure | null;
  readonly importNotice: Notice | null;
  readonly importError: Failure | null;
  /** Sheets that were hidden at the last read (to explain a failed "go to"). */
  readonly hiddenSheets: readonly string[];
}

export const INITIAL_STATE: PaneState = {
  busy: null,
  report: null,
  view: null,
  tree: null,
  year: null,
  period: null,
  notice: null,
  error: null,
  importNotice: null,
  importError: null,
  hiddenSheets: [],
};

export interface Store {
  get(): PaneState;
  set(patch: Partial<PaneState>): void;
  subscribe(listener: (state: PaneState, previous: PaneState) => void): () => void;
}

/** @example const store = createStore(); store.set({ year: 2022 }); store.get().year // 2022 */
export function createStore(initial: PaneState = INITIAL_STATE): Store {
  let state = initial;
  const listeners = new Set<(s: PaneState, p: PaneState) => void>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
