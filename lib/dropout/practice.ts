/**
 * The sources' digit classifier, `784 → 256 → 128 → 10` with a `ReLU` after
 * each hidden layer, and one seed's training of it under several dropout
 * settings, as lessons 6 and 6b run it: the same split, the same initial
 * weights and the same batch order for every setting, so that settings can be
 * compared seed by seed.
 *
 * {@linkcode practiceRun} returns numbers and weights only (no model), so it
 * can run on a worker of `inParallel`; {@linkcode practiceNet} plus
 * {@linkcode loadWeights} rebuild a trained network from its weights.
 *
 * @module
 */
import {
  checkFiniteValues,
  checkInRange,
  checkInteger,
  checkLayer,
  checkObject,
  checkPositive,
  describe,
  orDefault,
} from "../nn/_check.ts";
import { Dropout } from "../nn/dropout.ts";
import { evaluate, predict } from "../nn/evaluate.ts";
import type { Layer } from "../nn/layer.ts";
import { Linear } from "../nn/linear.ts";
import { Adam } from "../nn/optim.ts";
import { ReLU } from "../nn/relu.ts";
import { Rng } from "../nn/rng.ts";
import { Sequential } from "../nn/sequential.ts";
import { argmaxRows } from "../nn/tensor.ts";
import { fit } from "../nn/train.ts";
import { DIGIT_COUNT, loadDigits, pickDigits } from "../data/mnist.ts";

/** Drop probabilities of the network's four dropout sites (0 or missing: no layer there). */
export interface PracticeRates {
  /** On the 784 pixels. */
  input?: number;
  /** After the first hidden ReLU (256 units). */
  hidden1?: number;
  /** After the second hidden ReLU (128 units). */
  hidden2?: number;
  /** On the 10 output logits. */
  logits?: number;
}

const SITES = ["input", "hidden1", "hidden2", "logits"] as const;

/** Throws unless `rates` is an object whose fields are dropout sites with rates in [0, 0.999]. */
function checkRates(name: string, rates: unknown): asserts rates is PracticeRates {
  checkObject(
    name,
    rates,
    "an object of drop probabilities { input?, hidden1?, hidden2?, logits? }",
  );
  for (const [site, p] of Object.entries(rates)) {
    if (!(SITES as readonly string[]).includes(site)) {
      throw new TypeError(
        `${name} may hold only the dropout sites ${SITES.join(", ")}, got ${JSON.stringify(site)}`,
      );
    }
    checkInRange(`${name}.${site}`, orDefault(p, 0), 0, 0.999);
  }
}

/**
 * The sources' network `Linear(784, 256) → ReLU → Linear(256, 128) → ReLU →
 * Linear(128, 10)` with a `Dropout` at each site whose rate is above 0.
 * Linear layer i draws its weights from `new Rng(seed).fork(i)` (i = 1, 2, 3)
 * and the dropout sites from forks 10 (input) to 13 (logits), so two networks
 * with the same seed start from the same weights whatever their rates.
 *
 * @param seed The seed of the weights and masks.
 * @param rates Drop probability per site, each in [0, 1).
 * @returns The network, in training mode.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Dropout, practiceNet } from "../mod.ts";
 * const net = practiceNet(1, { hidden1: 0.5, hidden2: 0.3 });
 * expect(net.layers.filter((l) => l instanceof Dropout).map((l) => (l as Dropout).p))
 *   .toEqual([0.5, 0.3]);
 * ```
 */
export function practiceNet(seed: number, rates: PracticeRates = {}): Sequential {
  checkInteger("seed", seed, 0);
  checkRates("rates", rates);
  const rng = new Rng(seed);
  const site = (name: keyof PracticeRates, stream: number): Layer[] => {
    const p = rates[name] ?? 0;
    return p > 0 ? [new Dropout(p, rng.fork(stream))] : [];
  };
  return new Sequential([
    ...site("input", 10),
    new Linear(784, 256, rng.fork(1)),
    new ReLU(),
    ...site("hidden1", 11),
    new Linear(256, 128, rng.fork(2)),
    new ReLU(),
    ...site("hidden2", 12),
    new Linear(128, 10, rng.fork(3)),
    ...site("logits", 13),
  ]);
}

/**
 * Copies weights (as {@linkcode practiceRun} returns them, one array per
 * parameter in `model.parameters()` order) into a model of the same shape.
 *
 * @param model The model to fill.
 * @param weights One array per parameter, of matching lengths.
 * @returns The model, for chaining.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { loadWeights, practiceNet } from "../mod.ts";
 * const a = practiceNet(1), b = loadWeights(practiceNet(2), a.parameters().map((q) => q.value.data));
 * expect(b.parameters()[0].value.data).toEqual(a.parameters()[0].value.data);
 * ```
 */
export function loadWeights<M extends Layer>(model: M, weights: readonly ArrayLike<number>[]): M {
  checkLayer("model", model);
  const params = model.parameters();
  if (!Array.isArray(weights) || weights.length !== params.length) {
    throw new RangeError(
      `weights must hold one array per parameter (${params.length}), got ${describe(weights)}`,
    );
  }
  // Every array is checked before any is copied, so a refused call leaves the model as it was.
  params.forEach((q, i) => {
    const w: unknown = weights[i], n = q.value.data.length;
    if (!(Array.isArray(w) || ArrayBuffer.isView(w)) || (w as ArrayLike<number>).length !== n) {
      throw new RangeError(`weights[${i}] must be an array of ${n} numbers, got ${describe(w)}`);
    }
    const values = w as ArrayLike<unknown>;
    for (let j = 0; j < n; j++) {
      if (typeof values[j] !== "number" && typeof values[j] !== "bigint") {
        throw new TypeError(
          `weights[${i}][${j}] must be a finite number, got ${describe(values[j])}`,
        );
      }
    }
    checkFiniteValues(`weights[${i}]`, values as ArrayLike<number>, n);
  });
  params.forEach((q, i) => q.value.data.set(weights[i]));
  return model;
}

