/// <reference lib="dom" />
/**
 * The lab page: reads the settings from the URL into the controls, starts
 * the training worker on "Train", draws the live charts and the dropout
 * mask as messages arrive (at most once per animation frame), and after
 * training shows Monte-Carlo dropout on a picked digit and the held-out digits
 * the net is least sure of. Bundled to `lab/ui.js`.
 *
 * For the browser test, `globalThis.__lab` exposes the measurements, the
 * redraw count and the input delay of every click.
 *
 * @module
 */
import type { McResult, Point, Unsure } from "../session.ts";
import { type LabSettings, NUMBER_FIELDS, parseSettings, settingsQuery } from "../settings.ts";
import { drawChart, fitCanvas, type Series } from "./chart.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

const COLORS = { dropout: "#d95f02", plain: "#1b6ca8" };
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** What the browser test reads. */
const state = {
  status: "idle" as "idle" | "loading" | "training" | "done" | "stopped",
  settings: undefined as LabSettings | undefined,
  points: [] as Point[],
  msPerEpoch: [] as number[],
  redraws: 0,
  progressMessages: 0,
  inputDelays: [] as number[],
  maskChanges: 0,
  mc: undefined as McResult | undefined,
};
(globalThis as unknown as { __lab: typeof state }).__lab = state;

// Every click's input delay: from the event's time stamp to its handler running.
document.addEventListener("click", (e) => state.inputDelays.push(performance.now() - e.timeStamp), {
  capture: true,
});

const form = $<HTMLFormElement>("lab-controls");
const input = (key: string) => form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement;

function showSettings(settings: LabSettings) {
  for (const [key, value] of Object.entries(settings)) input(key).value = String(value);
}

function readSettings(): LabSettings {
  const params = new URLSearchParams();
  for (const f of NUMBER_FIELDS) params.set(f.key, input(f.key).value);
  params.set("opt", input("opt").value);
  params.set("res", input("res").value);
  const { settings } = parseSettings(params);
  showSettings(settings); // show clamped values
  return settings;
}

// ---- live data -------------------------------------------------------------
let run = 0, stepsPerEpoch = 1, epochs = 1;
let trainMode: [{ x: number; y: number }[], { x: number; y: number }[]] = [[], []];
let masks: Uint8Array[] = [];
let dirty = false;

function schedule() {
  if (dirty) return;
  dirty = true;
  requestAnimationFrame(() => {
    dirty = false;
    draw();
  });
}

function lines(pick: (p: Point) => number) {
  return state.points.map((p) => ({ x: p.epoch, y: pick(p) }));
}

function draw() {
  state.redraws++;
  const log = input("log") as HTMLInputElement;
  const loss: Series[] = [];
  const acc: Series[] = [];
  ([0, 1] as const).forEach((k) => {
    const color = k === 0 ? COLORS.dropout : COLORS.plain;
    loss.push(
      { points: trainMode[k], color, width: 1, alpha: 0.35 },
      { points: lines((p) => p.nets[k].trainLoss), color, width: 1.5, dash: [5, 4] },
      { points: lines((p) => p.nets[k].testLoss), color, width: 2.5 },
    );
    acc.push(
      { points: lines((p) => 100 * p.nets[k].trainAccuracy), color, width: 1.5, dash: [5, 4] },
      { points: lines((p) => 100 * p.nets[k].testAccuracy), color, width: 2.5 },
    );
  });
  drawChart($("chart-loss"), {
    series: loss,
    xMax: epochs,
    xLabel: "epoch",
    yLabel: "cross-entropy loss",
    log: log.checked,
  });
  drawChart($("chart-accuracy"), {
    series: acc,
    xMax: epochs,
    xLabel: "epoch",
    yLabel: "accuracy (%)",
    format: (y) => y.toFixed(0),
  });
  drawMasks();
}

