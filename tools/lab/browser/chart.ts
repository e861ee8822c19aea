/// <reference lib="dom" />
/**
 * A small line chart on a canvas, redrawn whole each time (a few hundred
 * points per series, well under a millisecond): axes with round ticks, a
 * linear or log y axis, solid or dashed lines. Sized to its element's CSS
 * width and the screen's pixel ratio, so it stays sharp and legible on a phone.
 *
 * @module
 */

/** One line. */
export interface Series {
  points: { x: number; y: number }[];
  color: string;
  width?: number;
  dash?: number[];
  alpha?: number;
}

/** What to draw. */
export interface ChartSpec {
  series: Series[];
  xMax: number;
  xLabel: string;
  yLabel: string;
  /** Fixed y range; otherwise fitted to the data. */
  yRange?: [number, number];
  log?: boolean;
  format?: (y: number) => string;
}

/** Fits a canvas's backing store to its CSS size and returns its 2D context, in CSS pixels. */
export function fitCanvas(canvas: HTMLCanvasElement, aspect: number): CanvasRenderingContext2D {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = canvas.clientWidth || 300, height = Math.round(width * aspect);
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

function niceStep(span: number, count: number): number {
  const raw = span / count, base = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * base).find((s) => s >= raw) ?? raw;
}

/**
 * Draws a line chart.
 *
 * @param canvas The canvas (its CSS width sets the size).
 * @param spec Series, axes and labels.
 */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): void {
  const narrow = (canvas.clientWidth || 300) < 420;
  const ctx = fitCanvas(canvas, narrow ? 0.72 : 0.62);
  const width = canvas.clientWidth || 300, height = parseFloat(canvas.style.height);
  const pad = { left: 46, right: 10, top: 10, bottom: 34 };
  const w = width - pad.left - pad.right, h = height - pad.top - pad.bottom;
  const ys = spec.series.flatMap((s) => s.points.map((p) => p.y)).filter((y) =>
    Number.isFinite(y) && (!spec.log || y > 0)
  );
  let [lo, hi] = spec.yRange ?? [Math.min(...ys, Infinity), Math.max(...ys, -Infinity)];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = spec.log ? [0.01, 3] : [0, 1];
  if (spec.log) [lo, hi] = [Math.log10(Math.max(lo, 1e-4)), Math.log10(hi)];
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.5, hi + 0.5];
  const margin = spec.yRange ? 0 : (hi - lo) * 0.05;
  lo -= margin, hi += margin;
  const X = (x: number) => pad.left + (x / spec.xMax) * w;
  const Y = (y: number) => pad.top + (1 - ((spec.log ? Math.log10(y) : y) - lo) / (hi - lo)) * h;
  const format = spec.format ?? ((y: number) => String(+y.toPrecision(2)));

  ctx.font = "12px system-ui, sans-serif";
  ctx.fillStyle = "#59636e";
  ctx.strokeStyle = "#e3e8ee";
  ctx.lineWidth = 1;
  // y ticks: decades and their 2× and 5× on a log axis, round steps otherwise.
  const yTicks: number[] = [];
  if (spec.log) {
    for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
      for (const m of hi - lo > 2.5 ? [1] : [1, 2, 5]) {
        const v = m * 10 ** e;
        if (Math.log10(v) >= lo && Math.log10(v) <= hi) yTicks.push(v);
      }
    }
  } else {
    const step = niceStep(hi - lo, 4);
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) yTicks.push(v);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const v of yTicks) {
    ctx.beginPath();
    ctx.moveTo(pad.left, Y(v));
    ctx.lineTo(pad.left + w, Y(v));
    ctx.stroke();
    ctx.fillText(format(v), pad.left - 5, Y(v));
  }
  const xStep = niceStep(spec.xMax, narrow ? 4 : 6);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let v = 0; v <= spec.xMax + 1e-9; v += xStep) {
    ctx.fillText(String(+v.toPrecision(3)), X(v), pad.top + h + 4);
  }
  ctx.fillText(spec.xLabel, pad.left + w / 2, pad.top + h + 19);
  ctx.save();
  ctx.translate(11, pad.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(spec.yLabel, 0, -6);
  ctx.restore();
  ctx.strokeStyle = "#8c959f";
  ctx.strokeRect(pad.left, pad.top, w, h);

  ctx.save();
  ctx.beginPath();
  ctx.rect(pad.left, pad.top, w, h);
  ctx.clip();
  for (const s of spec.series) {
    ctx.strokeStyle = s.color;
    ctx.globalAlpha = s.alpha ?? 1;
    ctx.lineWidth = s.width ?? 2;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    let started = false;
    for (const p of s.points) {
      if (!Number.isFinite(p.y) || (spec.log && p.y <= 0)) continue;
      started ? ctx.lineTo(X(p.x), Y(p.y)) : ctx.moveTo(X(p.x), Y(p.y));
      started = true;
    }
    ctx.stroke();
    if (s.points.length === 1) {
      ctx.fillStyle = s.color;
      ctx.fillRect(X(s.points[0].x) - 2, Y(s.points[0].y) - 2, 4, 4);
    }
  }
  ctx.restore();
}
