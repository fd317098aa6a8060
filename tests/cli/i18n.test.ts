/**
 * The CLI's catalogues (src/cli/i18n/): each says everything in both languages, and no two of
 * them define the same word, since the merged `CLI_TEXT` is a spread where a later catalogue
 * would silently replace an earlier one's entry.
 */
import { CHECK_TEXT } from "../../src/cli/i18n/check";
import { DEMO_TEXT } from "../../src/cli/i18n/demo";
import { ERROR_TEXT } from "../../src/cli/i18n/errors";
import { HELP_TEXT } from "../../src/cli/i18n/help";
import { IMPORT_TEXT } from "../../src/cli/i18n/import";
import { REPORT_TEXT } from "../../src/cli/i18n/report";
import { SNAPSHOT_TEXT } from "../../src/cli/i18n/snapshot";
import { CLI_TEXT } from "../../src/cli/i18n";
import { COMMANDS } from "../../src/cli/commands";

const CATALOGUES = { CHECK_TEXT, DEMO_TEXT, ERROR_TEXT, HELP_TEXT, IMPORT_TEXT, REPORT_TEXT, SNAPSHOT_TEXT };

test.each(Object.entries(CATALOGUES))("%s has the same keys in Italian and English", (_, catalogue) => {
  expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.it).sort());
});

test("no key is defined by two catalogues", () => {
  const owners = new Map<string, string[]>();
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    for (const key of Object.keys(catalogue.it)) owners.set(key, [...(owners.get(key) ?? []), name]);
  }
  expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
});

test("the merged catalogue holds every catalogue's words, each from its own catalogue", () => {
  for (const catalogue of Object.values(CATALOGUES)) {
    for (const [key, value] of Object.entries(catalogue.it)) expect([key, CLI_TEXT.it[key as keyof typeof CLI_TEXT.it]]).toEqual([key, value]);
    for (const [key, value] of Object.entries(catalogue.en)) expect([key, CLI_TEXT.en[key as keyof typeof CLI_TEXT.en]]).toEqual([key, value]);
  }
});

test("every command has its help in both languages", () => {
  for (const name of Object.keys(COMMANDS)) {
    expect(CLI_TEXT.it.commandHelp[name as keyof typeof CLI_TEXT.it.commandHelp]).toMatch(new RegExp(`^Uso: kpi ${name}\\b`));
    expect(CLI_TEXT.en.commandHelp[name as keyof typeof CLI_TEXT.en.commandHelp]).toMatch(new RegExp(`^Usage: kpi ${name}\\b`));
  }
});
