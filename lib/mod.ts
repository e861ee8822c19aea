/**
 * The course library, one entry for the lessons: `import { … } from "course"`.
 *
 * It is laid out by the course's concerns, and its imports run one way, from
 * the notebook's side down to the toolkit:
 *
 * - `nn/`: the from-scratch network toolkit (tensor, matmul, dropout, layers,
 *   losses, optimizers, training). It imports nothing from the other folders.
 * - `data/`: real digits and small synthetic sets.
 * - `dropout/`: what the lessons study about dropout (masks, thinned networks,
 *   inference, ensembles, the penalty, ablation, costs).
 * - `stats/`: the numbers that judge a claim (seeds, sweeps, tests).
 * - `notebook/`: claims and verdicts, figures and displays.
 *
 * Every export refuses bad input with a `TypeError` or `RangeError` that names
 * the parameter, what is allowed and what it got; the contract is stated once,
 * in `nn/_check.ts`, and `tests/contract_test.ts` keeps it.
 *
 * @example
 * ```ts
 * import { dropout, Rng, Tensor } from "./mod.ts";
 * import { expect } from "expect";
 * const x = Tensor.fromRows([[0.13, 0.93]]);
 * const { y } = dropout(x, 0.2, new Rng(1), { training: false });
 * expect(y.toRows()).toEqual(x.toRows()); // evaluation mode is the identity
 * ```
 *
 * @module
 */
export * from "./nn/mod.ts";
export * from "./data/mod.ts";
export * from "./dropout/mod.ts";
export * from "./stats/mod.ts";
export * from "./notebook/mod.ts";
