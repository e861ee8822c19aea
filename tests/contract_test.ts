/**
 * The input contract of `lib/` (stated in `lib/nn/_check.ts`), kept by a table.
 *
 * Every export of `lib/mod.ts` has a row: a call with good arguments, and for
 * each parameter the bad values to put in its place. Each bad call must throw
 * a `TypeError` or `RangeError` whose message names the parameter and shows
 * the value received (its shape or length where that is the problem). A good
 * call must not return NaN. An export missing from the table fails the test,
 * so a new export cannot skip the contract: add one line for it below.
 *
 * A parameter is named by its position in the good arguments (`"x"`, `"p"`),
 * or, for a field of an options object or a data set, by a path (`"options.seed"`,
 * `"train.y"`): the bad value then replaces that field. The message must
 * contain the path's last part (`seed`, `y`).
 */
import { expect } from "expect";
import * as lib from "../lib/mod.ts";
import { Adam, Dropout, Linear, mlp, ReLU, Rng, Sequential, SGD, Tensor } from "../lib/mod.ts";
import { describe } from "../lib/nn/_check.ts";

// ---------------------------------------------------------------------------
// Bad values, by the kind of parameter they are put in place of.

/** A bad value whose message shows something other than `describe(value)`. */
class Shown {
  constructor(readonly value: unknown, readonly shows: string) {}
}
/** `bad(v, "text")`: the bad value v, whose message must contain "text". */
const bad = (value: unknown, shows: string) => new Shown(value, shows);

const NOT_NUMBER = [undefined, null, "1", [1]];
const NON_FINITE = [NaN, Infinity, -Infinity];
/** A number parameter: wrong kinds, non-finite values and the given out-of-range values. */
const num = (...outside: unknown[]) => [...NOT_NUMBER, ...NON_FINITE, ...outside];
/** An integer parameter: as `num`, plus a fraction and an unsafe integer. */
const int = (...outside: unknown[]) => num(0.5, 2 ** 60, ...outside);
/** A probability. */
const PROB = num(-0.1, 1.1);
/** An optional parameter: `undefined` means "use the default", so it is not bad. */
const opt = (values: unknown[]) => values.filter((v) => v !== undefined);
const PARAMS = [undefined, null, bad([], "0 parameters"), bad([1], "got 1")];
const FN = [undefined, null, 1, "f"];
const OBJ = [undefined, null, 1, "options"];
const STR = [undefined, null, 1, ["a"]];
const RNG = [undefined, null, 42, {}];
const MODEL = [undefined, null, 1, {}];
/** A tensor parameter: wrong kinds, and the given wrong shapes. */
const tensor = (...wrong: unknown[]) => [undefined, null, [[1]], "x", ...wrong];
const empty = (cols: number) => Tensor.zeros(0, cols);
const withNaN = (rows: number[][], shows = "NaN") => bad(Tensor.fromRows(rows), shows);

// ---------------------------------------------------------------------------
// Good arguments.

const t23 = () => Tensor.fromRows([[1, 2, 3], [4, 5, 6]]);
/** 2 inputs → 3 hidden (ReLU, dropout 0.5) → 2 classes. */
const net = () => mlp([2, 3, 2], { seed: 1, dropout: 0.5 });
/** Three examples of two classes. */
const cls = () => ({ x: Tensor.fromRows([[0, 1], [1, 0], [1, 1]]), y: new Int32Array([0, 1, 1]) });
/** Two examples of a 1-d regression. */
const reg = () => ({ x: Tensor.fromRows([[0], [1]]), y: Tensor.fromRows([[1], [3]]) });
const sgd = (model: { parameters(): lib.Parameter[] }) => new SGD(model.parameters(), { lr: 0.1 });
const fitOptions = (model: lib.Sequential) => ({
  optimizer: sgd(model),
  loss: "cross-entropy" as const,
  epochs: 1,
  batchSize: 2,
  seed: 1,
});
/** A classification set's bad values, for a parameter named `name` (3 rows, 2 classes). */
const dataset = (name: string): [string, unknown[]][] => [
  [name, OBJ],
  [`${name}.x`, [undefined, [[0, 1]], empty(2), withNaN([[0, 1], [NaN, 0], [1, 1]])]],
  [`${name}.y`, [
    undefined,
    new Float32Array(3),
    bad(new Int32Array(2), "2"),
    bad(new Int32Array([0, -1, 1]), "-1"),
    bad(new Int32Array([0, 1, 2]), "y[2]"),
  ]],
];
const linearProblem = () => [[[1, 2], [3, 4]], [1, 2], { w: [0.5, -0.5], b: 0 }];
const problemBad: [string, unknown[]][] = [
  ["x", [undefined, [], [[1]], bad([["a", 1], [1, 1]], '"a"'), bad([[NaN, 1], [1, 1]], "NaN")]],
  ["y", [undefined, [1], bad([NaN, 1], "NaN"), bad(["1", 1], '"1"')]],
  ["model", OBJ],
  ["model.w", [undefined, bad([1], "1 entries"), bad([NaN, 1], "NaN")]],
  ["model.b", [undefined, NaN, "1"]],
];
/** A ReLU regressor with two hidden units on two inputs, and its problem `[x, y, net]`. */
const reluProblem =
  () => [[[1, 2], [3, -4]], [1, 2], { W: [[1, -1], [0.5, 2]], b: [0, 0.1], v: [1, -1], c: 0.2 }];
const reluBad: [string, unknown[]][] = [
  ["x", [undefined, [], [[1]], bad([["a", 1], [1, 1]], '"a"'), bad([[NaN, 1], [1, 1]], "NaN")]],
  ["y", [undefined, [1], bad([NaN, 1], "NaN"), bad(["1", 1], '"1"')]],
  ["net", OBJ],
  ["net.W", [
    undefined,
    null,
    [],
    bad([[1, 2], [1]], "length 1"),
    bad([[1, NaN], [0, 1]], "NaN"),
    bad([["a", 1], [0, 1]], '"a"'),
  ]],
  ["net.b", [undefined, null, bad([0], "length 1"), bad([0, NaN], "NaN")]],
  ["net.v", [undefined, null, bad([1, 2, 3], "length 3"), bad([1, Infinity], "Infinity")]],
  ["net.c", [undefined, null, NaN, "1"]],
];
const claim = () => ({
  id: "S0-1",
  statement: "s",
  verdict: "holds" as const,
  evidence: "e",
  notebook: "a.ipynb",
  lesson: "L",
  cell: 1,
  cellId: "",
});
const notebookJson = JSON.stringify({ cells: [{ cell_type: "markdown", source: "# L" }] });
const PAIRED = { test: "paired", better: "higher", margin: 0, seeds: 3 } as const;
const PAIRED_EVIDENCE = { seeds: [1, 2, 3], baseline: [1, 2, 3], treatment: [2, 3.1, 4.2] };
const FACTS = { test: "facts" } as const;
const GRID = { columns: ["seed", "d"], rows: [["1", "0.5"]] };
const rowsBad = [
  undefined,
  null,
  "rows",
  bad([null], "null"),
  bad([{ id: 1, verdict: "holds" }], "got 1"),
];

