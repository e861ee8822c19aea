/**
 * The check `fit`, `epochRunner` and `trainEnsemble` make before the first
 * step (private: not re-exported).
 *
 * @module
 */
import { checkLossKind, checkOutputs } from "./_dataset.ts";
import { checkDataset, type Dataset, type LossKind, type Model } from "./evaluate.ts";

/**
 * A model's input and output widths, read from its parameters without running
 * it (a probe forward pass would show in a multiply-add counter): the first
 * parameter, when it is a weight matrix (`…W`, inputs × units), gives the
 * inputs; the last one (the output layer's bias, 1 × outputs) the outputs.
 * A model without parameters gives neither, and the per-batch checks remain.
 */
function widths(model: Model): { inputs?: number; outputs?: number } {
  const params = model.parameters();
  if (params.length === 0) return {};
  const first = params[0], last = params[params.length - 1];
  return {
    inputs: first.name.endsWith(".W") ? first.value.rows : undefined,
    outputs: last.value.cols,
  };
}

/**
 * Checks a whole set against a model before anything is trained: the values
 * (`checkDataset`), the row width against the model's inputs, and every label
 * below the number of outputs (or as many target columns). Nothing runs, so no
 * weight, optimizer state or dropout stream can change.
 */
export function checkSetForModel(name: string, model: Model, data: Dataset, loss: LossKind): void {
  checkLossKind(loss);
  checkDataset(name, data, loss);
  const { inputs, outputs } = widths(model);
  if (inputs !== undefined && data.x.cols !== inputs) {
    throw new RangeError(
      `${name}.x must have ${inputs} columns (the model's inputs), got ${data.x.shape}`,
    );
  }
  if (outputs !== undefined) checkOutputs(name, outputs, data);
}
