/**
 * Part of `deno task check`: no lesson cell ends in a value the kernel would
 * show as the cell's result.
 *
 * The Deno kernel shows the value of a cell's last expression as its result,
 * and in the classic Jupyter UI it sometimes sends that result after it
 * reported the cell finished, so the result lands under the next cell (the
 * browser test has caught `verdict(…)`, a plot, and the `false` that an
 * awaited `exercise(…)` returned). An output sent by an awaited display
 * (`await show(x)`, which returns nothing) was never misfiled.
 *
 * So the last statement of a code cell, if it is an expression (other than
 * an assignment or `x++`, whose value the check lets pass), must have the
 * type `void` or `undefined`: `await show(plot(…))` passes, `plot(…)`,
 * `verdict(…)`, `table(…)`, a bare name, a string, an un-awaited
 * `show(…)` (a Promise) and an awaited call that returns a value fail. The
 * TypeScript checker decides, so a call that returns nothing, like
 * `expect(x).toBe(1)`, is never flagged. Each such expression is wrapped in
 * a call to a declared function that accepts only `void`, in a copy of the
 * notebook's module, and `deno check` reports the ones that are not.
 *
 * Cells are parsed with Deno's own parser, through `Deno.lint.runPlugin`,
 * which Deno offers only under `deno test`: so `deno task check` runs
 * `deno test tools/displays_check.ts`, one test per lesson.
 *
 * @module
 */

/** A cell's last statement when it is an expression whose value the kernel would show. */
export interface LastExpression {
  /** The cell's position among code cells (its `In [n]` after a fresh run). */
  cell: number;
  /** Where the expression statement (without its `;`) starts and ends in the cell's source. */
  start: number;
  end: number;
  /** The expression's text. */
  text: string;
}

// deno-lint-ignore no-explicit-any
type Node = any;

/** The last top-level statement of a cell, parsed by Deno. */
function lastStatement(source: string, name: string): Node {
  let last: Node;
  const plugin: Deno.lint.Plugin = {
    name: "course",
    rules: {
      "last-statement": {
        create: () => ({
          Program(node: Node) {
            last = node.body.at(-1);
          },
        }),
      },
    },
  };
  Deno.lint.runPlugin(plugin, name, source);
  return last;
}

/**
 * Finds each cell whose last statement is an expression the kernel would
 * evaluate as the cell's result: any expression statement except an
 * assignment, `x++` / `x--`, `void …` and `delete …`.
 *
 * @param cells Code cell sources, in order.
 * @returns One entry per such cell (cell numbers count code cells from 1).
 * @example
 * ```ts
 * import { lastExpressions } from "./displays.ts";
 * import { expect } from "expect";
 * const found = lastExpressions(["const f = 1;\nplot(f)", "x = 2;", "await show(f);"]);
 * expect(found.map((e) => [e.cell, e.text])).toEqual([[1, "plot(f)"], [3, "await show(f)"]]);
 * ```
 */
export function lastExpressions(cells: string[]): LastExpression[] {
  const found: LastExpression[] = [];
  cells.forEach((source, i) => {
    const last = lastStatement(source, `cell-${i + 1}.ts`);
    if (last?.type !== "ExpressionStatement") return;
    const e = last.expression;
    if (e.type === "AssignmentExpression" || e.type === "UpdateExpression") return;
    if (e.type === "UnaryExpression" && (e.operator === "void" || e.operator === "delete")) return;
    // The statement's range, not the expression's: it keeps parentheses, as in `({ … });`.
    const [start, statementEnd] = last.range as [number, number];
    const text = source.slice(start, statementEnd).replace(/;\s*$/, "");
    found.push({ cell: i + 1, start, end: start + text.length, text });
  });
  return found;
}

/** The name of the function that guards cell `n`'s last expression. */
export const guardName = (n: number): string => `__cell${n}_endsInAShownValue_awaitADisplay`;

/**
 * Wraps each cell's last expression in a call to its guard, so that the
 * type checker rejects any value that is not `void` or `undefined`.
 *
 * @param cells Code cell sources, in order.
 * @returns The guarded sources, and declarations of the guards to add to the module.
 * @example
 * ```ts
 * import { guardCells, guardName } from "./displays.ts";
 * import { expect } from "expect";
 * const { cells, declarations } = guardCells(["const a = 1;\nplot(a)", "await show(a);"]);
 * expect(cells[0]).toBe(`const a = 1;\n${guardName(1)}(plot(a));`);
 * expect(cells[1]).toBe(`${guardName(2)}(await show(a));`);
 * expect(declarations).toContain(`declare function ${guardName(1)}(value: void | undefined): void;`);
 * ```
 */
export function guardCells(cells: string[]): { cells: string[]; declarations: string } {
  const found = lastExpressions(cells);
  const guarded = [...cells];
  for (const e of found) {
    const source = cells[e.cell - 1];
    const rest = source.slice(e.end).replace(/^\s*;/, "");
    guarded[e.cell - 1] = `${source.slice(0, e.start)}${guardName(e.cell)}(${e.text});${rest}`;
  }
  const declarations = found.map((e) =>
    `declare function ${guardName(e.cell)}(value: void | undefined): void;`
  ).join("\n");
  return { cells: guarded, declarations };
}

/** A cell whose last expression has a value the kernel would show. */
export interface ShownValue {
  /** The generated module's file name, without `.ts` (the notebook's name). */
  module: string;
  cell: number;
  /** The value's type, as the checker names it. */
  type: string;
}

/**
 * Reads `deno check`'s report for the guards that rejected a value.
 *
 * @param report What `deno check` printed (without colours).
 * @returns One entry per rejected guard.
 * @example
 * ```ts
 * import { guardName, shownValues } from "./displays.ts";
 * import { expect } from "expect";
 * const report = "TS2345 [ERROR]: Argument of type 'boolean' is not assignable to " +
 *   `parameter of type 'void'.\n  ${guardName(20)}(await exercise("03.1", a, {}));\n` +
 *   "    at file:///r/.cache/displays/03-masking.ts:12:3\n";
 * expect(shownValues(report)).toEqual([{ module: "03-masking", cell: 20, type: "boolean" }]);
 * ```
 */
export function shownValues(report: string): ShownValue[] {
  const found: ShownValue[] = [];
  for (const block of report.split(/(?=TS\d+ \[ERROR\])/)) {
    const guard = /__cell(\d+)_endsInAShownValue_awaitADisplay\(/.exec(block);
    const where = /at file:\/\/\S*\/([^/\s]+)\.ts:\d+:\d+/.exec(block);
    // A hint block ("Did you forget to use 'await'?") follows some errors: skip it.
    const type = /Argument of type '([\s\S]*?)' is not assignable/.exec(block)?.[1];
    if (!guard || !where || type === undefined) continue;
    found.push({ module: where[1], cell: Number(guard[1]), type: type.replace(/\s+/g, " ") });
  }
  return found;
}
