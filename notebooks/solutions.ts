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
import { dropout, matmul, type Rng, type Tensor } from "course";

export const solutions: Record<string, unknown> = {
  // Lesson 9 · Questions practitioners ask
  "09.1": (x: Tensor, W: Tensor, p: number, rng: Rng) => matmul(x, dropout(W, p, rng).y),
  "09.2": 3,
};