/** Options of {@linkcode practiceRun}. */
export interface PracticeOptions {
  /** Seed of the split, the weights, the masks and the batch order. */
  seed: number;
  /** The settings to train, by name. */
  settings: Record<string, PracticeRates>;
  /** Training digits (default 500). */
  trainSize?: number;
  /** Held-out test digits (default 1000). */
  testSize?: number;
  /** Validation digits, drawn after the test digits (default 0: none). */
  validationSize?: number;
  /** Epochs (default 15). */
  epochs?: number;
  /** Batch size (default 50). */
  batchSize?: number;
  /** Adam's learning rate (default 0.002). */
  lr?: number;
  /** Optional max-norm constraint on each unit's incoming weights (Adam's `maxNorm`). */
  maxNorm?: number;
  /** Keep the trained weights in the result (default true). */
  keepWeights?: boolean;
}

/** Loss and accuracy on one set, in evaluation mode. */
export interface PracticeScore {
  /** Mean cross-entropy. */
  loss: number;
  /** Fraction classified correctly. */
  accuracy: number;
}

/** What one setting's training left. */
export interface PracticeResult {
  /** On the training digits, evaluation mode. */
  train: PracticeScore;
  /** On the held-out test digits. */
  test: PracticeScore;
  /** On the validation digits (NaN when there are none). */
  validation: PracticeScore;
  /** 1 where the network classifies a test digit correctly, else 0 (for McNemar). */
  correct: Uint8Array;
  /** The trained weights, `model.parameters()` order (empty when `keepWeights` is false). */
  weights: Float32Array[];
}

/**
 * Trains the sources' network once per setting on one seed's split (the
 * lessons' recipe: Adam, cross-entropy, batches of 50, 15 epochs, measured
 * once at the end) and returns each setting's scores and weights. Every
 * setting shares the split, the initial weights and the batch order.
 *
 * @param options Seed, settings and recipe.
 * @returns `{ seed, runs }`, one {@linkcode PracticeResult} per setting name.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { practiceRun } from "../mod.ts";
 * const { runs } = await practiceRun({
 *   seed: 1, settings: { plain: {} }, trainSize: 100, testSize: 100, epochs: 2,
 * });
 * expect(runs.plain.test.accuracy).toBeGreaterThan(0.3);
 * ```
 */
export async function practiceRun(options: PracticeOptions): Promise<{
  seed: number;
  runs: Record<string, PracticeResult>;
}> {
  checkObject("options", options, "an object { seed, settings, ... }");
  const seed = checkInteger("options.seed", options.seed, 0);
  const settings = options.settings;
  checkObject("options.settings", settings, "an object of settings by name");
  if (Object.keys(settings).length === 0) {
    throw new RangeError(`options.settings must name at least one setting, got {}`);
  }
  for (const [name, rates] of Object.entries(settings)) {
    checkRates(`options.settings[${JSON.stringify(name)}]`, rates);
  }
  // Every option is checked before the data is loaded or a setting trained.
  const trainSize = checkInteger(
    "options.trainSize",
    orDefault(options.trainSize, 500),
    1,
    DIGIT_COUNT - 1,
  );
  const testSize = checkInteger(
    "options.testSize",
    orDefault(options.testSize, 1000),
    1,
    DIGIT_COUNT - trainSize,
  );
  const validationSize = checkInteger(
    "options.validationSize",
    orDefault(options.validationSize, 0),
    0,
    DIGIT_COUNT - trainSize - testSize,
  );
  const epochs = checkInteger("options.epochs", orDefault(options.epochs, 15), 1);
  const batchSize = checkInteger("options.batchSize", orDefault(options.batchSize, 50), 1);
  const lr = checkPositive("options.lr", orDefault(options.lr, 0.002));
  if (options.maxNorm !== undefined) checkPositive("options.maxNorm", options.maxNorm);
  const keepWeights = orDefault(options.keepWeights, true);
  if (typeof keepWeights !== "boolean") {
    throw new TypeError(`options.keepWeights must be true or false, got ${describe(keepWeights)}`);
  }
  const split = loadDigits({ trainSize, testSize: testSize + validationSize, seed });
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const test = pickDigits(split.test, rows(0, testSize));
  const validation = validationSize > 0
    ? pickDigits(split.test, rows(testSize, validationSize))
    : undefined;
  const runs: Record<string, PracticeResult> = {};
  for (const [name, rates] of Object.entries(settings)) {
    const model = practiceNet(seed, rates);
    await fit(model, split.train, {
      optimizer: new Adam(model.parameters(), { lr, maxNorm: options.maxNorm }),
      loss: "cross-entropy",
      epochs,
      batchSize,
      seed,
      evaluateEvery: epochs,
    });
    model.eval();
    const predicted = argmaxRows(predict(model, test.x));
    runs[name] = {
      train: evaluate(model, split.train, "cross-entropy"),
      test: evaluate(model, test, "cross-entropy"),
      validation: validation
        ? evaluate(model, validation, "cross-entropy")
        : { loss: NaN, accuracy: NaN },
      correct: Uint8Array.from(predicted, (c, i) => +(c === test.y[i])),
      weights: !keepWeights ? [] : model.parameters().map((q) => new Float32Array(q.value.data)),
    };
  }
  return { seed, runs };
}
