/**
 * The data-set checks that need the model's outputs (private: not re-exported).
 *
 * @module
 */
import { checkLabels, describe } from "./_check.ts";
import { Tensor } from "./tensor.ts";

/** Throws a `RangeError` unless `loss` names one of the two losses the course trains with. */
export function checkLossKind(
  loss: unknown,
  name = "loss",
): asserts loss is "cross-entropy" | "mse" {
  if (loss !== "cross-entropy" && loss !== "mse") {
    throw new RangeError(`${name} must be "cross-entropy" or "mse", got ${describe(loss)}`);
  }
}

/**
 * Checks a set against the model's number of outputs: every label below it
 * (one output per class), or as many target columns. Errors name the set's row.
 */
export function checkOutputs(
  name: string,
  outputs: number,
  data: { readonly y: Int32Array | Tensor },
): void {
  if (data.y instanceof Tensor) {
    if (data.y.cols !== outputs) {
      throw new RangeError(
        `${name}.y must have one column per model output (${outputs}), got ${data.y.shape}`,
      );
    }
    return;
  }
  checkLabels(`${name}.y`, data.y, outputs, data.y.length);
}
