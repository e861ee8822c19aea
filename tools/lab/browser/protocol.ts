/**
 * The messages between the lab page and its training worker.
 *
 * @module
 */
import type { McResult, Point, Unsure } from "../session.ts";
import type { LabSettings } from "../settings.ts";

/** Page → worker. */
export type ToWorker =
  | { type: "train"; settings: LabSettings; run: number }
  | { type: "stop" }
  | { type: "mc"; index: number; k: number };

/** Worker → page. */
export type FromWorker =
  | { type: "loading"; side: number }
  | { type: "start"; run: number; stepsPerEpoch: number; totalSteps: number; width: number }
  | {
    type: "progress";
    run: number;
    step: number;
    /** Training-mode batch losses since the last message, per network. */
    losses: [number[], number[]];
    /** The first example's masks, one per hidden dropout layer. */
    masks: Uint8Array[];
  }
  | { type: "point"; run: number; point: Point; msPerEpoch: number | null }
  | {
    type: "done";
    run: number;
    stopped: boolean;
    unsure: Unsure[];
    /** Pixels of the held-out digits the page may show: the least sure, then the first 24. */
    images: Record<number, Uint8Array>;
    side: number;
  }
  | { type: "mc"; run: number; index: number; k: number; result: McResult; label: number }
  | { type: "error"; message: string };
