/**
 * The broken libraries that `deno task falsify` runs the exact and
 * statistical claims against. Each mutant is the course library with one
 * small, deliberate bug, written as a text patch to one file; the claims it
 * lists are the ones whose check must notice that bug (a verdict other than
 * "holds", or a failed assertion in the claim's own cell).
 *
 * A patch whose text is not found fails the run: when the library changes,
 * the mutant must be updated, not silently skipped.
 *
 * @module
 */

/** One deliberate bug, and the claims whose checks must catch it. */
export interface Mutant {
  /** A short name, used in the report and as a folder name. */
  name: string;
  /** What the bug does, in words. */
  what: string;
  /** The file under `lib/` to patch. */
  file: string;
  /** Text replacements applied in order; each `find` must occur in the file. */
  patches: { find: string; replace: string }[];
  /** The claims this bug makes false. */
  claims: string[];
}

export const MUTANTS: Mutant[] = [
  {
    name: "no-scaling",
    what: "inverted dropout forgets to scale kept values by 1/keep",
    file: "nn/dropout.ts",
    patches: [{
      find: 'const s = mode === "inverted" ? 1 / keep : 1;',
      replace: "const s = 1;",
    }],
    claims: ["S0-5", "S0-6", "S1-13", "S2-3", "S3-7", "V-1", "S2-6", "Q-10", "Q-12"],
  },
  {
    name: "scale-wrong-way",
    what: "inverted dropout multiplies kept values by keep instead of dividing",
    file: "nn/dropout.ts",
    patches: [{
      find: 'const s = mode === "inverted" ? 1 / keep : 1;',
      replace: 'const s = mode === "inverted" ? keep : 1;',
    }],
    claims: ["S0-6", "S2-3", "S3-7", "S1-13", "S0-5"],
  },
  {
    name: "keep-p-swapped",
    what: "the mask keeps a unit with probability p instead of 1 − p",
    file: "nn/dropout.ts",
    patches: [{
      find: "const threshold = keep * 4294967296; // keep · 2^32",
      replace: "const threshold = p * 4294967296;",
    }],
    claims: ["S3-1", "S4-2", "S0-2", "S0-4", "Q-12"],
  },
  {
    name: "drops-in-eval",
    what: "the layer keeps dropping in evaluation mode",
    file: "nn/dropout.ts",
    patches: [{
      find: "  if (!training) {\n    mask.fill(1);",
      replace: "  if (!training && false) {\n    mask.fill(1);",
    }],
    claims: ["S0-1", "S0-7", "S1-14", "S4-6", "S2-5", "Q-12"],
  },
  {
    name: "fresh-mask-in-backward",
    what: "backward draws a new mask instead of reusing the forward's",
    file: "nn/dropout.ts",
    patches: [{
      find: "    const x = this.#x!, mask = this.#mask!;\n    const keep = 1 - this.p;",
      replace:
        "    const x = this.#x!, keep = 1 - this.p;\n    const mask = dropout(x, this.p, this.#rng, { mode: this.mode }).mask;",
    }],
    claims: ["S3-2", "S1-5", "S2-1"],
  },
  {
    name: "unscaled-is-scaled",
    what: "standard (unscaled) dropout scales kept values like inverted dropout",
    file: "nn/dropout.ts",
    patches: [{
      find: 'const s = mode === "inverted" ? 1 / keep : 1;',
      replace: "const s = 1 / keep;",
    }],
    claims: ["S1-10", "S1-11", "S0-4", "S3-3"],
  },
  {
    name: "p1-multiplies",
    what: "p = 1 multiplies by zero (NaN for ±∞ and NaN inputs) instead of writing exact zeros",
    file: "nn/dropout.ts",
    patches: [{
      find:
        "  if (keep === 0) return { y: (yd.fill(0), y), mask: mask.fill(0) }; // exact zeros, no x · 0",
      replace:
        "  if (keep === 0) {\n    for (let i = 0; i < yd.length; i++) yd[i] = xd[i] * 0;\n    return { y, mask: mask.fill(0) };\n  }",
    }],
    claims: ["E-1"],
  },
  {
    name: "linear-forgets-bias",
    what: "Linear leaves out its bias",
    file: "nn/linear.ts",
    patches: [{
      find: "const y = addRowVector(xW, this.b.value, xW);",
      replace: "const y = xW;",
    }],
    claims: ["S3-5", "S0-3"],
  },
  {
    name: "penalty-without-odds",
    what: "the dropout penalty weights w² by p instead of p/(1 − p)",
    file: "dropout/penalty.ts",
    patches: [{
      find: "return (p / (1 - p)) * sum / x.length;",
      replace: "return p * sum / x.length;",
    }],
    claims: ["S3-6"],
  },
  {
    name: "same-mask-every-call",
    what: "dropout() restarts its generator on every call, so every step draws the same mask",
    file: "nn/dropout.ts",
    patches: [{
      find: '  const { mode = "inverted", training = true, out } = options;',
      replace:
        '  rng = new Rng(12345);\n  const { mode = "inverted", training = true, out } = options;',
    }],
    claims: ["S4-3", "S1-8", "S2-7"],
  },
  {
    name: "ensemble-trains-one",
    what: "an ensemble trains only its first member (the others keep their initial weights)",
    file: "dropout/ensemble.ts",
    patches: [{
      find:
        "    histories.push(await fit(model, data, { ...options, optimizer, seed: options.seed + member }));",
      replace:
        "    if (member > 0) histories.push([]);\n    else histories.push(await fit(model, data, { ...options, optimizer, seed: options.seed + member }));",
    }],
    claims: ["S1-4"],
  },
  {
    name: "one-mask-per-batch",
    what: "every example of a batch gets the first example's mask",
    file: "nn/dropout.ts",
    patches: [{
      find: "  return { y, mask };\n}",
      replace:
        "  for (let i = x.cols; i < n; i++) {\n    mask[i] = mask[i % x.cols];\n    yd[i] = mask[i] ? xd[i] * s : 0;\n  }\n  return { y, mask };\n}",
    }],
    claims: ["S0-2"],
  },
  {
    name: "gaussian-noise-too-narrow",
    what: "Gaussian dropout draws noise with standard deviation √p instead of √(p/(1 − p))",
    file: "nn/gaussian_dropout.ts",
    patches: [{
      find: "this.sigma = Math.sqrt(p / (1 - p));",
      replace: "this.sigma = Math.sqrt(p);",
    }],
    claims: ["Q-10"],
  },
  {
    name: "variance-shift-without-odds",
    what: "the variance-shift formula weights the dropout term by p instead of p/(1 − p)",
    file: "dropout/variance_shift.ts",
    patches: [{
      find: "predictedVar[j] += (p / (1 - p)) * hs[j] / h.rows;",
      replace: "predictedVar[j] += p * hs[j] / h.rows;",
    }],
    claims: ["Q-3"],
  },
];
