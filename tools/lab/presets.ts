/**
 * "Try it live" links: for each lesson, lab settings that reproduce a point
 * the lesson makes, and the caption that says what to watch. The site
 * builder puts them on the lesson's page; the notebooks are not touched.
 *
 * @module
 */
import { escapeHtml } from "../site/html.ts";
import { type LabSettings, settingsQuery } from "./settings.ts";

/** One link: what to watch, and the settings that differ from the lab's defaults. */
export interface Preset {
  caption: string;
  settings: Partial<LabSettings>;
}

/** Lesson file → its presets. Every lesson has at least one (a test checks it). */
export const PRESETS: Record<string, Preset[]> = {
  "01-overfitting.ipynb": [{
    caption: "The gap on real digits: a wide net on 200 digits. Without dropout (blue) the " +
      "training loss keeps falling while the held-out loss turns and climbs; with dropout " +
      "(orange) the held-out loss stays lower.",
    settings: { n: 200, width: 256, depth: 2, p: 0.5, pIn: 0.2, epochs: 30 },
  }],
  "02-ensembles.ipynb": [{
    caption: "One network, many thinned networks: train a 784-128-10 net with dropout on 500 " +
      "digits, then pick a digit and compare the vote of k thinned networks with weight scaling.",
    settings: { res: 28, width: 128, depth: 1, p: 0.5, pIn: 0, n: 500, epochs: 10 },
  }],
  "03-masking.ipynb": [{
    caption: "A fresh mask every step: 32 hidden units at p = 0.5; the strip shows which units " +
      "the current step trains.",
    settings: { width: 32, depth: 1, p: 0.5, pIn: 0, epochs: 20 },
  }],
  "03b-masks-backward.ipynb": [{
    caption: "Backward through the mask: only kept units pass a gradient. At p = 0.9 about one " +
      "hidden unit in ten takes part in each step, so training is slow, yet it still learns.",
    settings: { width: 64, depth: 1, p: 0.9, pIn: 0, epochs: 20 },
  }],
  "04-scale-mismatch.ipynb": [{
    caption: "Training mode and evaluation mode measure different networks: with p = 0.5 the " +
      "faint training-mode loss sits above the dashed evaluation-mode loss of the same weights.",
    settings: { p: 0.5, pIn: 0, depth: 2, epochs: 30 },
  }],
  "05-inverted-dropout.ipynb": [{
    caption: "Inverted dropout at p = 0.8: kept units are scaled by 1/keep = 5 in training, so " +
      "evaluation runs the net as it is and still predicts well.",
    settings: { p: 0.8, pIn: 0, width: 256, depth: 1, epochs: 30 },
  }],
  "06-in-practice.ipynb": [{
    caption: "The sources' recipe at our scale: 500 digits at 28 × 28, two hidden layers, " +
      "dropout 0.5; compare the held-out loss of the two networks at the end.",
    settings: { res: 28, width: 256, depth: 2, p: 0.5, pIn: 0, n: 500, epochs: 15 },
  }],
  "06b-how-much-dropout.ipynb": [
    {
      caption: "Common practice: input 0.2, hidden 0.5.",
      settings: { pIn: 0.2, p: 0.5, width: 256, depth: 2, n: 500, epochs: 15 },
    },
    {
      caption: "Heavier: input 0.5, hidden 0.7 (the lesson finds it loses accuracy).",
      settings: { pIn: 0.5, p: 0.7, width: 256, depth: 2, n: 500, epochs: 15 },
    },
  ],
  "07-paper-sweeps.ipynb": [
    {
      caption: "The rate sweep at one rate: 196-128-10 with SGD, keep 0.6 (p = 0.4), " +
        "1,000 digits.",
      settings: { width: 128, depth: 1, p: 0.4, pIn: 0, opt: "sgd", lr: 0.05, n: 1000, epochs: 15 },
    },
    {
      caption: "The size sweep's small end: at 100 digits dropout gains little.",
      settings: { width: 128, depth: 1, p: 0.4, pIn: 0, opt: "sgd", lr: 0.05, n: 100, epochs: 30 },
    },
  ],
  "08-practitioners-questions.ipynb": [{
    caption: "Why is my training loss above my validation loss? Watch the training-mode loss " +
      "(measured on thinned networks) sit above the evaluation-mode and held-out losses.",
    settings: { res: 14, width: 64, depth: 2, p: 0.5, pIn: 0, n: 1000, epochs: 10 },
  }],
  "09-every-claim.ipynb": [{
    caption: "Check a claim yourself: the lab trains the same network with and without dropout " +
      "from one seed.",
    settings: {},
  }],
};

/**
 * The "try it live" box for a lesson page.
 *
 * @param lesson The lesson's file name, e.g. `"01-overfitting.ipynb"`.
 * @returns HTML (an `<aside>`), or `""` for a lesson without presets.
 */
export function tryItLive(lesson: string): string {
  const presets = PRESETS[lesson] ?? [];
  if (presets.length === 0) return "";
  const items = presets.map((p) =>
    `<li><a class="lab-preset" href="lab.html${escapeHtml(settingsQuery(p.settings))}">` +
    `Try it live</a>: ${escapeHtml(p.caption)}</li>`
  ).join("\n");
  // The box brings the lab's stylesheet, so the site's own needs no rules for it.
  return `<aside class="try-live"><link rel="stylesheet" href="lab/lab.css"><ul>\n${items}\n</ul></aside>\n`;
}

/**
 * A lesson's body with its "try it live" box after the title (or first, without one).
 *
 * @param body The rendered lesson.
 * @param lesson The lesson's file name.
 * @returns The body with the box.
 */
export function withLabLinks(body: string, lesson: string): string {
  const box = tryItLive(lesson);
  const end = body.indexOf("</h1>");
  return end < 0 ? box + body : body.slice(0, end + 5) + "\n" + box + body.slice(end + 5);
}
