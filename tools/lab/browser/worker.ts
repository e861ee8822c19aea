/// <reference lib="dom" />
/**
 * The lab's training worker: loads the digits once per resolution, trains a
 * session in slices of about 40 ms, posting the losses and the current mask
 * every slice and a measurement after every epoch, and between slices lets
 * "stop" (and, after training, "mc") messages in. Bundled to `lab/worker.js`.
 *
 * @module
 */
import {
  createSession,
  type LabData,
  labData,
  leastSure,
  mcOnDigit,
  type Session,
} from "../session.ts";
import { digitsFile } from "../settings.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const post = (message: FromWorker) => scope.postMessage(message);

const loaded = new Map<number, Promise<LabData>>();
function load(side: 14 | 28): Promise<LabData> {
  if (!loaded.has(side)) {
    post({ type: "loading", side });
    const url = new URL(`../${digitsFile(side)}`, import.meta.url);
    loaded.set(
      side,
      fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url} answered ${r.status}`);
        return r.arrayBuffer();
      }).then((buffer) => labData(new Uint8Array(buffer), side)),
    );
  }
  return loaded.get(side)!;
}

/** Yields to the event loop without the 4 ms clamp of nested timers. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

let run = 0, stopRequested = false;
let current: { session: Session; data: LabData } | undefined;

async function train(settings: ToWorker & { type: "train" }) {
  const myRun = settings.run;
  run = myRun, stopRequested = false, current = undefined;
  const data = await load(settings.settings.res);
  if (run !== myRun) return;
  const session = createSession(data, settings.settings);
  current = { session, data };
  post({
    type: "start",
    run: myRun,
    stepsPerEpoch: session.stepsPerEpoch,
    totalSteps: session.totalSteps,
    width: settings.settings.width,
  });
  post({ type: "point", run: myRun, point: session.measure(), msPerEpoch: null }); // epoch 0
  let trainingMs = 0;
  while (session.steps < session.totalSteps && !stopRequested && run === myRun) {
    const losses: [number[], number[]] = [[], []];
    const sliceStart = performance.now();
    do {
      const [a, b] = session.step();
      losses[0].push(a), losses[1].push(b);
    } while (
      performance.now() - sliceStart < 40 && session.steps % session.stepsPerEpoch !== 0
    );
    trainingMs += performance.now() - sliceStart;
    post({
      type: "progress",
      run: myRun,
      step: session.steps,
      losses,
      masks: session.hiddenMasks(),
    });
    if (session.steps % session.stepsPerEpoch === 0) {
      const point = session.measure();
      post({ type: "point", run: myRun, point, msPerEpoch: trainingMs });
      trainingMs = 0;
    }
    await yieldNow(); // let "stop" in
  }
  if (run !== myRun) return;
  const unsure = leastSure(session.models[0], data.test, 12);
  const images: Record<number, Uint8Array> = {};
  const px = data.side * data.side;
  for (const i of [...unsure.map((u) => u.index), ...Array.from({ length: 24 }, (_, i) => i)]) {
    images[i] = Uint8Array.from(
      data.test.x.data.subarray(i * px, (i + 1) * px),
      (v) => Math.round(v * 255),
    );
  }
  post({ type: "done", run: myRun, stopped: stopRequested, unsure, images, side: data.side });
}

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === "train") {
      train(message).catch((error) => post({ type: "error", message: String(error) }));
    } else if (message.type === "stop") {
      stopRequested = true;
    } else if (message.type === "mc" && current) {
      const { session, data } = current, px = data.side * data.side;
      const image = data.test.x.data.subarray(message.index * px, (message.index + 1) * px);
      const result = mcOnDigit(session.models[0], image, message.k);
      post({
        type: "mc",
        run,
        index: message.index,
        k: message.k,
        result,
        label: data.test.y[message.index],
      });
    }
  } catch (error) {
    post({ type: "error", message: String(error) });
  }
};