// ---------------------------------------------------------------------------
// The table.

interface Row {
  call: (...args: unknown[]) => unknown;
  good: () => unknown[];
  params: [string, unknown[]][];
  /** Why a good call may return NaN (a documented "no value"), if it may. */
  nanOk?: string;
  /** Why the good call is not made here (a lesson's whole training run), if it is not. */
  noGoodCall?: string;
}
type Entry = Row | { exempt: string };

/** One row: `f(call, good, ...params)` with params in argument order. */
const f = (
  call: (...args: never[]) => unknown,
  good: () => unknown[],
  ...params: [string, unknown[]][]
): Row => ({ call: call as Row["call"], good, params });
const exempt = (reason: string): Entry => ({ exempt: reason });
const NO_PARAMETERS = exempt("takes no parameters");
const CONSTANT = exempt("a constant, not a function");

// deno-fmt-ignore
const TABLE: Record<string, Entry> = {
  // nn/
  Adam: f((p, o) => new Adam(p, o), () => [new Linear(1, 1, new Rng(0)).parameters(), {}], ["params", PARAMS], ["options", [null, 1]], ["options.lr", opt(num(0, -1))], ["options.beta1", opt(num(1, -0.1))], ["options.beta2", opt(num(1))], ["options.eps", opt(num(0))], ["options.maxNorm", opt(num(0))]),
  SGD: f((p, o) => new SGD(p, o), () => [new Linear(1, 1, new Rng(0)).parameters(), { lr: 0.1 }], ["params", PARAMS], ["options", OBJ], ["options.lr", num(0, -1)], ["options.momentum", opt(num(1, -0.1))], ["options.weightDecay", opt(num(-1))], ["options.maxNorm", opt(num(0))]),
  Dropout: f((p, r, o) => new Dropout(p, r, o), () => [0.5, new Rng(0), {}], ["p", PROB], ["rng", RNG], ["options", [null, 1]], ["options.mode", [null, "both", 1]]),
  Linear: f((i, o, r, opts) => new Linear(i, o, r, opts), () => [2, 3, new Rng(0), {}], ["inFeatures", int(0)], ["outFeatures", int(0)], ["rng", RNG], ["options", [null, 1]], ["options.name", [null, 1]]),
  ReLU: NO_PARAMETERS,
  Rng: f((s) => new Rng(s), () => [1], ["seed", int()]),
  "Rng.fork": f((l) => new Rng(1).fork(l), () => [2], ["label", int()]),
  "Rng.int": f((n) => new Rng(1).int(n), () => [6], ["n", int(0, 2 ** 33)]),
  "Rng.bernoulli": f((q) => new Rng(1).bernoulli(q), () => [0.5], ["q", PROB]),
  "Rng.permutation": f((n) => new Rng(1).permutation(n), () => [5], ["n", int(-1)]),
  "Rng.fillUniform": f((o) => new Rng(1).fillUniform(o), () => [new Float32Array(2)], ["out", [undefined, null, [0], new Uint32Array(1)]]),
  "Rng.fillUint32": f((o) => new Rng(1).fillUint32(o), () => [new Uint32Array(2)], ["out", [undefined, null, [0], new Float32Array(1)]]),
  Sequential: f((...l) => new Sequential(...l), () => [new ReLU()], ["layers", [null, 1, {}, bad([null], "null")]]),
  Tensor: f((r, c, d) => new Tensor(r, c, d), () => [2, 3, new Float32Array(6)], ["rows", int(-1)], ["cols", int(-1)], ["data", [null, [1, 2], new Float32Array(5)]]),
  "Tensor.fromRows": f((r) => Tensor.fromRows(r), () => [[[1, 2]]], ["rows", [undefined, null, "x", [[1], [1, 2]], bad([["a", 2]], '"a"')]]),
  "Tensor.get": f((i, j) => t23().get(i, j), () => [1, 2], ["i", int(-1, 2)], ["j", int(-1, 3)]),
  "Tensor.set": f((i, j, v) => t23().set(i, j, v), () => [1, 2, 0], ["i", int(-1, 2)], ["j", int(-1, 3)], ["v", NOT_NUMBER]),
  "Tensor.row": f((i) => t23().row(i), () => [1], ["i", int(-1, 2)]),
  accuracy: f(lib.accuracy, () => [t23(), new Int32Array([0, 2])], ["logits", tensor(empty(3), withNaN([[NaN, 1, 2], [1, 2, 3]]))], ["labels", [undefined, null, [0], bad(new Int32Array([1, 7]), "7"), bad([0, 1.5], "1.5"), bad([0, NaN], "NaN"), bad([-1, 0], "-1")]]),
  add: f(lib.add, () => [t23(), t23(), undefined], ["a", tensor(Tensor.zeros(3, 2))], ["b", tensor(Tensor.zeros(3, 2))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  hadamard: f(lib.hadamard, () => [t23(), t23(), undefined], ["a", tensor(Tensor.zeros(3, 2))], ["b", tensor(Tensor.zeros(3, 2))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  addRowVector: f(lib.addRowVector, () => [t23(), Tensor.zeros(1, 3), undefined], ["x", tensor()], ["bias", tensor(Tensor.zeros(1, 2), Tensor.zeros(2, 3))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  argmaxRows: f(lib.argmaxRows, () => [t23()], ["x", tensor(Tensor.zeros(2, 0), withNaN([[1, 2], [NaN, NaN]]))]),
  checkBatch: f(lib.checkBatch, () => ["x", t23()], ["name", []], ["x", tensor(empty(3))]),
  checkTensor: f(lib.checkTensor, () => ["t", t23()], ["name", []], ["t", tensor()]),
  checkDataset: f(lib.checkDataset, () => ["train", cls(), "cross-entropy"], ["name", []], ...dataset("train").map(([n, v]): [string, unknown[]] => [n, v.filter((b) => !(b instanceof Shown && b.shows === "y[2]"))]), ["loss", ["hinge", 1, null]]),
  colSums: f(lib.colSums, () => [t23(), undefined], ["x", tensor()], ["out", [null, [[1]], Tensor.zeros(2, 3)]]),
  rowSums: f(lib.rowSums, () => [t23(), undefined], ["x", tensor()], ["out", [null, [[1]], Tensor.zeros(1, 3)]]),
  dropout: f(lib.dropout, () => [t23(), 0.5, new Rng(0), {}], ["x", tensor()], ["p", PROB], ["rng", RNG], ["options", [null, 1]], ["options.mode", [null, "both"]], ["options.training", [null, "yes", 1]], ["options.mask", [null, new Uint8Array(5), [1, 1, 1, 1, 1, 1]]], ["options.out", [null, [[1]], Tensor.zeros(1, 1)]]),
  batchRunner: f(lib.batchRunner, () => { const m = net(); return [m, cls(), fitOptions(m)]; }, ["model", MODEL], ...dataset("train"), ["options", OBJ], ["options.optimizer", [undefined, null, {}]], ["options.loss", [undefined, "hinge"]], ["options.batchSize", int(0)], ["options.seed", int()]),
  epochRunner: f(lib.epochRunner, () => { const m = net(); return [m, cls(), fitOptions(m)]; }, ["model", MODEL], ...dataset("train"), ["options", OBJ], ["options.optimizer", [undefined, null, {}]], ["options.loss", [undefined, "hinge"]], ["options.batchSize", int(0)], ["options.seed", int()]),
  fit: { nanOk: "testLoss and testAccuracy are NaN when there is no held-out set (documented)", ...f(lib.fit, () => { const m = net(); return [m, cls(), fitOptions(m)]; }, ["model", MODEL], ...dataset("train"), ["options", OBJ], ["options.optimizer", [undefined, {}]], ["options.loss", [undefined, "hinge"]], ["options.epochs", int(0)], ["options.batchSize", int(0)], ["options.seed", int()], ["options.evaluateEvery", opt(int(0))], ["options.test", [null, 1, bad({ x: Tensor.zeros(3, 2), y: new Int32Array([0, 5, 0]) }, "y[1]")]], ["options.onEpoch", [null, 1]]) },
  "evaluate (mse)": { nanOk: "accuracy is NaN for \"mse\" (documented)", ...f(lib.evaluate, () => [new Linear(1, 1, new Rng(0)), reg(), "mse"], ["model", []], ["data", OBJ], ["data.x", [Tensor.zeros(2, 3), withNaN([[0], [Infinity]], "Infinity")]], ["data.y", [new Int32Array(2), bad(Tensor.zeros(2, 2), "2×2"), withNaN([[0], [NaN]])]], ["loss", []]) },
  evaluate: f(lib.evaluate, () => [net(), cls(), "cross-entropy"], ["model", MODEL], ...dataset("data"), ["loss", [undefined, "hinge"]]),
  lossOf: f(lib.lossOf, () => ["mse", Tensor.zeros(1, 1), Tensor.zeros(1, 1)], ["kind", [undefined, "hinge"]], ["yHat", tensor(empty(1), Tensor.zeros(1, 2), withNaN([[NaN]]))], ["y", tensor(empty(1), Tensor.zeros(2, 1))]),
  map: f(lib.map, () => [t23(), (v: number) => 2 * v, undefined], ["x", tensor()], ["f", FN], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  matmul: f(lib.matmul, () => [t23(), Tensor.zeros(3, 2), undefined], ["a", tensor(Tensor.zeros(2, 2))], ["b", tensor(Tensor.zeros(2, 2))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  matmulReference: f(lib.matmulReference, () => [t23(), Tensor.zeros(3, 2), undefined], ["a", tensor(Tensor.zeros(2, 2))], ["b", tensor(Tensor.zeros(2, 2))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  matmulTransA: f(lib.matmulTransA, () => [t23(), Tensor.zeros(2, 4), undefined], ["a", tensor(Tensor.zeros(3, 3))], ["b", tensor(Tensor.zeros(3, 3))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  matmulTransB: f(lib.matmulTransB, () => [t23(), Tensor.zeros(4, 3), undefined], ["a", tensor(Tensor.zeros(2, 2))], ["b", tensor(Tensor.zeros(2, 2))], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  meanSquaredError: f(lib.meanSquaredError, () => [t23(), t23()], ["yHat", tensor(empty(3), Tensor.zeros(2, 2), withNaN([[1, 2, 3], [4, NaN, 6]]))], ["y", tensor(empty(3), Tensor.zeros(2, 2), withNaN([[1, 2, 3], [4, 5, Infinity]], "Infinity"))]),
  mlp: f(mlp, () => [[4, 5, 3], { seed: 1 }], ["sizes", [undefined, null, [4], bad([4, 0], "0"), bad([4, 1.5], "1.5"), bad([4, NaN], "NaN")]], ["options", OBJ], ["options.seed", int()], ["options.dropout", [null, "x", bad([0.5, 0.5], "got 2"), ...num(-0.1, 1.1).filter((v) => v !== undefined && !Array.isArray(v))]], ["options.inputDropout", opt(PROB)], ["options.mode", [null, "both"]]),
  outTensor: f(lib.outTensor, () => [undefined, 2, 3], ["out", [null, [[1]], Tensor.zeros(1, 1)]], ["rows", int(-1)], ["cols", int(-1)]),
  predict: f(lib.predict, () => [net(), Tensor.zeros(1, 2)], ["model", MODEL], ["x", tensor(empty(2), Tensor.zeros(1, 5))]),
  scale: f(lib.scale, () => [t23(), 2, undefined], ["x", tensor()], ["s", num()], ["out", [null, [[1]], Tensor.zeros(1, 1)]]),
  softmax: f(lib.softmax, () => [t23()], ["logits", tensor(empty(2), Tensor.zeros(2, 0), withNaN([[1, NaN]]), withNaN([[Infinity, 1]], "Infinity"))]),
  softmaxCrossEntropy: f(lib.softmaxCrossEntropy, () => [t23(), [0, 2]], ["logits", tensor(empty(3), withNaN([[1, 2, 3], [NaN, 0, 0]]))], ["labels", [undefined, null, new Float32Array(2), bad([0], "1"), bad([0, 3], "3"), bad([0, -1], "-1"), bad([0, 0.5], "0.5")]]),
  // data/
  allDigits: NO_PARAMETERS,
  halveResolution: f(lib.halveResolution, () => [Tensor.zeros(1, 16), 4], ["images", tensor(Tensor.zeros(1, 10))], ["side", opt(int(0, 3, 6))]),
  loadDigits: f(lib.loadDigits, () => [{ trainSize: 10, testSize: 10, seed: 1 }], ["options", OBJ], ["options.trainSize", int(0, 10000)], ["options.testSize", int(0, 9995)], ["options.seed", int()]),
  noisyCurve: f(lib.noisyCurve, () => [{ n: 5, noise: 0.1, seed: 1 }], ["options", OBJ], ["options.n", int(0)], ["options.noise", num(-1)], ["options.seed", int()]),
  spirals: f(lib.spirals, () => [{ n: 5, classes: 2, noise: 0.1, seed: 1 }], ["options", OBJ], ["options.n", int(0)], ["options.classes", int(1, 11)], ["options.noise", num(-1)], ["options.seed", int()]),
  pickDigits: f(lib.pickDigits, () => [{ x: Tensor.zeros(3, 4), y: new Int32Array(3) }, [2, 0]], ["digits", [undefined, null, 1, bad({ x: 1, y: 2 }, "x: 1")]], ["rows", [undefined, null, 1, bad([-1], "-1"), bad([3], "3"), bad([0.5], "0.5"), bad([NaN], "NaN")]]),
  // dropout/
  ablateUnits: f(lib.ablateUnits, () => [net(), 1, cls()], ["model", MODEL], ["layer", int(-1, 5)], ...dataset("data")),
  activationStats: f(lib.activationStats, () => [net(), 1, Tensor.zeros(2, 2)], ["model", MODEL], ["layer", int(-1, 5)], ["x", tensor(empty(2), Tensor.zeros(2, 3))]),
  allMasks: f(lib.allMasks, () => [3, 0.5], ["m", int(-1, 21)], ["p", PROB]),
  averagePredictions: f(lib.averagePredictions, () => [[net(), net()], Tensor.zeros(2, 2)], ["members", [undefined, null, [], bad([null], "null")]], ["x", tensor(empty(2), Tensor.zeros(1, 3))]),
  bootstrap: f(lib.bootstrap, () => [cls(), new Rng(1)], ...dataset("data").map(([n, v]): [string, unknown[]] => [n, v.filter((b) => !(b instanceof Shown && b.shows === "y[2]"))]), ["rng", RNG]),
  countMultiplyAdds: f(lib.countMultiplyAdds, () => [net(), 2], ["model", MODEL], ["batch", opt(int(0))]),
  countParameters: f(lib.countParameters, () => [net()], ["model", MODEL]),
  distinctMaskMoments: f(lib.distinctMaskMoments, () => [[0.5, 0.5], 3], ["probabilities", [undefined, null, [], bad([0.5, 0.6], "1.1"), bad([NaN, 1], "NaN"), bad(["a", 1], '"a"'), bad([0.2, 0.2], "0.4")]], ["draws", int(-1)]),
  distinctMasks: f(lib.distinctMasks, () => [new Uint8Array(6), 3], ["mask", [undefined, null, [1, 0]]], ["cols", int(0, bad(4, "4"))]),
  dropoutPenalty: f(lib.dropoutPenalty, () => [[[1, 2]], [0.5, 1], 0.5], ["x", [undefined, [], [[1]], bad([["a", 1]], '"a"'), bad([[NaN, 1]], "NaN")]], ["w", [undefined, [], bad([NaN, 1], "NaN")]], ["p", num(-0.1, 1)]),
  exactExpectation: f(lib.exactExpectation, () => [(m: Uint8Array) => m[0], 2, 0.5], ["f", [...FN, bad(() => NaN, "NaN"), bad(() => Infinity, "Infinity"), bad(() => "1", '"1"')]], ["m", int(-1, 21)], ["p", PROB]),
  exactMoments: f(lib.exactMoments, () => [(m: Uint8Array) => m[0], 2, 0.5], ["f", [...FN, bad(() => NaN, "NaN"), bad(() => "1", '"1"')]], ["m", int(-1, 21)], ["p", PROB]),
  exactMeanVector: f(lib.exactMeanVector, () => [(m: Uint8Array) => [m[0], 1], 2, 0.5], ["f", [...FN, bad(() => 1, "got 1"), bad(() => [NaN], "NaN"), bad(() => ["1"], '"1"')]], ["m", int(-1, 21)], ["p", PROB]),
  expectedDropoutError: f(lib.expectedDropoutError, () => [...linearProblem(), 0.5], ...problemBad, ["p", num(-0.1, 1)]),
  plainSquaredError: f(lib.plainSquaredError, linearProblem, ...problemBad),
  maskProbability: f(lib.maskProbability, () => [new Uint8Array([1, 0]), 0.5], ["mask", [undefined, null, [1, 0], bad(new Uint8Array([2]), "2")]], ["p", PROB]),
  mcDropoutPredict: f(lib.mcDropoutPredict, () => [net(), Tensor.zeros(2, 2), 3], ["model", MODEL], ["x", tensor(empty(2), Tensor.zeros(1, 3))], ["k", int(0)]),
  weightScalingPredict: f(lib.weightScalingPredict, () => [net(), Tensor.zeros(2, 2)], ["model", MODEL], ["x", tensor(empty(2), Tensor.zeros(1, 3))]),
  thinnedForward: f(lib.thinnedForward, () => [net(), Tensor.zeros(2, 2), [new Uint8Array(3)]], ["model", [undefined, null, new ReLU()]], ["x", tensor(empty(2))], ["masks", [undefined, null, bad([], "got 0"), bad([new Uint8Array(2)], "length 2"), bad([new Uint8Array([2, 0, 0])], "2")]]),
  trainEnsemble: f(lib.trainEnsemble, () => [2, () => { const m = net(); return { model: m, optimizer: sgd(m) }; }, cls(), { loss: "cross-entropy", epochs: 1, batchSize: 2, seed: 1 }], ["k", int(0)], ["build", [...FN, bad(() => null, "null"), bad(() => ({ model: 1 }), "got 1")]], ...dataset("train"), ["options", OBJ], ["options.loss", [undefined, "hinge"]], ["options.epochs", int(0)], ["options.batchSize", int(0)], ["options.seed", int()]),
  // stats/
  bitsEqual: f(lib.bitsEqual, () => [new Float32Array(1), new Float32Array(1)], ["a", [undefined, null, [1]]], ["b", [undefined, null, [1]]]),
  ranks: f(lib.ranks, () => [[3, 1, 2]], ["v", [undefined, null, bad([1, NaN], "length 2"), bad(["a"], "length 1")]]),
  runKey: f(lib.runKey, () => [{ p: 0.5 }, 1], ["config", [undefined, null, 1]], ["seed", int()]),
  seedStats: f(lib.seedStats, () => [[1, 2, 3]], ["values", [undefined, null, [], bad([1, NaN], "NaN"), bad([1, "2"], '"2"')]]),
  spearman: f(lib.spearman, () => [[1, 2, 3], [3, 1, 2]], ["a", [undefined, null, bad([1, 2, NaN], "length 3"), bad([1, 2], "2"), bad([1, 1, 1], "a constant")]], ["b", [undefined, null, bad([1, 2], "2"), bad([2, 2, 2], "b constant")]]),
  spearmanThreshold: f(lib.spearmanThreshold, () => [5, 0.05, new Rng(1), 200], ["n", int(2)], ["level", num(0, 0.6)], ["rng", RNG], ["draws", opt(int(99))]),
  sweep: f(lib.sweep, () => [[{ p: 0.5 }], [1], () => 1, {}], ["configs", [undefined, null, 1]], ["seeds", [undefined, null, [], bad([0.5], "0.5"), bad([NaN], "NaN")]], ["run", FN], ["options", [null, 1]], ["options.cache", [null, {}]], ["options.onRun", [null, 1]]),
  ulp32: f(lib.ulp32, () => [1], ["v", num(1e39)]),
  // notebook/
  claimRows: f(lib.claimRows, () => [[claim()], ["S0-1"]], ["claims", [undefined, null, 1, bad([null], "null")]], ["ledger", [undefined, null, 1, bad([1], "1")]]),
  claimsHtml: f(lib.claimsHtml, () => [[claim()], {}], ["rows", rowsBad], ["links", [null, 1]]),
  claimsMarkdown: f(lib.claimsMarkdown, () => [[claim()], {}], ["rows", rowsBad], ["links", [null, 1]]),
  claimsInNotebook: f(lib.claimsInNotebook, () => [notebookJson, "a.ipynb"], ["json", [...STR, bad("{", "JSON"), bad("{}", "undefined")]], ["notebook", STR]),
  claimsTable: f(lib.claimsTable, () => ["notebooks"], ["notebookDir", opt(STR)]),
  readClaimRows: f(lib.readClaimRows, () => ["notebooks", undefined], ["notebookDir", opt(STR)], ["ledgerPath", opt(STR)]),
  ledgerIds: f(lib.ledgerIds, () => ["- **S0-1** a claim"], ["ledger", STR]),
  displayable: f(lib.displayable, () => [{ "text/plain": "x" }], ["bundle", [undefined, null, 1, "x"]]),
  show: f(lib.show, () => [{ "text/plain": "x" }, {}], ["item", [undefined, null, 1, "x"]], ["options", [null, 1]]),
  say: f(lib.say, () => ["a line"], ["lines", [undefined, null, 1, {}]]),
  plot: f(lib.plot, () => [{ marks: [] }], ["options", OBJ]),
  plotly: f(lib.plotly, () => [{ data: [] }], ["figure", OBJ], ["figure.data", [undefined, null, {}]]),
  exercise: f(lib.exercise, () => ["00.1", 4, { question: "2 + 2?", hint: "count", check: (a: number) => a === 4 }], ["id", [...STR, "3.2"]], ["answer", []], ["spec", [...OBJ, { question: "q" }]]),
  provideSolutions: f(lib.provideSolutions, () => [undefined], ["solutions", [null, 1, "x"]]),
  table: f(lib.table, () => [[{ a: 1 }], {}], ["rows", [undefined, null, 1, bad([null], "null")]], ["options", [null, 1]], ["options.columns", [null, "a", bad([1], "got 1")]], ["options.caption", [null, 1]], ["options.digits", [null, -1, 13, 0.5, NaN]]),
  // notebook/: the claim engine
  claim: f(lib.claim, () => ["E-1", { statement: "one is one", test: "exact" }], ["id", [...STR, "X-1"]], ["rule", OBJ], ["rule.test", [undefined, null, "vote"]]),
  checkRule: f(lib.checkRule, () => [PAIRED, "rule"], ["rule", OBJ], ["rule.test", [undefined, "vote"]], ["rule.margin", num(-1)], ["rule.seeds", int(0)], ["name", []]),
  decide: f(lib.decide, () => [PAIRED, PAIRED_EVIDENCE], ["rule", OBJ], ["evidence", OBJ], ["evidence.baseline", [undefined, null, bad([1, 2], "2"), bad([1, NaN, 3], "NaN")]], ["evidence.treatment", [undefined, null, bad([1, NaN, 3], "NaN")]]),
  describeRule: f(lib.describeRule, () => [{ test: "facts" }], ["rule", OBJ]),
  renderVerdict: f(lib.renderVerdict, () => ["S2-2", "masks are reused", FACTS, lib.decide(FACTS, { facts: [{ name: "same", ok: true }] })], ["id", [...STR, "X"]], ["statement", STR], ["rule", OBJ], ["decision", OBJ]),
  gridHtml: f(lib.gridHtml, () => [GRID], ["g", OBJ], ["g.columns", [undefined, null, 1]], ["g.rows", [undefined, null, 1]]),
  gridMarkdown: f(lib.gridMarkdown, () => [GRID], ["g", OBJ], ["g.columns", [undefined, null, 1]], ["g.rows", [undefined, null, 1]]),
  gridPlain: f(lib.gridPlain, () => [GRID], ["g", OBJ], ["g.columns", [undefined, null, 1]], ["g.rows", [undefined, null, 1]]),
  claimCounts: f(lib.claimCounts, () => [[claim()]], ["rows", rowsBad]),
  claimsSummary: f(lib.claimsSummary, () => [[claim()]], ["rows", rowsBad]),
  judgedClaims: NO_PARAMETERS,
  clearJudgedClaims: NO_PARAMETERS,
  CLAIM_ID: CONSTANT,
  CLAIM_TESTS: CONSTANT,
  VERDICTS: CONSTANT,
  exactGeometricMean: f(lib.exactGeometricMean, () => [(m: Uint8Array) => [1 + m[0], 2], 2, 0.5, 2], ["f", [...FN, bad(() => [0, 1], "got 0"), bad(() => [NaN, 1], "NaN"), bad(() => 1, "got 1")]], ["m", int(-1, 21)], ["p", PROB], ["cols", int(0)]),
  parametersRead: f(lib.parametersRead, () => { const l = new Linear(1, 1, new Rng(0)); return [() => l.forward(Tensor.fromRows([[1]])).data, l.parameters()]; }, ["output", [...FN, bad(() => 1, "got 1")]], ["parameters", [undefined, null, 1, bad([null], "null")]]),
  mcDropoutAtKs: f(lib.mcDropoutAtKs, () => [net(), Tensor.zeros(2, 2), [1, 3]], ["model", MODEL], ["x", tensor(empty(2), Tensor.zeros(1, 3))], ["ks", [undefined, null, [], bad([0], "0"), bad([3, 2], "2"), bad([1, NaN], "NaN")]]),
  withMultiplyAddCounter: f(lib.withMultiplyAddCounter, () => [net()], ["model", MODEL]),
  binomialPmf: f(lib.binomialPmf, () => [4, 0.3], ["n", int(-1, 1001)], ["q", PROB]),
  // lessons' helpers (data/, dropout/, notebook/)
  friedman1: f(lib.friedman1, () => [{ n: 5, noise: 0.1, seed: 1 }], ["options", OBJ], ["options.n", int(0)], ["options.noise", num(-1)], ["options.seed", int()]),
  curveSplits: f(lib.curveSplits, () => [{ seed: 1, noise: 0.3, nTrain: 4, nValidation: 4, nTest: 4 }], ["options", OBJ], ["options.seed", int(-1)], ["options.noise", num(-1)], ["options.nTrain", int(0)]),
  digitsToBytes: f(lib.digitsToBytes, () => [{ x: Tensor.zeros(2, 3), y: new Int32Array(2) }], ["digits", OBJ], ["digits.x", [undefined, null, [[1]]]], ["digits.y", [undefined, null, new Int32Array(1), bad(new Int32Array([0, 256]), "256")]]),
  digitsFromBytes: f(lib.digitsFromBytes, () => [new Uint8Array(8), 3], ["bytes", [undefined, null, [1, 2]]], ["pixels", int(0, bad(5, "8 bytes"))]),
  digitsFromClasses: f(lib.digitsFromClasses, () => [[new Float32Array(784)]], ["classes", [undefined, null, 1, bad([null], "null"), bad([new Float32Array(5)], "5 values")]]),
  KeptWeightScaling: f((p, n, r) => new lib.KeptWeightScaling(p, n, r), () => [0.5, new Linear(2, 2, new Rng(0)), new Rng(1)], ["p", num(1, -0.1)], ["next", [undefined, null, new ReLU()]], ["rng", RNG]),
  weightGrowth: { noGoodCall: "trains two networks for a lesson", ...f(lib.weightGrowth, () => [{ seed: 1 }], ["options", OBJ], ["options.seed", int(-1)], ["options.p", opt(num(1, -0.1))], ["options.steps", opt(int(0))], ["options.lr", opt(num(0))]) },
  trainOnCurve: { noGoodCall: "a lesson's 2,000-epoch training run", ...f(lib.trainOnCurve, () => [{ seed: 1, p: 0.5, data: lib.curveSplits({ seed: 1, noise: 0.3, nTrain: 4, nValidation: 4, nTest: 4 }) }], ["options", OBJ], ["options.seed", int()], ["options.p", PROB], ["options.data", [undefined, null, 1]], ["options.epochs", opt(int(0))]) },
  curveRunData: { noGoodCall: "a lesson's 2,000-epoch training run", ...f(lib.curveRunData, () => [{ seed: 1, p: 0.5 }], ["options", OBJ], ["options.seed", int(-1)], ["options.p", PROB]) },
  summarizeCurve: f(lib.summarizeCurve, () => [{ curve: [{ epoch: 1, train: 1, validation: 1, test: 1 }] }, 1], ["run", OBJ], ["run.curve", [undefined, null, bad([], "length 0")]], ["tail", opt(int(0, 2))]),
  scaleFixRun: { noGoodCall: "a lesson's training runs", ...f(lib.scaleFixRun, () => [1, {}], ["seed", int(-1)], ["options", [null, 1]], ["options.p", opt(PROB)], ["options.epochs", opt(int(0))], ["options.width", opt(int(0))]) },
  withoutDropout: f(lib.withoutDropout, () => [net()], ["model", [undefined, null, 1, new ReLU()]]),
  pairedPlot: f(lib.pairedPlot, () => [{ seeds: [1, 2], baseline: [1, 2], treatment: [2, 3], compare: ["a", "b"], metric: "loss" }], ["options", OBJ], ["options.seeds", [undefined, null, bad([1, NaN], "length 2")]], ["options.baseline", [undefined, bad([1], "got 1 and 2")]], ["options.treatment", [undefined, null]], ["options.compare", [undefined, null, bad(["a"], "length 1")]], ["options.metric", STR]),
  figureRow: f(lib.figureRow, () => [[{ html: "<svg></svg>" }], "two figures"], ["figures", [undefined, null, 1, bad([null], "length 1")]], ["label", STR]),
  // landed with the last merge: layers, uncertainty, modes, image transforms
  BatchNorm1d: f((n, o) => new lib.BatchNorm1d(n, o), () => [3, {}], ["features", int(0)], ["options", [null, 1]], ["options.momentum", opt(PROB)], ["options.eps", opt(num(0))]),
  GaussianDropout: f((p, r) => new lib.GaussianDropout(p, r), () => [0.5, new Rng(0)], ["p", num(1, -0.1)], ["rng", RNG]),
  auroc: f(lib.auroc, () => [[0.9, 0.8], [0.1, 0.2]], ["positives", [undefined, null, bad([], "0"), bad([NaN], "NaN")]], ["negatives", [undefined, null, bad([], "0"), bad([NaN], "NaN")]]),
  rocCurve: f(lib.rocCurve, () => [[0.9, 0.8], [0.1, 0.2], 11], ["positives", [undefined, null, bad([NaN], "NaN")]], ["negatives", [undefined, null, bad([NaN], "NaN")]], ["points", opt(int(1))]),
  calibration: f(lib.calibration, () => [Tensor.fromRows([[0.2, 0.8], [0.6, 0.4]]), new Int32Array([1, 0]), 5], ["probs", tensor(empty(2))], ["labels", [undefined, null, new Int32Array(1), bad(new Int32Array([0, 2]), "2")]], ["bins", opt(int(0))]),
  checkExercise: f(lib.checkExercise, () => ["00.1", 4, { question: "2 + 2?", hint: "count", check: (a: number) => a === 4 }], ["id", [...STR, "3.2"]], ["answer", []], ["spec", [...OBJ, { question: "q" }]]),
  momentsWithSE: f(lib.momentsWithSE, () => [[1, 2, 3, 5]], ["values", [undefined, null, 1, bad([1, NaN, 2, 3], "NaN")]]),
  predictiveEntropy: f(lib.predictiveEntropy, () => [Tensor.fromRows([[0.5, 0.5]])], ["probs", tensor(withNaN([[NaN, 1]]), bad(Tensor.fromRows([[-1, 2]]), "-1"))]),
  relativeNoise: f(lib.relativeNoise, () => [new Dropout(0.5, new Rng(0)), Tensor.fromRows([[1, 2]]), 5], ["layer", MODEL], ["x", tensor(empty(2))], ["passes", int(0)]),
  noiseImages: f(lib.noiseImages, () => [2, new Rng(1), 4], ["n", int(0)], ["rng", RNG], ["side", opt(int(0))]),
  rotateImages: f(lib.rotateImages, () => [Tensor.zeros(1, 16), 15, 4], ["images", tensor(Tensor.zeros(1, 5))], ["degrees", num()], ["side", opt(int(0))]),
  shiftImages: f(lib.shiftImages, () => [Tensor.zeros(1, 16), 1, -1, 4], ["images", tensor(Tensor.zeros(1, 5))], ["dx", num(0.5)], ["dy", num(0.5)], ["side", opt(int(0))]),
  lossInMode: f(lib.lossInMode, () => [net(), cls(), true], ["model", MODEL], ...dataset("data"), ["training", [undefined, null, 1, "yes"]]),
  modeCost: f(lib.modeCost, () => [net(), cls()], ["model", MODEL], ...dataset("data")),
  fitBothModes: { noGoodCall: "a lesson's training run", ...f(lib.fitBothModes, () => { const m = net(); return [m, cls(), cls(), { optimizer: sgd(m), epochs: 1, batchSize: 2, seed: 1 }]; }, ["model", MODEL], ...dataset("train"), ["validation", OBJ], ["options", OBJ], ["options.optimizer", [undefined, null, {}]], ["options.epochs", int(0)], ["options.batchSize", int(0)], ["options.seed", int()]) },
  uncertaintyScores: f(lib.uncertaintyScores, () => [net(), cls(), { noise: Tensor.zeros(2, 2) }, 2], ["model", MODEL], ...dataset("test"), ["unseen", [undefined, null, 1, bad({ a: 1 }, "got 1")]], ["k", int(0)]),
  varianceShift: f(lib.varianceShift, () => [new Sequential(new Linear(2, 3, new Rng(0)), new lib.BatchNorm1d(3)), 1, Tensor.zeros(4, 2)], ["model", [undefined, null, 1, new ReLU()]], ["bn", int(-1, 5)], ["x", tensor(empty(2))]),
  stopWorkers: NO_PARAMETERS,
  // landed in the merge before: the ReLU regressor, lesson 6's network and parallel sweeps
  ablationCurve: f(lib.ablationCurve, () => [net(), 1, cls(), [2, 0]], ["model", MODEL], ["layer", int(-1, 5)], ...dataset("data"), ["order", [undefined, null, 1, "ab", bad([3], "3"), bad([0, 0], "0 twice"), bad([0.5], "0.5"), bad([NaN], "NaN"), bad(["1"], '"1"')]]),
  plainSquaredErrorNet: f(lib.plainSquaredErrorNet, () => [...reluProblem()], ...reluBad),
  expectedDropoutErrorNet: f(lib.expectedDropoutErrorNet, () => [...reluProblem(), 0.5], ...reluBad, ["p", num(-0.1, 1)]),
  linearizedDropoutPenalty: f(lib.linearizedDropoutPenalty, () => { const [x, , n] = reluProblem(); return [x, n, 0.5]; }, ...reluBad.filter(([name]) => name !== "y"), ["p", num(-0.1, 1)]),
  practiceNet: f(lib.practiceNet, () => [1, { input: 0.2, hidden1: 0.5 }], ["seed", int(-1)], ["rates", [null, 1, "rates", bad({ hiden1: 0.5 }, '"hiden1"')]], ["rates.input", opt(num(-0.1, 1))], ["rates.hidden1", opt(num(-0.1, 1))], ["rates.hidden2", opt(num(-0.1, 1))], ["rates.logits", opt(num(-0.1, 1))]),
  loadWeights: f(lib.loadWeights, () => [net(), net().parameters().map((q) => q.value.data)], ["model", MODEL], ["weights", [undefined, null, 1, bad([], "length 0"), bad([[1], [1], [1], [1]], "weights[0]"), bad(net().parameters().map((q, i) => i ? q.value.data : [NaN, ...q.value.data.slice(1)]), "NaN"), bad(net().parameters().map((q, i) => i ? q.value.data : ["1", ...q.value.data.slice(1)]), '"1"')]]),
  practiceRun: { nanOk: "validation is NaN when there is no validation set (documented)", ...f(lib.practiceRun, () => [{ seed: 1, settings: { plain: {} }, trainSize: 20, testSize: 10, epochs: 1 }], ["options", OBJ], ["options.seed", int(-1)], ["options.settings", [undefined, null, 1, bad({}, "{}"), bad({ a: null }, "null"), bad({ a: { hidden1: 1 } }, "1"), bad({ a: { hiden1: 0.5 } }, '"hiden1"')]], ["options.trainSize", opt(int(0, 10000))], ["options.testSize", opt(int(0, 9981))], ["options.validationSize", opt(int(-1, 9971))], ["options.epochs", opt(int(0))], ["options.batchSize", opt(int(0))], ["options.lr", opt(num(0))], ["options.maxNorm", opt(num(0))], ["options.keepWeights", [null, 1, "yes"]]) },
  sweepInParallel: f(lib.sweepInParallel, () => [[{ x: 1 }], [1, 2], (c: { x: number }, seed: number) => ({ ...c, seed }), (i: { x: number; seed: number }) => i.x + i.seed, { workers: 1 }], ["configs", [undefined, null, 1]], ["seeds", [undefined, null, [], bad([0.5], "0.5"), bad([NaN], "NaN"), bad(["1"], '"1"')]], ["input", FN], ["task", FN], ["options", [null, 1]], ["options.cache", [null, {}]], ["options.workers", opt(int(0))]),
  // stats/: tests and intervals
  holm: f(lib.holm, () => [[0.01, 0.2], 0.05], ["pValues", [undefined, null, [], bad([0.1, NaN], "NaN"), bad([0.1, 1.5], "1.5")]], ["alpha", opt(num(0, 0.6))]),
  mcnemar: f(lib.mcnemar, () => [[true, false, true], [true, true, false]], ["aCorrect", [undefined, null, 1, bad([true], "1")]], ["bCorrect", [undefined, null, 1, bad([true], "1"), bad([true, 2, true], "2")]]),
  mcnemarExact: f(lib.mcnemarExact, () => [3, 1], ["b", int(-1)], ["c", int(-1)]),
  meanAndSE: f(lib.meanAndSE, () => [[1, 2, 3]], ["values", [undefined, null, bad([], "got 0"), bad([1, NaN], "NaN"), bad([1, "2"], '"2"')]]),
  pairedT: f(lib.pairedT, () => [[1, 2, 3], [1.5, 2.5, 3.1], 0.95], ["a", [undefined, null, bad([1], "1"), bad([1, NaN, 3], "NaN")]], ["b", [undefined, null, bad([1, 2], "2"), bad([1, NaN, 3], "NaN")]], ["level", opt(num(0, 1))]),
  tost: f(lib.tost, () => [[0.1, -0.1, 0.05], 0.5, 0.05], ["diffs", [undefined, null, bad([1], "1"), bad([1, NaN], "NaN")]], ["bound", num(0, -1)], ["alpha", opt(num(0, 0.6))]),
  incompleteBeta: f(lib.incompleteBeta, () => [0.5, 2, 3], ["x", num(-0.1, 1.1)], ["a", num(0, -1)], ["b", num(0, -1)]),
  tCdf: f(lib.tCdf, () => [1, 5], ["t", opt(num()).filter((v) => typeof v !== "number" || !Number.isNaN(v) && Number.isFinite(v))], ["df", num(0, -1)]),
  tQuantile: f(lib.tQuantile, () => [0.975, 5], ["q", num(0, 1, -0.1)], ["df", num(0, -1)]),
  inParallel: f(lib.inParallel, () => [[1, 2], (n: number) => n + 1, { workers: 1 }], ["inputs", [undefined, null, 1, "a"]], ["task", FN], ["options", [null, 1]], ["options.workers", opt(int(0))]),
  progressLine: NO_PARAMETERS,
  inKernel: NO_PARAMETERS,
  CLAIM_MIME: CONSTANT,
  DIGIT_COUNT: CONSTANT,
  DISPLAY: CONSTANT,
  MAX_MASK_UNITS: CONSTANT,
  PIXELS: CONSTANT,
  palette: CONSTANT,
  FONT_SIZE: CONSTANT,
  logTick: f(lib.logTick, () => [0.001], ["value", num()]),
  plotTheme: f(lib.plotTheme, () => [{ y: { type: "log" } }], ["options", OBJ]),
  plotlyTheme: f(lib.plotlyTheme, () => [{}, 2], ["layout", opt(OBJ)], ["traces", opt(int(-1))]),
};

// ---------------------------------------------------------------------------
// Running the table.

/** The good arguments with one parameter (or one field of one) replaced by `value`. */
function substitute(row: Row, param: string, value: unknown): unknown[] {
  const args = row.good();
  const top = row.params.map(([name]) => name).filter((name) => !name.includes("."));
  if (top.length !== args.length) {
    throw new Error(
      `${param}: list every parameter in order (${top.length} named, ${args.length} given)`,
    );
  }
  const [head, field] = param.split(".", 2);
  const at = top.indexOf(head);
  if (at < 0) throw new Error(`${param}: no parameter named ${head}`);
  if (field === undefined) {
    args[at] = value;
  } else {
    const whole = args[at] as Record<string, unknown>;
    args[at] = { ...whole, [field]: value };
  }
  return args;
}

/** What a call did: its value, or the error it threw (sync or by rejection). */
async function outcome(row: Row, args: unknown[]) {
  try {
    return { value: await row.call(...args) };
  } catch (error) {
    return { error };
  }
}

/** True when a result holds NaN: a number, a typed array, a Tensor, or a field one level down. */
function holdsNaN(v: unknown, depth = 0): boolean {
  if (typeof v === "number") return Number.isNaN(v);
  if (v instanceof Tensor) return v.data.some(Number.isNaN);
  if (v instanceof Float32Array || v instanceof Float64Array) return v.some(Number.isNaN);
  if (depth > 1 || v === null || typeof v !== "object") return false;
  return Object.values(v).some((x) => holdsNaN(x, depth + 1));
}

const shows = (value: unknown) =>
  value instanceof Shown ? value.shows : value instanceof Tensor ? value.shape : describe(value);

Deno.test("every export of lib/mod.ts has a row in the contract table", () => {
  const missing = Object.keys(lib).filter((name) => !(name in TABLE));
  expect(missing).toEqual([]);
  const stale = Object.keys(TABLE).filter((name) => !/[. ]/.test(name) && !(name in lib));
  expect(stale).toEqual([]);
});

Deno.test("every bad call throws a TypeError or RangeError naming the parameter and the value", async () => {
  let calls = 0, clear = 0;
  const unclear: string[] = [];
  for (const [name, entry] of Object.entries(TABLE)) {
    if ("exempt" in entry) continue;
    const good = entry.noGoodCall ? { value: 0 } : await outcome(entry, entry.good());
    if ("error" in good) unclear.push(`${name}(good arguments) threw ${good.error}`);
    else if (!entry.nanOk && holdsNaN(good.value)) unclear.push(`${name}(good arguments) gave NaN`);
    for (const [param, values] of entry.params) {
      for (const value of values) {
        const raw = value instanceof Shown ? value.value : value;
        calls++;
        const result = await outcome(entry, substitute(entry, param, raw));
        const label = `${name}: ${param} = ${shows(value)}`;
        if (!("error" in result)) {
          unclear.push(`${label}: no error, returned ${describe(result.value)}`);
          continue;
        }
        const e = result.error;
        const message = e instanceof Error ? e.message : String(e);
        const word = param.split(".").at(-1)!;
        if (!(e instanceof TypeError || e instanceof RangeError)) {
          unclear.push(`${label}: ${(e as Error)?.constructor?.name} ${message}`);
        } else if (!message.includes(word) || !message.includes(shows(value))) {
          unclear.push(`${label}: unclear message "${message}"`);
        } else if (
          /Cannot read|is not a function|is not iterable|undefined \(reading/.test(message)
        ) {
          unclear.push(`${label}: a bare JavaScript error "${message}"`);
        } else clear++;
      }
    }
  }
  console.log(`contract: ${calls} calls, ${clear} clear errors`);
  expect(unclear).toEqual([]);
  expect(clear).toBe(calls);
});