function drawMasks() {
  const canvas = $<HTMLCanvasElement>("mask-strip");
  const rows = Math.max(1, masks.length);
  const ctx = fitCanvas(canvas, Math.min(0.3, 0.05 * rows + 0.02));
  const width = canvas.clientWidth || 300, height = parseFloat(canvas.style.height);
  const rowHeight = height / rows;
  masks.forEach((mask, r) => {
    const cell = width / mask.length;
    for (let j = 0; j < mask.length; j++) {
      ctx.fillStyle = mask[j] ? COLORS.dropout : "#eef1f4";
      ctx.fillRect(
        j * cell,
        r * rowHeight + 1,
        Math.max(1, cell - (cell > 3 ? 1 : 0)),
        rowHeight - 2,
      );
    }
  });
  if (masks.length === 0) {
    ctx.fillStyle = "#59636e";
    ctx.font = "13px system-ui, sans-serif";
    ctx.fillText("no hidden dropout (p = 0): every unit is kept", 8, height / 2 + 4);
  }
}

// ---- after training ----------------------------------------------------------
let images: Record<number, Uint8Array> = {};
let side = 14;

function thumbnail(index: number, caption: string): HTMLElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "lab-digit";
  button.dataset.index = String(index);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = side;
  const ctx = canvas.getContext("2d")!;
  const img = ctx.createImageData(side, side);
  images[index].forEach((v, i) => {
    img.data.set([255 - v, 255 - v, 255 - v, 255], 4 * i);
  });
  ctx.putImageData(img, 0, 0);
  const label = document.createElement("span");
  label.textContent = caption;
  button.append(canvas, label);
  button.addEventListener("click", () => pick(index));
  return button;
}

function showAfter(unsure: Unsure[]) {
  $("lab-after").hidden = false;
  const list = $("lab-unsure");
  list.replaceChildren(
    ...unsure.map((u) =>
      thumbnail(u.index, `a ${u.label}, guessed ${u.guess} (${(100 * u.confidence).toFixed(0)}%)`)
    ),
  );
  const picks = $("lab-picks");
  picks.replaceChildren(
    ...Array.from({ length: 24 }, (_, i) => thumbnail(i, `#${i}`)),
  );
  pick(unsure[0]?.index ?? 0);
}

let picked = 0;
function pick(index: number) {
  picked = index;
  for (const b of document.querySelectorAll<HTMLElement>(".lab-digit")) {
    b.classList.toggle("picked", b.dataset.index === String(index));
  }
  const k = Math.max(
    1,
    Math.min(1000, Math.round(Number(($("lab-k") as HTMLInputElement).value) || 100)),
  );
  send({ type: "mc", index, k });
}

