/**
 * The lab's settings: what the controls set and the URL carries
 * (`lab.html?p=0.5&width=256&n=500`), with their ranges and defaults. Shared by
 * the page, its worker, the lesson presets and the Deno reference run.
 *
 * @module
 */

/** Everything one lab run depends on. */
export interface LabSettings {
  /** Drop probability on the inputs. */
  pIn: number;
  /** Drop probability after each hidden layer. */
  p: number;
  /** Units per hidden layer. */
  width: number;
  /** Hidden layers. */
  depth: number;
  /** Training digits (the first n of the lab's training subset). */
  n: number;
  /** Passes over the training set. */
  epochs: number;
  /** Learning rate. */
  lr: number;
  /** Seeds the weights, the masks and the shuffling: both networks share it. */
  seed: number;
  /** `"adam"` or `"sgd"` (SGD with momentum 0.9). */
  opt: "adam" | "sgd";
  /** Digits per step. */
  batch: number;
  /** Image side: 14 (downsampled) or 28 (the package's resolution). */
  res: 14 | 28;
}

/** One numeric setting's range, default and label. */
interface NumberField {
  key: Exclude<keyof LabSettings, "opt" | "res">;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  integer: boolean;
}

/** The numeric settings, in the order the controls show them. */
export const NUMBER_FIELDS: readonly NumberField[] = [
  { key: "pIn", label: "input drop p", min: 0, max: 0.9, step: 0.05, value: 0.2, integer: false },
  { key: "p", label: "hidden drop p", min: 0, max: 0.9, step: 0.05, value: 0.5, integer: false },
  { key: "width", label: "hidden width", min: 4, max: 1024, step: 4, value: 128, integer: true },
  { key: "depth", label: "hidden layers", min: 1, max: 4, step: 1, value: 2, integer: true },
  { key: "n", label: "training digits", min: 20, max: 3000, step: 10, value: 500, integer: true },
  { key: "epochs", label: "epochs", min: 1, max: 300, step: 1, value: 40, integer: true },
  {
    key: "lr",
    label: "learning rate",
    min: 1e-5,
    max: 1,
    step: 0.0001,
    value: 0.002,
    integer: false,
  },
  { key: "batch", label: "batch size", min: 1, max: 500, step: 1, value: 50, integer: true },
  { key: "seed", label: "seed", min: 0, max: 2 ** 31 - 1, step: 1, value: 1, integer: true },
];

/** The settings a reader sees first. */
export const DEFAULTS: LabSettings = {
  ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, f.value])),
  opt: "adam",
  res: 14,
} as LabSettings;

/**
 * Reads settings from a URL query, keeping the default for anything missing
 * and clamping what is out of range (a link should open, not throw).
 *
 * @param query A query string (`"?p=0.5&n=300"`) or its parameters.
 * @returns Complete settings, and the names of the values that were ignored or clamped.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { parseSettings } from "./settings.ts";
 * const { settings, adjusted } = parseSettings("?p=0.3&n=99999&opt=sgd");
 * expect([settings.p, settings.n, settings.opt, adjusted]).toEqual([0.3, 3000, "sgd", ["n"]]);
 * ```
 */
export function parseSettings(
  query: string | URLSearchParams,
): { settings: LabSettings; adjusted: string[] } {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const settings = { ...DEFAULTS }, adjusted: string[] = [];
  for (const f of NUMBER_FIELDS) {
    const raw = params.get(f.key);
    if (raw === null) continue;
    const v = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(v)) {
      adjusted.push(f.key);
      continue;
    }
    const clamped = Math.min(f.max, Math.max(f.min, f.integer ? Math.round(v) : v));
    if (clamped !== v) adjusted.push(f.key);
    settings[f.key] = clamped;
  }
  const opt = params.get("opt");
  if (opt === "adam" || opt === "sgd") settings.opt = opt;
  else if (opt !== null) adjusted.push("opt");
  const res = params.get("res");
  if (res === "14" || res === "28") settings.res = Number(res) as 14 | 28;
  else if (res !== null) adjusted.push("res");
  return { settings, adjusted };
}

/**
 * The query string for settings, naming only what differs from the defaults.
 *
 * @param settings Complete or partial settings.
 * @returns A query string starting with `?`, or `""` for the defaults.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { DEFAULTS, settingsQuery } from "./settings.ts";
 * expect(settingsQuery({ ...DEFAULTS, p: 0 })).toBe("?p=0");
 * ```
 */
export function settingsQuery(settings: Partial<LabSettings>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined && value !== DEFAULTS[key as keyof LabSettings]) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Where the site keeps the packed lab digits at one resolution, relative to the site's root.
 *
 * @param side 14 or 28.
 * @returns A relative path.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { digitsFile } from "./settings.ts";
 * expect(digitsFile(14)).toBe("lab/digits-14.bin");
 * ```
 */
export function digitsFile(side: 14 | 28): string {
  return `lab/digits-${side}.bin`;
}
