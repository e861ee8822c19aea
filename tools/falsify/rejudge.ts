/**
 * The experimental half of `deno task falsify`: re-judges the evidence that
 * the executed lessons stored with each experimental verdict, in worlds where
 * the claim is false, with the rule the lesson declared. The rule must not
 * say "holds" in any of them.
 *
 * - A paired comparison: the null world keeps the spread of the per-seed
 *   differences but centres them on zero; the reversed world keeps the spread
 *   and moves their mean against the claim, as far from zero as the measured
 *   mean was (plus the margin). Both are built from the claim's direction, not
 *   from the stored result, so a claim the lesson found wrong is tested too.
 * - An equivalence claim: the differences are pushed three bounds away from
 *   zero, above and below.
 * - A McNemar comparison: the discordant counts are made equal (null), and
 *   the larger count is given to the baseline (reversed).
 * - A family: every experimental part is moved into the same world at once;
 *   exact parts stay as they are (mutant libraries test those).
 *
 * @module
 */
import { join } from "node:path";
import { claimsInNotebook } from "../../lib/notebook/claims_table.ts";
import { decide } from "../../lib/notebook/decide.ts";
import type { Evidence, McNemarEvidence, PairedEvidence, Rule } from "../../lib/notebook/rule.ts";

/** One re-judged claim: whether every false world was rejected, and how. */
export interface Rejudged {
  id: string;
  rejected: boolean;
  how: string;
}

type World = "null" | "reversed";
const EXPERIMENTAL = new Set(["paired", "equivalent", "mcnemar"]);

/** Whether a rule (or any part of a family) judges trained networks. */
export function isExperimental(rule: Rule): boolean {
  if (rule.test === "family") return rule.parts.some((part) => EXPERIMENTAL.has(part.test));
  return EXPERIMENTAL.has(rule.test);
}

/** The per-seed evidence moved into a world where the claim is false. */
function movePaired(rule: Rule, data: PairedEvidence, world: World): PairedEvidence {
  const d = data.treatment.map((t, i) => t - data.baseline[i]);
  let moved: number[];
  if (rule.test === "equivalent") {
    const shift = 3 * rule.bound * (world === "null" ? 1 : -1);
    moved = d.map((x) => x + shift);
  } else {
    // Oriented so that a positive difference favours the claim.
    const sign = rule.test === "paired" && rule.better === "lower" ? -1 : 1;
    const o = d.map((x) => sign * x);
    const mean = o.reduce((s, x) => s + x, 0) / o.length;
    const scale = Math.max(...o.map(Math.abs), 1e-12);
    // Centred on zero; if every difference was the same, a tiny alternating spread keeps SE > 0.
    const centred = o.map((x, i) => (x - mean) || (i % 2 === 0 ? 1e-9 : -1e-9) * scale);
    const margin = rule.test === "paired" ? rule.margin : 0;
    const against = world === "null" ? 0 : Math.abs(mean) + margin + 1e-9 * scale;
    moved = centred.map((x) => sign * (x - against));
  }
  return { ...data, treatment: data.baseline.map((b, i) => b + moved[i]) };
}

function moveMcNemar(data: McNemarEvidence, world: World): McNemarEvidence {
  if (!("counts" in data)) {
    throw new TypeError("a stored McNemar record keeps counts; got per-item correctness");
  }
  return {
    ...data,
    counts: data.counts.map(({ onlyBaseline, onlyTreatment }) =>
      world === "reversed"
        ? {
          onlyBaseline: Math.max(onlyBaseline, onlyTreatment),
          onlyTreatment: Math.min(onlyBaseline, onlyTreatment),
        }
        : {
          onlyBaseline: Math.max(onlyBaseline, onlyTreatment),
          onlyTreatment: Math.max(onlyBaseline, onlyTreatment),
        }
    ),
  };
}

/** A rule's stored evidence, moved into a world where the claim is false. */
export function moveEvidence(rule: Rule, data: Evidence, world: World): Evidence {
  switch (rule.test) {
    case "paired":
    case "equivalent":
      return movePaired(rule, data as PairedEvidence, world);
    case "mcnemar":
      return moveMcNemar(data as McNemarEvidence, world);
    case "family": {
      const parts = (data as { parts: Record<string, Evidence> }).parts;
      const moved: Record<string, Evidence> = {};
      for (const part of rule.parts) {
        moved[part.name] = EXPERIMENTAL.has(part.test)
          ? moveEvidence(part as Rule, parts[part.name], world)
          : parts[part.name];
      }
      return { parts: moved };
    }
    default:
      return data;
  }
}

/** Re-judges every stored experimental verdict in the notebooks folder. */
export function rejudge(notebookDir: string): Rejudged[] {
  const found: Rejudged[] = [];
  const names = [...Deno.readDirSync(notebookDir)].map((e) => e.name)
    .filter((name) => name.endsWith(".ipynb")).sort();
  for (const name of names) {
    const records = claimsInNotebook(
      Deno.readTextFileSync(join(notebookDir, name)),
      name,
    ) as (ReturnType<typeof claimsInNotebook>[number] & { rule?: Rule; data?: Evidence })[];
    for (const record of records) {
      if (!record.rule || !record.data || !isExperimental(record.rule)) continue;
      const outcomes = (["null", "reversed"] as World[]).map((world) => ({
        world,
        verdict: decide(record.rule!, moveEvidence(record.rule!, record.data!, world)).verdict,
      }));
      const rejected = outcomes.every((o) => o.verdict !== "holds");
      found.push({
        id: record.id,
        rejected,
        how: `${record.rule.test} rule re-judged: ` +
          outcomes.map((o) => `${o.world} world → "${o.verdict}"`).join(", ") +
          ` (stored verdict "${record.verdict}")`,
      });
    }
  }
  return found;
}
