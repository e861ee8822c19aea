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
import { ReLU, type Sequential, type Tensor } from "../lib/mod.ts";

export const solutions: Record<string, unknown> = {
  // Lesson 6 · Dropout in practice
  "06.1": 0.25,
  "06.2": (z: number, p: number) => (1 - p) * Math.tanh(z / (1 - p)),
  "06.3": (model: Sequential, x: Tensor) => {
    model.eval();
    const out: number[] = [];
    let h = x;
    for (const layer of model.layers) {
      h = layer.forward(h);
      if (!(layer instanceof ReLU)) continue;
      const mean = h.data.reduce((s, v) => s + v, 0) / h.data.length;
      out.push(h.data.reduce((s, v) => s + (v - mean) ** 2, 0) / h.data.length);
    }
    return out;
  },
  // end of lesson 6
};
