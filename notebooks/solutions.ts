/**
 * The answers to every exercise in the lessons, by exercise ID (`"03.2"` is
 * lesson 3's second exercise). The lessons ship their exercises unanswered;
 * `deno test` injects these answers (tests/_notebook.ts) and checks each one,
 * which proves every exercise can be solved. Each lesson also shows its
 * answer in a collapsed "Solution" cell after the exercise.
 *
 * For an exercise that asks for code, the answer is a function.
 *
 * @module
 */
import { addRowVector, dropout, type Linear, matmul, type Rng, Tensor } from "../lib/mod.ts";

export const solutions: Record<string, unknown> = {
  // Lesson 2 · Dropout as an ensemble
  "02.1": 64,
  "02.2": 0.8 ** 6,
  "02.3": (layer: Linear, x: Tensor, p: number, rng: Rng) =>
    addRowVector(matmul(x, dropout(layer.W.value, p, rng).y), layer.b.value),
  // end of lesson 2
  // Lesson 3 · Masks
  "03.1": 0.85 ** 4,
  "03.2": 16,
  "03.3": (rng: Rng, rows: number, cols: number, p: number) => {
    const keep = 1 - p;
    return Uint8Array.from({ length: rows * cols }, () => (rng.uniform() < keep ? 1 : 0));
  },
  // end of lesson 3
  // Lesson 3b · Masks backward, and the edges
  "03b.1": 10 * 0.5 ** 3,
  "03b.2": (dOut: Tensor, mask: Uint8Array, p: number) => {
    const dX = new Tensor(dOut.rows, dOut.cols), s = 1 / (1 - p);
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1) dX.data[i] = dOut.data[i] * s;
    return dX;
  },
  // end of lesson 3b
};
