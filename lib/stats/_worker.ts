/**
 * The worker behind `inParallel` (`parallel.ts`): it rebuilds each task from
 * its source text with the course's computing exports in scope (`_scope.ts`),
 * runs it on the input it is sent and posts the result back with the input's index.
 *
 * @module
 */
import { rebuildTask } from "./_scope.ts";

/** This worker's global scope, as far as it is used here. */
const self = globalThis as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

self.onmessage = async (event: MessageEvent) => {
  const { index, source, input } = event.data as { index: number; source: string; input: unknown };
  try {
    const result = await rebuildTask(source)(input);
    self.postMessage({ index, result });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    self.postMessage({ index, error: message });
  }
};