function showMc(index: number, k: number, result: McResult, label: number) {
  state.mc = result;
  const argmax = (a: number[]) => a.indexOf(Math.max(...a));
  const vote = argmax(result.votes), ws = argmax(result.weightScaling);
  $("lab-mc-text").textContent = `Held-out digit #${index} (a ${label}). ` +
    `MC dropout over ${k} thinned networks: most votes for ${vote} (${result.votes[vote]} of ` +
    `${k}), whose mean probability is ${(100 * result.mean[vote]).toFixed(0)}% ± ` +
    `${(100 * result.spread[vote]).toFixed(0)}. ` +
    `Weight scaling: ${ws} at ${(100 * result.weightScaling[ws]).toFixed(0)}%.`;
  const canvas = $<HTMLCanvasElement>("lab-mc");
  const ctx = fitCanvas(canvas, 0.45);
  const width = canvas.clientWidth || 300, height = parseFloat(canvas.style.height);
  const pad = { left: 36, bottom: 22, top: 8 }, h = height - pad.bottom - pad.top;
  const col = (width - pad.left) / 10;
  // The y axis reaches the largest bar, dot or whisker, rounded up to a fifth.
  const top = Math.min(
    1,
    Math.ceil(
      5 * Math.max(
        ...result.votes.map((v) => v / k),
        ...result.mean.map((m, c) => m + result.spread[c]),
        ...result.weightScaling,
      ),
    ) / 5,
  );
  const y = (v: number) => pad.top + (1 - Math.min(v, top) / top) * h;
  ctx.font = "12px system-ui, sans-serif";
  ctx.fillStyle = "#59636e";
  ctx.textAlign = "right";
  for (const v of [0, top / 2, top]) {
    ctx.fillText(`${Math.round(v * 100)}%`, pad.left - 4, y(v) + 4);
  }
  ctx.textAlign = "center";
  for (let c = 0; c < 10; c++) {
    const x = pad.left + c * col;
    ctx.fillStyle = "#f3d3bf";
    const share = result.votes[c] / k;
    ctx.fillRect(x + col * 0.1, y(share), col * 0.35, y(0) - y(share));
    ctx.fillStyle = COLORS.dropout;
    const m = result.mean[c], s = result.spread[c];
    ctx.fillRect(x + col * 0.45, y(m), col * 0.2, y(0) - y(m));
    ctx.strokeStyle = "#333";
    ctx.beginPath();
    ctx.moveTo(x + col * 0.55, y(m + s));
    ctx.lineTo(x + col * 0.55, y(Math.max(0, m - s)));
    ctx.stroke();
    ctx.fillStyle = "#111";
    const w = result.weightScaling[c];
    ctx.beginPath();
    ctx.arc(x + col * 0.8, y(w), 3.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = c === label ? "#111" : "#59636e";
    ctx.fillText(String(c), x + col / 2, height - 6);
  }
}

// ---- the worker ----------------------------------------------------------------
let worker: Worker | undefined;

function send(message: ToWorker) {
  worker ??= startWorker();
  worker.postMessage(message);
}

function startWorker(): Worker {
  const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  w.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
  w.onerror = (event) => setStatus(`the training worker failed: ${event.message}`);
  return w;
}

function setStatus(text: string) {
  $("lab-status").textContent = text;
}

function receive(m: FromWorker) {
  if ("run" in m && m.run !== run) return; // a message from a run already replaced
  switch (m.type) {
    case "loading":
      state.status = "loading";
      setStatus(`loading the ${m.side}×${m.side} digits…`);
      break;
    case "start":
      state.status = "training";
      stepsPerEpoch = m.stepsPerEpoch;
      setStatus(`training: epoch 0 of ${epochs}`);
      break;
    case "progress": {
      state.progressMessages++;
      const x = m.step / stepsPerEpoch;
      m.losses.forEach((ls, k) => {
        if (ls.length) trainMode[k].push({ x, y: ls.reduce((a, b) => a + b, 0) / ls.length });
      });
      if (m.masks.some((mask, r) => mask.some((v, j) => v !== masks[r]?.[j]))) state.maskChanges++;
      masks = m.masks;
      schedule();
      break;
    }
    case "point": {
      state.points.push(m.point);
      if (m.msPerEpoch === null) break; // the measurement before training
      state.msPerEpoch.push(m.msPerEpoch);
      const [d, p] = m.point.nets;
      setStatus(
        `epoch ${Math.round(m.point.epoch)} of ${epochs} · held-out accuracy ` +
          `${(100 * d.testAccuracy).toFixed(1)}% with dropout, ${
            (100 * p.testAccuracy).toFixed(1)
          }% ` +
          `without · ${Math.round(m.msPerEpoch)} ms per epoch (both nets)`,
      );
      schedule();
      break;
    }
    case "done":
      state.status = m.stopped ? "stopped" : "done";
      images = m.images, side = m.side;
      $<HTMLButtonElement>("lab-stop").disabled = true;
      setStatus(`${$("lab-status").textContent} · ${m.stopped ? "stopped" : "done"}`);
      showAfter(m.unsure);
      break;
    case "mc":
      showMc(m.index, m.k, m.result, m.label);
      break;
    case "error":
      setStatus(`error: ${m.message}`);
      break;
  }
}

function train() {
  const settings = readSettings();
  history.replaceState(null, "", settingsQuery(settings) || location.pathname);
  run++;
  state.settings = settings;
  state.points = [], state.msPerEpoch = [], state.maskChanges = 0, state.mc = undefined;
  state.status = "loading";
  trainMode = [[], []], masks = [];
  epochs = settings.epochs;
  $("lab-after").hidden = true;
  $<HTMLButtonElement>("lab-stop").disabled = false;
  send({ type: "train", settings, run });
  schedule();
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  train();
});
$("lab-stop").addEventListener("click", () => send({ type: "stop" }));
input("log").addEventListener("change", schedule);
$("lab-k").addEventListener("change", () => pick(picked));
addEventListener("resize", schedule);

const { settings, adjusted } = parseSettings(location.search);
showSettings(settings);
epochs = settings.epochs;
if (adjusted.length) setStatus(`out of range in the link, adjusted: ${adjusted.join(", ")}`);
schedule();
if (new URLSearchParams(location.search).has("run")) train();
