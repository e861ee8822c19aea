/**
 * The lab, checked in a browser (part of `deno task site-test`): open
 * `lab.html` with a URL preset, press Train, click the page while it trains
 * (the input delay of each click is the responsiveness probe), and when the
 * run is done compare every measured loss and accuracy with the same run in
 * Deno, bit for bit. Also checks that the charts and the mask strip were
 * redrawn while training, then saves a desktop and a phone screenshot.
 *
 * @module
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { PRESETS } from "./presets.ts";
import { createSession, labData, type Point, trainEpochs } from "./session.ts";
import { digitsFile, type LabSettings, parseSettings, settingsQuery } from "./settings.ts";

/** The run the check makes: 3,000 digits at 14 × 14, the default network, two epochs. */
export const CHECK_QUERY = settingsQuery({ n: 3000, epochs: 2, seed: 7 });

/** The desktop screenshot shows lesson 1's preset, where the gap between the networks opens. */
const SHOWCASE_QUERY = settingsQuery(PRESETS["01-overfitting.ipynb"][0].settings);
/** The phone screenshot shows a shorter run. */
const PHONE_QUERY = settingsQuery({ n: 300, epochs: 15, seed: 3 });

/** Opens a lab URL that trains on load, waits for the Monte-Carlo result, saves a screenshot. */
async function screenshotRun(page: Page, url: string, path: string, problems: string[]) {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    () => (globalThis as unknown as { __lab: LabState }).__lab.mc !== undefined,
    undefined,
    { timeout: 120_000 },
  ).catch(() => problems.push(`${path}: no Monte-Carlo result after training`));
  await page.screenshot({ path, fullPage: true });
}

/** What the lab check found. */
export interface LabResult {
  epochs: number;
  /** Every number of every epoch equal to Deno's (`Object.is`). */
  equal: boolean;
  maxInputDelayMs: number;
  clicks: number;
  /** Training time of one epoch, both networks, in the browser (the faster of the two). */
  msPerEpoch: number;
  /** Chart redraws per second while training. */
  redrawsPerSecond: number;
  problems: string[];
  screenshots: string[];
}

interface LabState {
  status: string;
  points: Point[];
  msPerEpoch: number[];
  redraws: number;
  inputDelays: number[];
  maskChanges: number;
  mc?: unknown;
}

const labState = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __lab: LabState }).__lab);

/** The same run in Deno, on the digits file the site serves. */
function denoReference(site: string, settings: LabSettings): Point[] {
  const bytes = Deno.readFileSync(join(site, digitsFile(settings.res)));
  return trainEpochs(createSession(labData(bytes, settings.res), settings), settings.epochs);
}

/** Differences between two runs' measurements, as readable lines (none when bit-equal). */
function differences(browser: Point[], deno: Point[]): string[] {
  const out: string[] = [];
  if (browser.length !== deno.length) {
    out.push(`the browser measured ${browser.length} points, Deno ${deno.length}`);
  }
  deno.forEach((d, e) => {
    const b = browser[e];
    if (!b) return;
    if (!Object.is(b.epoch, d.epoch)) out.push(`epoch ${e}: ${b.epoch} vs ${d.epoch}`);
    d.nets.forEach((net, k) => {
      for (const [key, value] of Object.entries(net)) {
        const got = (b.nets[k] as unknown as Record<string, number>)[key];
        if (!Object.is(got, value)) {
          out.push(
            `epoch ${e}, ${k ? "without" : "with"} dropout, ${key}: ${got} vs Deno ${value}`,
          );
        }
      }
    });
  });
  return out;
}

/**
 * Opens the lab, trains, compares with Deno, probes responsiveness, saves screenshots.
 *
 * @param context A browser context (see `../browser/chromium.ts`).
 * @param baseUrl Where the site is served, ending in `/`.
 * @param site The built site's folder (for the digits file Deno reads).
 * @param shots The folder for the screenshots.
 * @returns What was found.
 */
