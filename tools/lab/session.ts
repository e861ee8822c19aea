/**
 * One lab run: two networks built from the same seed (one with the chosen
 * dropout, one without) trained side by side on the same batches, step by
 * step, with the course library's own `mlp`, optimizers, `batchRunner` and
 * `evaluate`. The page's worker drives it between chart updates; the Deno
 * reference run drives it in a loop; both get the same numbers.
 *
 * No Deno and no DOM APIs here: this file is bundled for the browser.
 *
 * @module
 */
import { digitsFromBytes } from "../../lib/data/digit_bytes.ts";
import type { Digits } from "../../lib/data/mnist.ts";
import { mcDropoutPredict, weightScalingPredict } from "../../lib/dropout/inference.ts";
import {
  Adam,
  type BatchRunner,
  batchRunner,
  Dropout,
  evaluate,
  mlp,
  type Sequential,
  SGD,
  Tensor,
} from "../../lib/nn/mod.ts";
import type { LabSettings } from "./settings.ts";

/** The lab's digits: a training subset and a held-out subset at one resolution. */
export interface LabData {
  train: Digits;
  test: Digits;
  side: number;
}

/** How many digits the site ships: the first `TRAIN` are for training, the next `TEST` held out. */
export const SUBSET = { train: 3000, test: 1000, seed: 2014 } as const;

/**
 * Splits the packed lab digits (see `tools/lab/digits.ts`) into training and held-out sets.
 *
 * @param bytes The packed digits, `SUBSET.train + SUBSET.test` of them.
 * @param side 14 or 28.
 * @returns The two sets.
 */
export function labData(bytes: Uint8Array, side: number): LabData {
  const all = digitsFromBytes(bytes, side * side);
  const rows = (from: number, to: number) => ({
    x: new Tensor(to - from, all.x.cols, all.x.data.subarray(from * all.x.cols, to * all.x.cols)),
    y: all.y.subarray(from, to),
  });
  return {
    train: rows(0, SUBSET.train),
    test: rows(SUBSET.train, SUBSET.train + SUBSET.test),
    side,
  };
}

/** At most this many training digits are measured in evaluation mode (the first ones). */
export const MEASURED = 1000;

