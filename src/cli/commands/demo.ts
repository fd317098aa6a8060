import { existsSync, mkdirSync } from "fs";
import { dirname, join } from "path";
import type { ParsedArgs } from "../args";
import { CliError, osReason, packageRoot, userPath, type CliContext } from "../io";
import { runCheck } from "./check";
import { runImport } from "./import";
import { OPTION } from "./options";
import type { Command } from "./types";

/** The sample plan shipped with the package (CCIAA Lecce 2021-2023). */
export const SEED_PLAN = join("seeds", "000_30336ea7c660fe63.txt");
export const DEMO_OUTPUT = join("out", "piano-performance.xlsx");

/**
 * `kpi demo`: imports the sample plan into out/piano-performance.xlsx (relative to the
 * working folder), reads that file back like any user's workbook, checks it and prints the
 * report. The plan is found from the package's own folder, so the demo works from anywhere.
 */
export const demoCommand: Command = {
  name: "demo",
  options: [OPTION.json, OPTION.output],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    if (args.positionals.length > 0) throw new CliError(ctx.t.extraArgument(args.positionals[0], "demo"));
    const root = packageRoot();
    const seed = root ? join(root, SEED_PLAN) : SEED_PLAN;
    if (!existsSync(seed)) throw new CliError(ctx.t.seedMissing(seed));
    const output = typeof args.options.output === "string" ? args.options.output : DEMO_OUTPUT;
    const dir = dirname(userPath(ctx, output));
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new CliError(ctx.t.cannotWrite(output, osReason(ctx, e)));
    }
    const json = args.options.json === true;
    // A workbook from an earlier run may hold values the user typed, as the demo's own hint
    // invites: check it as it is rather than import over it.
    let importCode = 0;
    if (existsSync(userPath(ctx, output))) {
      if (!json) ctx.io.stdout(`${ctx.t.demoKept(output)}\n\n`);
    } else {
      const imported = await runImport(ctx, { input: seed, output, quiet: true });
      importCode = imported.code;
      if (!json) ctx.io.stdout(`${ctx.t.imported(imported.plan.nodes.length, imported.plan.kpis.length, imported.plan.problems.length)}\n${ctx.t.written(output)}\n\n`);
    }
    const { code, report } = await runCheck(ctx, { input: output, json });
    if (!json && report.year !== null && report.summary.met + report.summary.unmet === 0) {
      ctx.io.stdout(`\n${ctx.t.demoNext(output, report.year)}\n`);
    }
    return Math.max(code, importCode);
  },
};
