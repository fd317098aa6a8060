import { analyseWorkbook } from "../../src/core/analyse";
import { compareWithHistory, freezeStamp, freezeValues, frozenAtText, historyProblems, frozenPeriod, sameStoredValue, storedValueText } from "../../src/core/history";
import { HISTORY_HEADER, historyRows, isHistorySheet, latestFreezes, readHistory, type FrozenValue } from "../../src/core/history-sheet";
import type { CellValue, SheetGrid } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/validate";
import { describe as describeIn } from "../../src/core";

type Grid = CellValue[][];

/** Sheet A: a table with values for 2025 (column F) and 2026 (column H). */
function sheetA(overrides: Record<string, CellValue> = {}): SheetGrid {
  const values: Grid = [
    ["Codice", "Indicatore", "Peso", "Target 2025", "Target 2026", "Valore 2025", "Misura", "Valore 2026"],
    ["A.1", "Visite", 50, ">= 10", ">= 12", 11, null, 12.5],
    ["A.1", "Pratiche", 50, ">= 5", ">= 6", 4, null, "7,5"],
    ["A.2", "Eventi", 100, ">= 1", ">= 2", 1, null, null],
  ];
  for (const [addr, v] of Object.entries(overrides)) {
    const col = addr.charCodeAt(0) - 65;
    const row = Number(addr.slice(1)) - 1;
    values[row][col] = v;
  }
  return { name: "A", values };
}

const STAMP = "2026-06-30 09:05:07";

function freezeOf(grids: SheetGrid[], year: number, stamp = STAMP): FrozenValue[] {
  const report = validateWorkbook(grids, { year });
  return freezeValues(report.kpis, grids, frozenPeriod(report) as string, stamp);
}

function storico(...rows: Grid): SheetGrid {
  return { name: "Storico", values: [[...HISTORY_HEADER], ...rows] };
}

describe("period labels and stamps", () => {
  it("labels a year end with the year and a monitoring date with yyyy-mm-dd", () => {
    expect(frozenPeriod({ year: 2026 })).toBe("2026");
    expect(frozenPeriod({ year: 2026, period: { year: 2026, date: "06-30" } })).toBe("2026-06-30");
    expect(frozenPeriod({ year: 2026, period: { year: 2026, date: null } })).toBe("2026");
    expect(frozenPeriod({ year: null })).toBeNull();
  });

  it("stamps local time as yyyy-mm-dd hh:mm:ss, padded", () => {
    expect(freezeStamp(new Date(2026, 5, 3, 9, 5, 7))).toBe("2026-06-03 09:05:07");
    expect(frozenAtText("2026-06-03 09:05:07", "it")).toBe("03/06/2026 09:05");
    expect(frozenAtText("2026-06-03 09:05:07", "en")).toBe("2026-06-03 09:05");
    expect(frozenAtText("ieri", "it")).toBe("ieri");
  });
});

describe("freezeValues", () => {
  it("copies the period's value cells as stored: numbers, texts as typed, blanks", () => {
    const rows = freezeOf([sheetA()], 2026);
    // 2026's values are in column H (0-based 7): rows 2, 3, 4.
    expect(rows).toEqual([
      { sheet: "A", cell: "H2", code: "A.1", indicator: "Visite", period: "2026", value: 12.5, frozenAt: STAMP },
      { sheet: "A", cell: "H3", code: "A.1", indicator: "Pratiche", period: "2026", value: "7,5", frozenAt: STAMP },
      { sheet: "A", cell: "H4", code: "A.2", indicator: "Eventi", period: "2026", value: null, frozenAt: STAMP },
    ]);
    // Another period: another column (F) and label.
    expect(freezeOf([sheetA()], 2025).map((r) => [r.cell, r.period, r.value])).toEqual([
      ["F2", "2025", 11],
      ["F3", "2025", 4],
      ["F4", "2025", 1],
    ]);
  });

  it("reads cells at their sheet position when the used range does not start at A1", () => {
    // The same table moved to start at C3: origin row 2, column 2; H2 becomes J4.
    const moved: SheetGrid = { name: "A", values: sheetA().values, origin: { row: 2, col: 2 } };
    const rows = freezeOf([moved], 2026);
    expect(rows.map((r) => [r.cell, r.value])).toEqual([
      ["J4", 12.5],
      ["J5", "7,5"],
      ["J6", null],
    ]);
  });

  it("writes one sheet row per frozen value, blank code as an empty text", () => {
    const rows = historyRows([{ sheet: "A", cell: "H2", code: null, indicator: "Visite", period: "2026", value: 3, frozenAt: STAMP }]);
    expect(rows).toEqual([["A", "H2", "", "Visite", "2026", 3, STAMP]]);
  });
});

