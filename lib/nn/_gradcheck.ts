/**
 * Finite-difference gradient checking for the tests (private: not re-exported).
 *
 * The check uses the scalar test loss L = Σ G ⊙ y with a fixed random G, so
 * ∂L/∂y = G is exactly the `dOut` to feed to `backward`; the loss is summed in
 * float64. Each coordinate is perturbed by ±h in place and the actual float32
 * step is used as the denominator: ∂L/∂θᵢ ≈ (L(θᵢ + h) − L(θᵢ − h)) / (2h).
 *
 * @module
 */
import type { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

/** L = Σ G ⊙ y in float64. */
export function dot(g: Tensor, y: Tensor): number {
  let s = 0;
  for (let i = 0; i < g.data.length; i++) s += g.data[i] * y.data[i];
  return s;
}

/** A rows × cols tensor of N(0, 1) draws. */
export function randn(rows: number, cols: number, rng: Rng): Tensor {
  const t = new Tensor(rows, cols);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal();
  return t;
}

/** Central differences of `loss()` with respect to every entry of `theta` (perturbed in place). */
export function numericGradient(loss: () => number, theta: Float32Array, h = 1e-2): Float64Array {
  const grad = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) {
    const v = theta[i];
    theta[i] = v + h;
    const up = theta[i], lPlus = loss();
    theta[i] = v - h;
    const down = theta[i], lMinus = loss();
    theta[i] = v;
    grad[i] = (lPlus - lMinus) / (up - down);
  }
  return grad;
}

/** max |a − b| / max(1, |b|), logged with a label so test output shows how close it was. */
export function maxRelativeDifference(
  label: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  console.log(`${label}: max difference ${worst.toExponential(2)} over ${a.length} entries`);
  return worst;
}
