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
import {
  addRowVector,
  BatchNorm1d,
  Dropout,
  dropout,
  type Layer,
  Linear,
  matmul,
  ReLU,
  Rng,
  Sequential,
  Tensor,
} from "../lib/mod.ts";

export const solutions: Record<string, unknown> = {
  // Lesson 1 · Overfitting
  "01.1": 16_897,
  "01.2": true,
  "01.3": (model: { parameters(): { value: { data: Float32Array } }[] }) => {
    for (const q of model.parameters()) {
      const w = q.value.data;
      for (let i = 0; i < w.length; i++) w[i] *= 1 - 0.001;
    }
  },
  // end of lesson 1
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
  // Lesson 4 · The scale mismatch
  "04.1": 4 / 3,
  "04.2": (model: Sequential, p: number) => {
    const layers: Layer[] = [];
    let scaleNext = false;
    for (const layer of model.layers) {
      if (layer instanceof Dropout) {
        scaleNext = true;
      } else if (layer instanceof Linear && scaleNext) {
        const copy = new Linear(layer.inFeatures, layer.outFeatures, new Rng(0));
        copy.W.value.data.set(layer.W.value.data.map((w) => (1 - p) * w));
        copy.b.value.data.set(layer.b.value.data);
        layers.push(copy);
        scaleNext = false;
      } else {
        layers.push(layer);
      }
    }
    return new Sequential(layers);
  },
  "04.3": 140,
  // end of lesson 4
  // Lesson 5 · Inverted dropout
  "05.1": [4, 12],
  "05.2": (x: Tensor, p: number, rng: Rng) => {
    const keep = 1 - p, y = new Tensor(x.rows, x.cols);
    for (let i = 0; i < x.data.length; i++) {
      y.data[i] = rng.uniform() < keep ? x.data[i] / keep : 0;
    }
    return y;
  },
  "05.3": 10,
  // end of lesson 5
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
  // Lesson 6b · How much dropout?
  "06b.1": true,
  "06b.2": (W: Tensor, c: number) => {
    for (let j = 0; j < W.cols; j++) {
      let sq = 0;
      for (let i = 0; i < W.rows; i++) sq += W.data[i * W.cols + j] ** 2;
      const norm = Math.sqrt(sq);
      if (norm > c) { for (let i = 0; i < W.rows; i++) W.data[i * W.cols + j] *= c / norm; }
    }
  },
  // end of lesson 6b
  // Lesson 7 · Two sweeps from the dropout paper
  "07.1": 4.303,
  "07.2": (rows: { validGain: number[]; gain: number[] }[]) => {
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const chosen = rows.reduce((a, b) => (mean(b.validGain) > mean(a.validGain) ? b : a));
    return Math.max(...rows.map((r) => mean(r.gain))) - mean(chosen.gain);
  },
  "07.3": 13,
  // end of lesson 7
  // Lesson 8 · Questions practitioners ask
  "08.1": (model: Sequential, x: Tensor) => {
    // BatchNorm layers collect statistics, everything else (dropout) runs as in evaluation.
    for (const layer of model.layers) layer.training = layer instanceof BatchNorm1d;
    for (let pass = 0; pass < 50; pass++) model.forward(x); // 0.9^50 ≈ 0.005 of the old value left
    model.eval();
  },
  "08.2": 3,
  // end of lesson 8
};
