/**
 * Ribbon commands. In the shared runtime this bundle is loaded by taskpane.html, the page the
 * manifest names as FunctionFile. The one button today (Home > Performance plan / Piano
 * performance) is a ShowTaskpane action and needs no code; a future ExecuteFunction button is
 * registered here: add its handler to COMMANDS with the id used in manifest.xml.
 */

/** Handlers of ExecuteFunction buttons, by the `<FunctionName>` in the manifest. */
const COMMANDS: Readonly<Record<string, (event: Office.AddinCommands.Event) => void | Promise<void>>> = {};

/** Registers every command; a no-op outside Office (a plain browser, tests). */
export function registerCommands(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady(() => {
    for (const [name, handler] of Object.entries(COMMANDS)) Office.actions.associate(name, handler);
  });
}

registerCommands();
