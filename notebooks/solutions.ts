/**
 * The answers to every exercise in the lessons, by exercise ID (`"03.2"` is
 * lesson 3's second exercise). The lessons ship their exercises unanswered;
 * `deno test` injects these answers (tests/_notebook.ts) and checks each one,
 * which proves every exercise can be solved. Each lesson also shows its
 * answer in a collapsed "Solution" cell after the exercise.
 *
 * For an exercise that asks for code, the answer is a function.
 *
 * @module
 */
export const solutions: Record<string, unknown> = {
  // Lesson 7: two sweeps from the dropout paper.
  "07.1": 4.303,
  "07.2": (rows: { validGain: number[]; gain: number[] }[]) => {
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const chosen = rows.reduce((a, b) => (mean(b.validGain) > mean(a.validGain) ? b : a));
    return Math.max(...rows.map((r) => mean(r.gain))) - mean(chosen.gain);
  },
  "07.3": 13,
  // End of lesson 7.
};
