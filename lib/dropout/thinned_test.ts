import { expect } from "expect";
import { Dropout } from "../nn/dropout.ts";
import { Linear } from "../nn/linear.ts";
import { allMasks } from "./masks.ts";
import { ReLU } from "../nn/relu.ts";
import { Rng } from "../nn/rng.ts";
import { Sequential } from "../nn/sequential.ts";
import { Tensor } from "../nn/tensor.ts";
import { distinctMaskMoments, distinctMasks, parametersRead, thinnedForward } from "./thinned.ts";

function smallNet(mode: "inverted" | "standard" = "inverted") {
  const rng = new Rng(3);
  const drop = new Dropout(0.4, rng.fork(2), { mode });
  const model = new Sequential(
    new Linear(3, 5, rng.fork(1)),
    new ReLU(),
    drop,
    new Linear(5, 2, rng.fork(3)),
  );
  const x = new Tensor(4, 3);
  new Rng(4).fillUniform(x.data);
  return { model, drop, x };
}

Deno.test("`thinnedForward()` equals a training pass that drew the same mask, bit for bit", () => {
  for (const mode of ["inverted", "standard"] as const) {
    const { model, drop, x } = smallNet(mode);
    // One row: the training pass draws one mask for it, which we then replay.
    const row = new Tensor(1, 3, x.data.slice(0, 3));
    const trained = model.train().forward(row).clone();
    const replayed = thinnedForward(model, row, [drop.mask!.slice()]);
    expect([...replayed.data]).toEqual([...trained.data]);
  }
});

Deno.test("`thinnedForward()` with every unit kept still scales by 1/keep, unlike eval mode", () => {
  const { model, x } = smallNet("inverted");
  const evalOut = model.eval().forward(x).clone();
  const full = thinnedForward(model, x, [new Uint8Array(5).fill(1)]);
  // Inverted: the all-kept sub-network is scaled by 1/keep, so it differs from eval.
  expect([...full.data]).not.toEqual([...evalOut.data]);
});

Deno.test("`thinnedForward()` checks the number and shape of masks", () => {
  const { model, x } = smallNet();
  expect(() => thinnedForward(model, x, [])).toThrow("one mask per Dropout layer (1), got 0");
  expect(() => thinnedForward(model, x, [new Uint8Array(4)])).toThrow("length 5");
  expect(() => thinnedForward(model, x, [new Uint8Array(5).fill(2)])).toThrow("0 or 1, got 2");
});

Deno.test("`distinctMasks()` counts distinct rows", () => {
  expect(distinctMasks(new Uint8Array([1, 1, 1, 1, 0, 1]), 2)).toBe(2);
  expect(distinctMasks(new Uint8Array(0), 3)).toBe(0);
  expect(() => distinctMasks(new Uint8Array(5), 2)).toThrow("dividing the mask length 5");
});

Deno.test("`distinctMaskMoments()` matches brute-force enumeration of all draw sequences", () => {
  const probs = allMasks(2, 0.3).map((w) => w.probability), T = 4;
  let mean = 0, second = 0;
  for (let code = 0; code < 4 ** T; code++) {
    let prob = 1;
    const seen = new Set<number>();
    for (let t = 0, c = code; t < T; t++, c = Math.floor(c / 4)) {
      prob *= probs[c % 4];
      seen.add(c % 4);
    }
    mean += prob * seen.size;
    second += prob * seen.size ** 2;
  }
  const m = distinctMaskMoments(probs, T);
  expect(m.mean).toBeCloseTo(mean, 12);
  expect(m.variance).toBeCloseTo(second - mean ** 2, 12);
});

Deno.test("`distinctMaskMoments()` agrees with sampled dropout masks within 5 standard errors", () => {
  const m = 4, p = 0.5, T = 20, runs = 2000;
  const { mean, variance } = distinctMaskMoments(allMasks(m, p).map((w) => w.probability), T);
  const drop = new Dropout(p, new Rng(9));
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    drop.forward(new Tensor(T, m));
    sum += distinctMasks(drop.mask!, m);
  }
  expect(Math.abs(sum / runs - mean)).toBeLessThan(5 * Math.sqrt(variance / runs));
});

Deno.test("`parametersRead()` finds the weights of a thinned sub-network and restores them", () => {
  const rng = new Rng(2);
  const fc1 = new Linear(2, 3, rng.fork(1), { name: "fc1" });
  const fc2 = new Linear(3, 1, rng.fork(2), { name: "fc2" });
  const model = new Sequential(fc1, new Dropout(0.5, rng.fork(3)), fc2);
  const x = Tensor.fromRows([[1, -1]]);
  const before = model.parameters().map((q) => q.value.data.slice());
  const read = parametersRead(
    () => thinnedForward(model, x, [new Uint8Array([1, 0, 0])]).data,
    model.parameters(),
  );
  // Unit 0 kept: its two incoming weights, its bias, its outgoing weight, and fc2's bias.
  expect([...read].sort()).toEqual(["fc1.W[0]", "fc1.W[3]", "fc1.b[0]", "fc2.W[0]", "fc2.b[0]"]);
  model.parameters().forEach((q, k) => expect([...q.value.data]).toEqual([...before[k]]));
});
