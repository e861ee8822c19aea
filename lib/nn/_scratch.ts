/**
 * Output buffers reused from one training step to the next.
 *
 * Every layer returns a new tensor from `forward` and `backward`, and a
 * learner may keep any of them. Inside the loops of the library nobody can:
 * in a training step (`batchRunner`, hence `epochRunner` and `fit`, and
 * `fitBothModes`) or a pass of MC dropout (`mcDropoutPredict`,
 * `mcDropoutAtKs`), the activations and gradients are consumed within the
 * step. So while a loop runs a step, a layer may write its new output into
 * the tensor it made in the previous step instead of allocating one. A
 * thousand steps then allocate a few buffers, not tens of thousands, and the
 * JavaScript engine has far less garbage to hold before it collects it (this
 * is what kept a lesson's kernel at hundreds of MB of memory it no longer used).
 *
 * The values are exactly those of a fresh tensor (every element is written);
 * only the object is reused. Tensors made outside a step are never reused, so
 * an output a learner kept from a call of their own is never overwritten. The
 * price: `lastOutput`, `mask` and the like read after a step of `fit` belong to
 * that step and are overwritten by the next one.
 *
 * @module
 */
import { Tensor } from "./tensor.ts";

/** Buffers made during a step: the only ones that may be reused. */
const madeInStep = new WeakSet<object>();
let inStep = false;

/**
 * Runs one step of a library loop (a training step, or one pass of MC dropout)
 * whose intermediate outputs nobody keeps, letting the layers reuse their
 * buffers of the step before.
 */
export function reusingBuffers<T>(step: () => T): T {
  const was = inStep;
  inStep = true;
  try {
    return step();
  } finally {
    inStep = was;
  }
}

/** Whether `previous` may be written again: during a step, when a step made it. */
function reusable<T extends object>(previous: T | null): previous is T {
  return inStep && previous !== null && madeInStep.has(previous);
}

/** A new buffer, marked as reusable by later steps when a step makes it. */
function fresh<T extends object>(buffer: T): T {
  if (inStep) madeInStep.add(buffer);
  return buffer;
}

/**
 * The tensor a layer writes a new rows × cols output into: during a step,
 * `previous` (the layer's output of the step before) when a step made it, it
 * has this shape and it shares no memory with `input`; else a new tensor.
 */
export function outputTensor(
  previous: Tensor | null,
  rows: number,
  cols: number,
  input: Tensor,
): Tensor {
  if (
    reusable(previous) && previous.rows === rows && previous.cols === cols &&
    previous.data.buffer !== input.data.buffer
  ) return previous;
  return fresh(new Tensor(rows, cols));
}

/** The same for a layer's byte mask of n entries. */
export function outputMask(previous: Uint8Array | null, n: number): Uint8Array {
  return reusable(previous) && previous.length === n ? previous : fresh(new Uint8Array(n));
}

/** The same for a layer's float32 noise of n entries. */
export function outputNoise(previous: Float32Array | null, n: number): Float32Array {
  return reusable(previous) && previous.length === n ? previous : fresh(new Float32Array(n));
}