describe("the Storico sheet", () => {
  it("is ours only with the exact header; a user's sheet of that name is not", () => {
    expect(readHistory(storico()).ours).toBe(true);
    expect(readHistory({ name: "Storico", values: [["Anno", "Note"], [2024, "bilancio"]] }).ours).toBe(false);
    expect(readHistory({ name: "Storico", values: [] }).ours).toBe(false);
    // One more filled header cell: not ours either.
    expect(readHistory({ name: "Storico", values: [[...HISTORY_HEADER, "Mia nota"]] }).ours).toBe(false);
    expect(isHistorySheet(storico())).toBe(true);
    expect(isHistorySheet({ name: "Storico", values: [["Anno"]] })).toBe(false);
  });

  it("reads its rows back and says where the next freeze goes", () => {
    const read = readHistory(storico(...historyRows(freezeOf([sheetA()], 2026))));
    expect(read.values.map((v) => [v.cell, v.value, v.code])).toEqual([
      ["H2", 12.5, "A.1"],
      ["H3", "7,5", "A.1"],
      ["H4", null, "A.2"],
    ]);
    // Header on row 1, three rows: the next freeze starts on 0-based row 4 (Excel row 5).
    expect(read.nextRow).toBe(4);
  });
});

describe("latestFreezes", () => {
  const v = (cell: string, period: string, frozenAt: string, value: CellValue): FrozenValue => ({ sheet: "A", cell, code: null, indicator: "x", period, value, frozenAt });

  it("keeps only the latest freeze of each period, and every period", () => {
    const kept = latestFreezes([
      v("H2", "2026", "2026-06-30 09:00:00", 1),
      v("H3", "2026", "2026-06-30 09:00:00", 2),
      v("H2", "2026", "2026-07-01 10:00:00", 5), // re-freeze of 2026: only H2 this time
      v("F2", "2025", "2026-01-15 08:00:00", 7),
    ]);
    // 2026's earlier freeze (H2 = 1, H3 = 2) is superseded as a whole: H3 is no longer frozen.
    expect(kept.map((k) => [k.cell, k.value])).toEqual([
      ["H2", 5],
      ["F2", 7],
    ]);
  });

  it("breaks a tie of times by the row further down", () => {
    const kept = latestFreezes([v("H2", "2026", STAMP, 1), v("H2", "2026", STAMP, 2)]);
    expect(kept.map((k) => k.value)).toEqual([2]);
  });
});

describe("sameStoredValue", () => {
  it("treats blanks alike, numbers at 15 digits, texts exactly, types apart", () => {
    expect(sameStoredValue(null, "")).toBe(true);
    expect(sameStoredValue("  ", null)).toBe(true);
    expect(sameStoredValue(0.1 + 0.2, 0.3)).toBe(true); // 0.30000000000000004 at 15 digits is 0.3
    expect(sameStoredValue(12.5, 12.6)).toBe(false);
    expect(sameStoredValue("7,5", "7,5")).toBe(true);
    expect(sameStoredValue("7,5", 7.5)).toBe(false);
    expect(sameStoredValue(0, null)).toBe(false);
    expect(sameStoredValue(true, true)).toBe(true);
  });
});

