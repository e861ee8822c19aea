import { expect } from "expect";
import * as stats from "./mod.ts";
import { rebuildTask } from "./_scope.ts";

Deno.test("a task rebuilt for inParallel sees every statistics export but the pool's own", () => {
  const pool = ["inParallel", "stopWorkers", "sweepInParallel"];
  const missing = Object.keys(stats).filter((name) =>
    !pool.includes(name) &&
    rebuildTask(`() => typeof ${name}`)(undefined) !==
      typeof (stats as Record<string, unknown>)[name]
  );
  expect(missing).toEqual([]);
});
