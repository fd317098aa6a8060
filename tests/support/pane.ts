/**
 * The whole task pane (store + controller + view) mounted in jsdom over a fake Excel host,
 * as src/taskpane/taskpane.ts mounts it on `<main id="app">`; for the pane tests that click
 * its buttons and read what it shows.
 */
import type { ExcelHost } from "../../src/excel/host";
import { createController } from "../../src/taskpane/controller";
import type { Strings } from "../../src/taskpane/i18n";
import { it } from "../../src/taskpane/i18n/it";
import { createStore, type PaneState } from "../../src/taskpane/state";
import { mountApp } from "../../src/taskpane/view/app";
import { hostOf } from "./excel-fixtures";
import type { FakeExcel } from "./office";

export interface PaneOptions {
  /** The catalogue and language (default Italian). */
  readonly strings?: Strings;
  readonly lang?: "it" | "en";
  /** The clock the controller reads (default the real one). */
  readonly now?: () => Date;
}

/**
 * Mounts a fresh pane (the document body is emptied first) over `fake`, or with no host
 * (`null`: outside Excel). `seen` collects every state the store publishes; `idle()` waits
 * until the pane is no longer busy.
 *
 * @example
 *   const p = mountPane(fake);
 *   (p.$("#validate") as HTMLButtonElement).click();
 *   await p.idle();
 */
export function mountPane(fake: FakeExcel | null, options: PaneOptions = {}) {
  const strings = options.strings ?? it;
  const lang = options.lang ?? "it";
  document.body.replaceChildren();
  const root = document.createElement("main");
  root.id = "app";
  document.body.append(root);
  const store = createStore();
  const host: ExcelHost | null = fake ? hostOf(fake) : null;
  const controller = createController({ host, store, strings, lang, now: options.now });
  const app = mountApp(root, strings, lang, controller);
  const seen: PaneState[] = [];
  store.subscribe((s) => {
    seen.push(s);
    app.update(s);
  });
  app.update(store.get());
  const $ = (sel: string): HTMLElement => root.querySelector(sel) as HTMLElement;
  const idle = async (): Promise<void> => {
    await new Promise((r) => setTimeout(r, 0));
    while (store.get().busy) await new Promise((r) => setTimeout(r, 5));
  };
  return { root, store, controller, seen, $, idle };
}

/**
 * Makes the write of an action fail (its sync 2 refused with AccessDenied, as on a protected
 * sheet, for the next 3 attempts) and asserts that the pane says the action was rolled back
 * (`status`), explains the refusal, and leaves the workbook exactly as it was.
 *
 * @example
 *   await expectWriteRolledBack(fake, p, () => p.controller.units(), it.unitsRolledBack);
 */
export async function expectWriteRolledBack(
  fake: FakeExcel,
  p: ReturnType<typeof mountPane>,
  act: () => Promise<unknown>,
  status: string,
): Promise<void> {
  const before = JSON.stringify(fake.snapshot());
  fake.failSync(2, "AccessDenied", 3);
  await act();
  expect(p.$(".status-text").textContent).toBe(status);
  expect(p.$(".alert-message").textContent).toBe(it.errProtected);
  expect(JSON.stringify(fake.snapshot())).toBe(before);
}
