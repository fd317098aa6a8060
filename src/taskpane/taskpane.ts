/**
 * The task pane's entry: waits for Office, picks the language from Office's UI language,
 * and wires the store, the controller (src/excel/ actions) and the view. Nothing else.
 * The stylesheet is a file of its own (webpack copies taskpane.css next to the page, which
 * links it in <head>): the page's Content-Security-Policy allows only `style-src 'self'`.
 */
import { officeHost } from "../excel/host";
import { createController } from "./controller";
import { CATALOGUES, langOf } from "./i18n";
import { createStore } from "./state";
import { mountApp } from "./view/app";

function boot(): void {
  const root = document.getElementById("app");
  if (!root) return;
  const inOffice = typeof Office !== "undefined" && typeof Excel !== "undefined";
  const lang = langOf(inOffice ? Office.context?.displayLanguage : navigator.language);
  const strings = CATALOGUES[lang];
  document.documentElement.lang = strings.htmlLang;
  document.title = strings.appTitle;
  const store = createStore();
  const controller = createController({ host: inOffice ? officeHost() : null, store, strings, lang });
  const app = mountApp(root, strings, lang, controller);
  store.subscribe((state) => app.update(state));
  app.update(store.get());
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => boot());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", boot);
} else {
  boot();
}
