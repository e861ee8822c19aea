/**
 * The check at the top of every layer's `backward` (private: not re-exported).
 *
 * @module
 */
import { checkTensor, type Tensor } from "./tensor.ts";

/**
 * Throws unless a forward pass has run and `dOut` has the shape of its output.
 *
 * @param layer The layer's class name, for the message.
 * @param lastOutput The last forward's output, or `null` before any forward.
 * @param dOut The gradient passed to `backward`.
 */
export function checkDOut(layer: string, lastOutput: Tensor | null, dOut: unknown): void {
  if (lastOutput === null) throw new Error(`${layer}.backward called before forward`);
  checkTensor("dOut", dOut);
  if (dOut.rows !== lastOutput.rows || dOut.cols !== lastOutput.cols) {
    throw new RangeError(
      `dOut and the last output have mismatched shapes: dOut is ${dOut.shape}, output is ${lastOutput.shape}`,
    );
  }
}
