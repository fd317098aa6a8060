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
