import { checkCommand } from "./check";
import { demoCommand } from "./demo";
import { importCommand } from "./import";
import { reportCommand } from "./report";
import { snapshotCommand } from "./snapshot";
import type { Command } from "./types";

/** The command table: `kpi <name> ...` runs `COMMANDS[name]`. */
export const COMMANDS: Readonly<Record<Command["name"], Command>> = {
  import: importCommand,
  check: checkCommand,
  demo: demoCommand,
  report: reportCommand,
  snapshot: snapshotCommand,
};

export type { Command } from "./types";
