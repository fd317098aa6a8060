import { consecutiveRuns, MARK_KINDS, type MarkKind, markKindOfStatus, parseA1, rangeA1, type ValidationReport } from "../core";

/**
 * Which cells of a report get which colour, grouped into as few conditional-format rules as
 * the host allows (multi-area ranges from ExcelApi 1.9, one rule per run of rows before).
 * Pure: the rules are planned here and queued by marks.ts.
 */

/** Longest address text given to one multi-area rule. */
export const MAX_AREA_ADDRESS = 1000;

/** One rule to add: a kind on some cells of a sheet. */
export interface MarkRule {
  readonly sheet: string;
  readonly kind: MarkKind;
  /** One area (`H5:H9`) or, with multi-area support, several (`H5:H9,H12,K3:K4`). */
  readonly address: string;
  readonly cells: number;
}

export interface MarkPlan {
  readonly rules: readonly MarkRule[];
  /** Cells marked, by kind. */
  readonly counts: Readonly<Record<MarkKind, number>>;
  /** Sheets with something to mark that were skipped (protected). */
  readonly skipped: readonly string[];
}

/**
 * Which cells get which colour, grouped into as few rules as allowed. Pure.
 * @example planMarks(report, { skip: new Set(), multiArea: true }).rules
 *   // [{ sheet: "A", kind: "unmet", address: "H3,H5:H6", cells: 3 }, ...]
 */
export function planMarks(
  report: Pick<ValidationReport, "kpis">,
  options: { readonly skip: ReadonlySet<string>; readonly multiArea: boolean; readonly maxAddress?: number },
): MarkPlan {
  const maxAddress = options.maxAddress ?? MAX_AREA_ADDRESS;
  // sheet -> kind -> column -> rows
  const bySheet = new Map<string, Map<MarkKind, Map<number, number[]>>>();
  const counts: Record<MarkKind, number> = { unmet: 0, met: 0, missing: 0, at_risk: 0 };
  const skipped = new Set<string>();
  for (const k of report.kpis) {
    const kind = markKindOfStatus(k.status);
    if (!kind || k.valueCell === null) continue;
    const at = parseA1(k.valueCell);
    if (!at) continue;
    if (options.skip.has(k.sheet)) {
      skipped.add(k.sheet);
      continue;
    }
    let kinds = bySheet.get(k.sheet);
    if (!kinds) bySheet.set(k.sheet, (kinds = new Map()));
    let cols = kinds.get(kind);
    if (!cols) kinds.set(kind, (cols = new Map()));
    let rows = cols.get(at.col);
    if (!rows) cols.set(at.col, (rows = []));
    rows.push(at.row);
  }
  const rules: MarkRule[] = [];
  for (const [sheet, kinds] of bySheet) {
    for (const kind of MARK_KINDS) {
      const cols = kinds.get(kind);
      if (!cols) continue;
      const runs: { address: string; cells: number }[] = [];
      for (const col of [...cols.keys()].sort((a, b) => a - b)) {
        for (const run of consecutiveRuns(cols.get(col) as number[])) {
          runs.push({ address: rangeA1(run.first, col, run.last, col), cells: run.last - run.first + 1 });
        }
      }
      for (const r of runs) counts[kind] += r.cells;
      if (!options.multiArea) {
        for (const r of runs) rules.push({ sheet, kind, address: r.address, cells: r.cells });
        continue;
      }
      let parts: string[] = [];
      let length = 0;
      let cells = 0;
      for (const r of runs) {
        if (parts.length > 0 && length + 1 + r.address.length > maxAddress) {
          rules.push({ sheet, kind, address: parts.join(","), cells });
          parts = [];
          length = 0;
          cells = 0;
        }
        parts.push(r.address);
        length += (parts.length > 1 ? 1 : 0) + r.address.length;
        cells += r.cells;
      }
      if (parts.length > 0) rules.push({ sheet, kind, address: parts.join(","), cells });
    }
  }
  return { rules, counts, skipped: [...skipped] };
}