export async function checkLab(
  context: BrowserContext,
  baseUrl: string,
  site: string,
  shots: string,
): Promise<LabResult> {
  Deno.mkdirSync(shots, { recursive: true });
  const { settings } = parseSettings(CHECK_QUERY);
  const problems: string[] = [], screenshots: string[] = [];
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${baseUrl}lab.html${CHECK_QUERY}`, { waitUntil: "load" });
  // Start, stop, start again: the second run must be a fresh one, equal to Deno's.
  await page.click("#lab-train");
  await page.waitForFunction(() =>
    (globalThis as unknown as { __lab: LabState }).__lab.status === "training"
  );
  await page.click("#lab-stop");
  await page.waitForFunction(
    () => (globalThis as unknown as { __lab: LabState }).__lab.status === "stopped",
    undefined,
    { timeout: 30_000 },
  ).catch(() => problems.push("Stop did not stop the run"));
  await page.click("#lab-train");
  await page.waitForFunction(() =>
    (globalThis as unknown as { __lab: LabState }).__lab.status === "training"
  );
  const before = await labState(page);
  const started = Date.now();
  let clicks = 0;
  // The probe: click the log-scale box, again and again, while the worker trains.
  while ((await labState(page)).status === "training" && Date.now() - started < 120_000) {
    await page.click("input[name=log]");
    clicks++;
  }
  const seconds = (Date.now() - started) / 1000;
  await page.waitForFunction(
    () => (globalThis as unknown as { __lab: LabState }).__lab.mc !== undefined,
    undefined,
    { timeout: 60_000 },
  ).catch(() => problems.push("no Monte-Carlo result after training"));
  const after = await labState(page);
  if (after.status !== "done") problems.push(`the run ended as "${after.status}"`);
  const deno = denoReference(site, settings);
  problems.push(...differences(after.points, deno));
  const redraws = after.redraws - before.redraws;
  if (redraws < 5 * seconds * 0.8 || after.maskChanges < 2) {
    problems.push(
      `charts redrawn ${redraws} times in ${
        seconds.toFixed(1)
      } s, mask changed ${after.maskChanges} times`,
    );
  }
  const inked = await page.evaluate(() => {
    const canvas = (globalThis as unknown as {
      document: {
        getElementById(
          id: string,
        ): { getContext(k: string): unknown; width: number; height: number };
      };
    }).document.getElementById("chart-loss");
    const ctx = canvas.getContext("2d") as {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let orange = 0, blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > 180 && data[i + 2] < 80 && data[i + 3] > 200) orange++;
      if (data[i + 2] > 140 && data[i] < 80 && data[i + 3] > 200) blue++;
    }
    return { orange, blue };
  });
  if (inked.orange < 50 || inked.blue < 50) {
    problems.push(`the loss chart has few drawn lines (${JSON.stringify(inked)})`);
  }
  const delays = after.inputDelays.slice(before.inputDelays.length);
  const maxInputDelayMs = Math.max(0, ...delays);
  if (clicks < 3 || delays.length < clicks) {
    problems.push(`${clicks} clicks during training, ${delays.length} handled`);
  }
  if (maxInputDelayMs >= 200) problems.push(`max input delay ${maxInputDelayMs.toFixed(0)} ms`);
  // The screenshots show a longer run, where the gap between the two networks opens.
  const desktop = join(shots, "lab-desktop.png");
  await screenshotRun(page, `${baseUrl}lab.html${SHOWCASE_QUERY}&run`, desktop, problems);
  screenshots.push(desktop);
  await page.close();

  // A phone: the controls stack, the charts stay legible.
  const phone = await context.newPage();
  phone.on("pageerror", (e) => problems.push(`phone page error: ${e.message}`));
  await phone.setViewportSize({ width: 390, height: 844 });
  const mobile = join(shots, "lab-phone.png");
  await screenshotRun(phone, `${baseUrl}lab.html${PHONE_QUERY}&run`, mobile, problems);
  screenshots.push(mobile);
  const overflow = await phone.evaluate(() => {
    const d = (globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });
  if (overflow > 0) problems.push(`phone: the page is ${overflow} px wider than the screen`);
  await phone.close();

  return {
    epochs: after.points.length - 1, // the first point is before training
    equal: deno.length > 0 && differences(after.points, deno).length === 0,
    maxInputDelayMs,
    clicks,
    msPerEpoch: Math.min(...after.msPerEpoch),
    redrawsPerSecond: redraws / seconds,
    problems,
    screenshots,
  };
}
