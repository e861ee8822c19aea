/**
 * The scope a task of `inParallel` runs in, in a worker or serially: the
 * course's computing exports (nn, data, dropout, stats) and nothing else, so a
 * task behaves the same on every thread.
 *
 * @module
 */
import * as nn from "../nn/mod.ts";
import * as data from "../data/mod.ts";
import * as dropout from "../dropout/mod.ts";
// Every statistics module but the pool itself (parallel.ts, sweep_in_parallel.ts), which imports
// this one; `_scope_test.ts` fails if a module of stats/mod.ts is missing here.
import * as auroc from "./auroc.ts";
import * as binomial from "./binomial.ts";
import * as bits from "./bits.ts";
import * as calibration from "./calibration.ts";
import * as holm from "./holm.ts";
import * as mcnemar from "./mcnemar.ts";
import * as meanSe from "./mean_se.ts";
import * as moments from "./moments.ts";
import * as pairedT from "./paired_t.ts";
import * as spearman from "./spearman.ts";
import * as sweep from "./sweep.ts";
import * as tQuantile from "./t_quantile.ts";
import * as tost from "./tost.ts";
import * as uncertainty from "./uncertainty.ts";

const scope: Record<string, unknown> = {
  ...nn,
  ...data,
  ...dropout,
  ...auroc,
  ...binomial,
  ...bits,
  ...calibration,
  ...holm,
  ...mcnemar,
  ...meanSe,
  ...moments,
  ...pairedT,
  ...spearman,
  ...sweep,
  ...tQuantile,
  ...tost,
  ...uncertainty,
};
const names = Object.keys(scope), values = names.map((name) => scope[name]);

/** Tasks already rebuilt, by source text. */
const tasks = new Map<string, (input: unknown) => unknown>();

/**
 * The task's function rebuilt from its source text, with the course's exports
 * as its only free names.
 *
 * @param source A function's source, e.g. `task.toString()`.
 * @returns The function.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { rebuildTask } from "./_scope.ts";
 * expect(rebuildTask("(x) => ulp32(x)")(1)).toBe(2 ** -23); // ulp32 is a course export
 * ```
 */
export function rebuildTask(source: string): (input: unknown) => unknown {
  let task = tasks.get(source);
  if (task === undefined) {
    task = new Function(...names, `"use strict";\nreturn (${source});`)(...values) as (
      input: unknown,
    ) => unknown;
    tasks.set(source, task);
  }
  return task;
}
