/**
 * Cell-edit mode, both ways: the pane's host runs every action with
 * `Excel.run({ delayForCellEdit: true }, ...)` so Excel waits for the user to leave the cell;
 * a host that fails anyway (`InvalidOperationInCellEditMode`, or `InvalidOperation` with a
 * message in the user's language) gets the plain "Excel is editing a cell" message.
 */
import { runValidate } from "../../src/excel/actions/validate";
import { classifyHostError, isCellEditMessage } from "../../src/excel/host-errors";
import { createController } from "../../src/taskpane/controller";
import { en } from "../../src/taskpane/i18n/en";
import { it as itStrings } from "../../src/taskpane/i18n/it";
import { createStore } from "../../src/taskpane/state";
import { FakeExcel } from "../support/office";
import { kpiRows, markedCells, officeHostOf } from "../support/excel-fixtures";

function book(apiVersion = "1.14"): FakeExcel {
  const fake = new FakeExcel({ platform: "desktop", apiVersion });
  fake.workbook.load({ name: "Area A", values: kpiRows(9) });
  return fake;
}

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

test("every action of the pane's host asks Excel to wait for a cell edit (the option is in ExcelApi 1.1)", async () => {
  for (const v of ["1.9", "1.14", "1.17", "1.18"]) {
    const fake = book(v);
    await runValidate(officeHostOf(fake));
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]);
  }
});

test("while the user types in a cell, Validate waits and then completes once they leave it", async () => {
  const fake = book();
  fake.cellEditMode = true;
  let settled = false;
  const running = runValidate(officeHostOf(fake)).finally(() => (settled = true));
  await ticks(20);
  expect(settled).toBe(false);
  expect(fake.stats.syncs).toBe(1); // sync 1 sent, held by Excel
  expect(markedCells(fake).size).toBe(0);
  fake.cellEditMode = false;
  const { report, marks } = await running;
  // kpiRows(9): met, unmet, missing cycling: 3 of each.
  expect(report.summary).toMatchObject({ met: 3, unmet: 3, missing: 3 });
  expect(marks.status).toBe("written");
  expect(markedCells(fake).size).toBe(9);
});

describe("a host that fails anyway", () => {
  const cases = [
    { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again." },
    { code: "InvalidOperation", message: "Excel è in modalità di modifica della cella. Uscire dalla modalità di modifica premendo INVIO o TAB oppure selezionando un'altra cella e riprovare." },
    { code: "InvalidOperation", message: "Excel is in cell-editing mode." },
  ];

  test.each(cases)("$code ($message): the pane says Excel is editing a cell, in Italian and in English, and writes nothing", async (error) => {
    for (const [strings, lang] of [
      [itStrings, "it"],
      [en, "en"],
    ] as const) {
      const fake = book();
      fake.ignoresDelay = true;
      fake.cellEditError = error;
      fake.cellEditMode = true;
      const store = createStore();
      const controller = createController({ host: officeHostOf(fake), store, strings, lang });
      await controller.validate();
      expect(store.get().error).toEqual({ message: strings.errCellEdit, code: error.code });
      expect(markedCells(fake).size).toBe(0);
      // Once the user leaves the cell the same action works.
      fake.cellEditMode = false;
      await controller.validate();
      expect(store.get().error).toBeNull();
      expect(markedCells(fake).size).toBe(9);
    }
  });
});

test("the cell-edit messages are told apart from other failures", () => {
  for (const m of [
    "Excel is in cell-editing mode.",
    "Excel è in modalità di modifica della cella.",
    "Modalità modifica cella attiva",
    "Excel befindet sich im Zellbearbeitungsmodus.",
    "Excel est en mode d'édition de cellule.",
    "Excel está en modo de edición de celdas.",
  ]) {
    expect(isCellEditMessage(m)).toBe(true);
    expect(classifyHostError(Object.assign(new Error(m), { code: "InvalidOperation" }))).toBe("cellEdit");
  }
  for (const m of ["The sheet is protected.", "Operazione non valida.", "The argument is invalid or missing."]) {
    expect(isCellEditMessage(m)).toBe(false);
  }
  expect(classifyHostError(Object.assign(new Error("Operazione non valida."), { code: "InvalidOperation" }))).toBe("generic");
});
