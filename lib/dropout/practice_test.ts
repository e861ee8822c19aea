import { expect } from "expect";
import { Dropout } from "../nn/dropout.ts";
import { Linear } from "../nn/linear.ts";
import { loadWeights, practiceNet, practiceRun } from "./practice.ts";

Deno.test("`practiceNet()` starts from the same weights whatever the rates", () => {
  const plain = practiceNet(3), drop = practiceNet(3, { input: 0.2, hidden1: 0.5, logits: 0.5 });
  const linears = (m: typeof plain) => m.layers.filter((l) => l instanceof Linear) as Linear[];
  linears(plain).forEach((l, i) => expect(linears(drop)[i].W.value.data).toEqual(l.W.value.data));
  expect(drop.layers.filter((l) => l instanceof Dropout).length).toBe(3);
  expect(drop.layers.at(-1)).toBeInstanceOf(Dropout); // the logits site comes last
});

Deno.test("`practiceNet()` rejects a rate outside [0, 1)", () => {
  expect(() => practiceNet(1, { hidden1: 1 })).toThrow(/rates.hidden1/);
  expect(() => practiceNet(1, { input: -0.1 })).toThrow(RangeError);
});

Deno.test("`practiceRun()` trains each setting on one split; weights rebuild the network", async () => {
  const options = {
    seed: 2,
    settings: { plain: {}, drop: { hidden1: 0.5 } },
    trainSize: 100,
    testSize: 50,
    validationSize: 30,
    epochs: 2,
  };
  const { runs } = await practiceRun(options);
  expect(runs.plain.correct.length).toBe(50);
  expect(Number.isFinite(runs.drop.validation.loss)).toBe(true);
  const again = await practiceRun({ ...options, keepWeights: false });
  expect(again.runs.drop.test).toEqual(runs.drop.test); // seeded: the same run twice
  expect(again.runs.drop.weights).toEqual([]);
  const model = loadWeights(practiceNet(2, { hidden1: 0.5 }), runs.drop.weights);
  expect(model.parameters()[0].value.data).toEqual(runs.drop.weights[0]);
  expect(() => loadWeights(practiceNet(2), runs.drop.weights.slice(1))).toThrow(/weights/);
});

Deno.test("`loadWeights()` refuses bad weights before copying any, leaving the model as it was", () => {
  const model = practiceNet(1), before = model.parameters().map((q) => q.value.data.slice());
  const weights = practiceNet(2).parameters().map((q) => q.value.data.slice());
  weights[3][7] = NaN;
  expect(() => loadWeights(model, weights)).toThrow(/weights\[3\] must be finite, got NaN/);
  model.parameters().forEach((q, i) => expect(q.value.data).toEqual(before[i]));
});

Deno.test("`practiceRun()` refuses a bad setting or option before loading data or training", async () => {
  const settings = { plain: {}, typo: { hiden1: 0.5 } };
  await expect(practiceRun({ seed: 1, settings } as never)).rejects.toThrow(/"hiden1"/);
  await expect(practiceRun({ seed: 1, settings: { plain: {} }, epochs: 0 })).rejects.toThrow(
    /options.epochs must be an integer >= 1, got 0/,
  );
});
