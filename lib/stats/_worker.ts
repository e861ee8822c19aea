/**
 * The worker behind `inParallel` (`parallel.ts`): it puts the course's
 * computing exports (nn, data, dropout, stats) in scope, rebuilds each task
 * from its source text, runs it on the input it is sent and posts the result
 * back with the input's index.
 *
 * @module
 */
import * as nn from "../nn/mod.ts";
import * as data from "../data/mod.ts";
import * as dropout from "../dropout/mod.ts";
import * as stats from "./mod.ts";

/** The names a task may use, and their values. */
const scope: Record<string, unknown> = { ...nn, ...data, ...dropout, ...stats };
const names = Object.keys(scope), values = names.map((name) => scope[name]);

/** Tasks already rebuilt, by source text. */
const tasks = new Map<string, (input: unknown) => unknown>();

/** The task's function, rebuilt with the course's exports as its only free names. */
function taskOf(source: string): (input: unknown) => unknown {
  let task = tasks.get(source);
  if (task === undefined) {
    task = new Function(...names, `"use strict";\nreturn (${source});`)(...values) as (
      input: unknown,
    ) => unknown;
    tasks.set(source, task);
  }
  return task;
}

/** This worker's global scope, as far as it is used here. */
const self = globalThis as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

self.onmessage = async (event: MessageEvent) => {
  const { index, source, input } = event.data as { index: number; source: string; input: unknown };
  try {
    const result = await taskOf(source)(input);
    self.postMessage({ index, result });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    self.postMessage({ index, error: message });
  }
};
