/**
 * What a layer remembers of its last forward pass (its input, output, mask…)
 * is what `backward` and the `lastOutput`/`mask` getters read. A measurement
 * that runs a model on a whole set (`predict`, `lossInMode`, …) would leave
 * those records holding the activations of a thousand examples, in every
 * model a lesson keeps: megabytes each, for nothing. So the library's
 * measuring functions save the records first and put them back afterwards:
 * a measurement leaves the model as it found it.
 *
 * Built-in layers implement `[SAVE_LAST_FORWARD]()`; a layer that does not
 * (a lesson's own) is simply left as the measurement leaves it.
 *
 * @module
 */

/** The method of a layer that saves its record of the last forward and returns how to restore it. */
export const SAVE_LAST_FORWARD: unique symbol = Symbol("saveLastForward");

/** A layer that can save what it remembers of its last forward. */
interface SavesLastForward {
  [SAVE_LAST_FORWARD](): () => void;
}

/**
 * Saves what `layer` (and, for a Sequential, each of its layers) remembers of
 * its last forward; calling the result puts it back.
 */
export function saveLastForward(layer: unknown): () => void {
  const save = (layer as Partial<SavesLastForward> | null)?.[SAVE_LAST_FORWARD];
  return typeof save === "function" ? save.call(layer) : () => {};
}