describe("compareWithHistory", () => {
  const frozen = () => historyRows(freezeOf([sheetA()], 2026));

  it("finds nothing when no frozen value was edited", () => {
    const check = compareWithHistory([sheetA(), storico(...frozen())]);
    expect(check).toEqual({ sheet: "Storico", frozen: 3, periods: ["2026"], changes: [] });
  });

  it("lists each edit after the freeze with the old and the new value", () => {
    // H2 12.5 -> 13; H4 blank -> 2 (a value typed late is an edit too); H3 untouched.
    const check = compareWithHistory([sheetA({ H2: 13, H4: 2 }), storico(...frozen())]);
    expect(check.changes.map((c) => [c.kind, c.frozen.cell, c.frozen.value, c.now])).toEqual([
      ["changed", "H2", 12.5, 13],
      ["changed", "H4", null, 2],
    ]);
    const [first] = historyProblems(check.changes);
    const { params: _params, ...placed } = first;
    expect({ ...placed, message: describeIn(first, "it") }).toEqual({
      severity: "warning",
      code: "FROZEN_VALUE_CHANGED",
      sheet: "A",
      cell: "H2",
      message: "Valore modificato dopo il congelamento del 30/06/2026 09:05 (periodo 2026): era «12,5», ora è «13».",
    });
    expect(describeIn(historyProblems(check.changes)[1], "en")).toBe(
      "Value changed after the freeze of 2026-06-30 09:05 (period 2026): it was “(blank)”, it is now “2”.",
    );
  });

  it("ignores edits of other periods' cells", () => {
    // 2025's value F2 changes: 2026 was frozen, not 2025.
    expect(compareWithHistory([sheetA({ F2: 99 }), storico(...frozen())]).changes).toEqual([]);
  });

  it("says when a row moved away from its cell and when a sheet is gone", () => {
    const a = sheetA();
    // A row inserted above Visite: H2 now holds the new row's value and indicator.
    const inserted: SheetGrid = { name: "A", values: [a.values[0], ["A.0", "Nuovo", 0, ">= 1", ">= 1", 1, null, 12.5], ...a.values.slice(1)] };
    const moved = compareWithHistory([inserted, storico(...frozen())]);
    // Every frozen row now holds its upper neighbour: H2 "Nuovo", H3 "Visite", H4 "Pratiche".
    expect(moved.changes.map((c) => [c.kind, c.frozen.cell])).toEqual([
      ["cell_gone", "H2"],
      ["cell_gone", "H3"],
      ["cell_gone", "H4"],
    ]);
    expect(describeIn(historyProblems(moved.changes)[0], "it")).toBe(
      "La cella H2 non contiene più il valore di «Visite» congelato il 30/06/2026 09:05 (periodo 2026): la riga o la tabella è stata spostata o eliminata. Era «12,5».",
    );
    const gone = compareWithHistory([{ name: "B", values: [] }, storico(...frozen())]);
    expect(gone.changes.map((c) => c.kind)).toEqual(["sheet_gone", "sheet_gone", "sheet_gone"]);
    const p = historyProblems(gone.changes)[0];
    expect(p.sheet).toBeUndefined();
    expect(describeIn(p, "en")).toContain("The sheet “A” of a value frozen on 2026-06-30 09:05 (period 2026, cell H2, “Visite”) no longer exists.");
  });

  it("compares only the latest freeze of a period", () => {
    const first = historyRows(freezeOf([sheetA()], 2026, "2026-06-30 09:00:00"));
    const edited = sheetA({ H2: 13 });
    const second = historyRows(freezeOf([edited], 2026, "2026-07-02 10:00:00"));
    // Against the first freeze H2 changed; the second freeze took 13: nothing to report.
    expect(compareWithHistory([edited, storico(...first)]).changes).toHaveLength(1);
    const check = compareWithHistory([edited, storico(...first, ...second)]);
    expect(check.changes).toEqual([]);
    expect(check.frozen).toBe(3);
  });

  it("does nothing with a user's sheet named Storico", () => {
    const user: SheetGrid = { name: "Storico", values: [["Anno", "Note"], ["A", "H2"]] };
    expect(compareWithHistory([sheetA({ H2: 1 }), user])).toEqual({ sheet: null, frozen: 0, periods: [], changes: [] });
  });
});

describe("analyseWorkbook with a Storico sheet", () => {
  it("adds the changes as warnings and does not read the history as KPIs", () => {
    const frozen = historyRows(freezeOf([sheetA()], 2026));
    const plain = analyseWorkbook([sheetA({ H2: 13 })], { year: 2026 });
    const withHistory = analyseWorkbook([sheetA({ H2: 13 }), storico(...frozen)], { year: 2026 });
    // Same tables and KPIs: the Storico sheet adds none and no near-miss header.
    expect(withHistory.report.summary).toEqual(plain.report.summary);
    const extra = withHistory.report.problems.filter((p) => !plain.report.problems.some((q) => q.code === p.code && q.cell === p.cell));
    expect(extra.map((p) => [p.code, p.cell])).toEqual([["FROZEN_VALUE_CHANGED", "H2"]]);
    expect(withHistory.history.changes).toHaveLength(1);
    expect(plain.history.sheet).toBeNull();
  });
});

describe("storedValueText", () => {
  it("shows values the way each language reads them", () => {
    expect(storedValueText(12.5, "it")).toBe("12,5");
    expect(storedValueText(12.5, "en")).toBe("12.5");
    expect(storedValueText(null, "it")).toBe("(vuota)");
    expect(storedValueText(true, "it")).toBe("VERO");
    expect(storedValueText("SI", "en")).toBe("SI");
  });
});
