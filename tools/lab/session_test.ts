import { expect } from "expect";
import { Adam, fit, mlp, Tensor } from "../../lib/nn/mod.ts";
import { labDigitBytes } from "./digits.ts";
import { createSession, labData, leastSure, mcOnDigit, SUBSET, trainEpochs } from "./session.ts";
import { DEFAULTS } from "./settings.ts";

const data = labData(labDigitBytes(14), 14);

Deno.test("labDigitBytes() packs 3,000 + 1,000 digits of every class at 14×14", () => {
  expect([data.train.x.shape, data.test.x.shape]).toEqual(["3000×196", "1000×196"]);
  expect(new Set(data.train.y).size).toBe(10);
  expect(labDigitBytes(14).length).toBe((SUBSET.train + SUBSET.test) * 197);
});

Deno.test("a lab session trains its network without dropout exactly as fit() does", async () => {
  const settings = { ...DEFAULTS, n: 300, width: 32, depth: 1, epochs: 2, seed: 5 };
  const [before, ...points] = trainEpochs(createSession(data, settings), settings.epochs);
  expect(before.epoch).toBe(0);
  expect(Number.isNaN(before.nets[0].trainModeLoss)).toBe(true);
  const model = mlp([196, 32, 10], { seed: 5 });
  const train = {
    x: new Tensor(300, 196, data.train.x.data.subarray(0, 300 * 196)),
    y: data.train.y.subarray(0, 300),
  };
  const history = await fit(model, train, {
    optimizer: new Adam(model.parameters(), { lr: settings.lr }),
    loss: "cross-entropy",
    epochs: 2,
    batchSize: settings.batch,
    seed: 5,
    test: data.test,
  });
  expect(points.map((p) => [p.nets[1].trainLoss, p.nets[1].testLoss, p.nets[1].testAccuracy]))
    .toEqual(history.map((h) => [h.trainLoss, h.testLoss, h.testAccuracy]));
  // Same seed, same start: the two networks differ only by dropout.
  expect(before.nets[0].testLoss).toBe(before.nets[1].testLoss);
});

Deno.test("mcOnDigit() counts k votes and leastSure() sorts by confidence", () => {
  const settings = { ...DEFAULTS, n: 200, width: 32, depth: 1, epochs: 1 };
  const session = createSession(data, settings);
  trainEpochs(session, 1);
  const mode = session.models[0].training;
  const mc = mcOnDigit(session.models[0], data.test.x.row(0), 50);
  expect(mc.votes.reduce((a, b) => a + b, 0)).toBe(50);
  expect(mc.mean.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  expect(mc.weightScaling.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  expect(session.models[0].training).toBe(mode); // restored
  const unsure = leastSure(session.models[0], data.test, 5);
  expect(unsure.map((u) => u.confidence)).toEqual(
    unsure.map((u) => u.confidence).sort((a, b) => a - b),
  );
});
