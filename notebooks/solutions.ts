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
import { addRowVector, dropout, type Linear, matmul, type Rng, type Tensor } from "../lib/mod.ts";

export const solutions: Record<string, unknown> = {
  // Lesson 2 · Dropout as an ensemble
  "02.1": 64,
  "02.2": 0.8 ** 6,
  "02.3": (layer: Linear, x: Tensor, p: number, rng: Rng) =>
    addRowVector(matmul(x, dropout(layer.W.value, p, rng).y), layer.b.value),
  // end of lesson 2
};