/** What one measurement found, for one network, in evaluation mode unless named otherwise. */
export interface NetPoint {
  /**
   * Mean batch loss over the steps since the last measurement, in training mode (masks on);
   * NaN before the first step.
   */
  trainModeLoss: number;
  /** Evaluation-mode loss and accuracy on the first `MEASURED` training digits. */
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

/** One measurement of both networks: `[with dropout, without]`. */
export interface Point {
  epoch: number;
  nets: [NetPoint, NetPoint];
}

/** A lab run in progress. */
export interface Session {
  readonly settings: LabSettings;
  /** `[with dropout, without]`, built from the same seed: same initial weights, same batches. */
  readonly models: [Sequential, Sequential];
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** Steps taken so far. */
  readonly steps: number;
  /** One step of both networks on the same batch; returns their training-mode batch losses. */
  step(): [number, number];
  /** Measures both networks on the training digits (at most `MEASURED`) and the held-out set. */
  measure(): Point;
  /** The first example's current mask in each hidden dropout layer (1 = kept). */
  hiddenMasks(): Uint8Array[];
}

/**
 * Builds the two networks and their optimizers for a run.
 *
 * @param data The lab's digits.
 * @param settings The run's settings.
 * @returns A session at step 0.
 */
export function createSession(data: LabData, settings: LabSettings): Session {
  const first = (n: number) => ({
    x: new Tensor(n, data.train.x.cols, data.train.x.data.subarray(0, n * data.train.x.cols)),
    y: data.train.y.subarray(0, n),
  });
  const train = first(settings.n);
  // Evaluation-mode training loss on at most MEASURED digits keeps a measurement cheap.
  const measured = first(Math.min(settings.n, MEASURED));
  const sizes = [data.side * data.side, ...new Array(settings.depth).fill(settings.width), 10];
  const models: [Sequential, Sequential] = [
    mlp(sizes, { seed: settings.seed, dropout: settings.p, inputDropout: settings.pIn }),
    mlp(sizes, { seed: settings.seed }),
  ];
  const runners: BatchRunner[] = models.map((model) => {
    const optimizer = settings.opt === "adam"
      ? new Adam(model.parameters(), { lr: settings.lr })
      : new SGD(model.parameters(), { lr: settings.lr, momentum: 0.9 });
    return batchRunner(model, train, {
      optimizer,
      loss: "cross-entropy",
      batchSize: settings.batch,
      seed: settings.seed,
    });
  });
  const stepsPerEpoch = runners[0].stepsPerEpoch;
  const sums = [0, 0];
  let steps = 0, sinceMeasure = 0;
  const hiddenDropout = models[0].layers.filter((l, i) =>
    l instanceof Dropout && i > 0
  ) as Dropout[];
  return {
    settings,
    models,
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * settings.epochs,
    get steps() {
      return steps;
    },
    step() {
      const losses: [number, number] = [runners[0].step(), runners[1].step()];
      sums[0] += losses[0], sums[1] += losses[1];
      steps++, sinceMeasure++;
      return losses;
    },
    measure() {
      const nets = models.map((model, k) => {
        const onTrain = evaluate(model, measured, "cross-entropy");
        const onTest = evaluate(model, data.test, "cross-entropy");
        return {
          trainModeLoss: sums[k] / sinceMeasure,
          trainLoss: onTrain.loss,
          trainAccuracy: onTrain.accuracy,
          testLoss: onTest.loss,
          testAccuracy: onTest.accuracy,
        };
      }) as [NetPoint, NetPoint];
      sums[0] = sums[1] = 0, sinceMeasure = 0;
      return { epoch: steps / stepsPerEpoch, nets };
    },
    hiddenMasks() {
      return hiddenDropout.map((layer) => {
        const mask = layer.mask, width = settings.width;
        return mask ? mask.slice(0, width) : new Uint8Array(width).fill(1);
      });
    },
  };
}

/**
 * Trains a session for whole epochs, measuring before the first and after
 * each: the loop the Deno reference runs (the browser's worker takes the
 * same steps with chart updates in between).
 *
 * @param session A fresh session.
 * @param epochs How many epochs to run.
 * @returns One point at epoch 0, then one per epoch.
 */
export function trainEpochs(session: Session, epochs: number): Point[] {
  const points: Point[] = [session.measure()];
  for (let e = 0; e < epochs; e++) {
    for (let s = 0; s < session.stepsPerEpoch; s++) session.step();
    points.push(session.measure());
  }
  return points;
}

/** Monte-Carlo dropout on one digit, next to weight scaling. */
export interface McResult {
  /** How many of the k thinned networks chose each class. */
  votes: number[];
  /** Mean probability of each class over the k passes. */
  mean: number[];
  /** Standard deviation of each class's probability over the k passes. */
  spread: number[];
  /** One deterministic pass in evaluation mode (weight scaling). */
  weightScaling: number[];
}

/**
 * Runs k thinned networks on one digit (k copies of it in one batch, each
 * row with its own masks, through `mcDropoutPredict` with one pass) and
 * compares their vote with the weight-scaling prediction.
 *
 * @param model The trained dropout network.
 * @param image The digit's pixels.
 * @param k How many thinned networks.
 * @returns Votes, mean and spread per class, and the weight-scaling probabilities.
 */
export function mcOnDigit(model: Sequential, image: Float32Array, k: number): McResult {
  const x = new Tensor(k, image.length);
  for (let r = 0; r < k; r++) x.data.set(image, r * image.length);
  const probs = mcDropoutPredict(model, x, 1); // one pass: row r is thinned network r
  const votes = new Array(10).fill(0), mean = new Array(10).fill(0), sq = new Array(10).fill(0);
  for (let r = 0; r < k; r++) {
    const row = probs.row(r);
    let best = 0;
    for (let c = 0; c < 10; c++) {
      mean[c] += row[c] / k, sq[c] += row[c] * row[c] / k;
      if (row[c] > row[best]) best = c;
    }
    votes[best]++;
  }
  const spread = mean.map((m, c) => Math.sqrt(Math.max(0, sq[c] - m * m)));
  const weightScaling = [...weightScalingPredict(model, new Tensor(1, image.length, image)).data];
  return { votes, mean, spread, weightScaling };
}

/** A held-out digit and how sure the net is of it. */
export interface Unsure {
  index: number;
  label: number;
  guess: number;
  /** The weight-scaling probability of the guess. */
  confidence: number;
}

/**
 * The held-out digits whose weight-scaling prediction has the lowest top probability.
 *
 * @param model A trained network.
 * @param test The held-out digits.
 * @param count How many to return.
 * @returns The least sure first.
 */
export function leastSure(model: Sequential, test: Digits, count: number): Unsure[] {
  const probs = weightScalingPredict(model, test.x);
  const all: Unsure[] = [];
  for (let i = 0; i < test.x.rows; i++) {
    const row = probs.row(i);
    let guess = 0;
    for (let c = 1; c < 10; c++) if (row[c] > row[guess]) guess = c;
    all.push({ index: i, label: test.y[i], guess, confidence: row[guess] });
  }
  return all.sort((a, b) => a.confidence - b.confidence || a.index - b.index).slice(0, count);
}
