/**
 * The check `fit`, `epochRunner` and `trainEnsemble` make before the first
 * step (private: not re-exported).
 *
 * @module
 */
import { checkLossKind, checkOutputs } from "./_dataset.ts";
import { checkDataset, type Dataset, type LossKind, type Model, predict } from "./evaluate.ts";
import { Tensor } from "./tensor.ts";

/**
 * Checks a whole set against a model before anything is trained: the values
 * (`checkDataset`), then the model's output for the first row, which fixes the
 * number of classes every label must be below and the number of target
 * columns. The probe runs in evaluation mode, so it draws no dropout mask and
 * changes no weight.
 */
export function checkSetForModel(name: string, model: Model, data: Dataset, loss: LossKind): void {
  checkLossKind(loss);
  checkDataset(name, data, loss);
  const first = new Tensor(1, data.x.cols, data.x.data.subarray(0, data.x.cols));
  checkOutputs(name, predict(model, first), data);
}
