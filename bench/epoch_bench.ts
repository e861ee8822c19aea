/**
 * `deno bench -A bench/epoch_bench.ts`: one training epoch of the source's
 * network (claim S4-9) over 8,000 real digits, batch 64. Target ≤ 6 s on one
 * core. For samples per second and peak memory, run `deno run -A bench/report.ts`.
 *
 * @module
 */
import { trainEpoch } from "./_epoch.ts";

Deno.bench("epoch: S4-9 network, 8,000 digits, batch 64, SGD", { n: 5, warmup: 1 }, () => {
  trainEpoch();
});
