/**
 * Part of `deno task check`: no lesson leaves a display as a cell's bare
 * last expression.
 *
 * The Deno kernel turns a cell's last expression into its result, and in
 * the classic Jupyter UI it sometimes sends that result after it reported
 * the cell finished, so the output lands under the next cell. An awaited
 * display (`await show(x)`) was never misfiled. So the last statement of
 * every code cell must not be an expression whose value the kernel would
 * show: `plot(…)`, `verdict(…)`, `table(…)`, a bare name, an object.
 *
 * Allowed as a last statement: anything that is not an expression
 * (declarations, `if`, loops), an `await`, an assignment, `x++`, `void …`,
 * and calls that return nothing (`expect(…)…`, `console.…`, `assert…(…)`,
 * `Deno.test(…)`), which the kernel never shows. Cells are parsed with
 * Deno's own parser, through `Deno.lint.runPlugin`, which Deno offers only
 * under `deno test`: so `deno task check` runs `deno test tools/displays_check.ts`,
 * one test per lesson.
 *
 * @module
 */
/** A cell whose last statement the kernel would display. */
export interface BareDisplay {
  /** The cell's position among code cells (its `In [n]` after a fresh run). */
  cell: number;
  /** The offending statement's text. */
  statement: string;
}

/** Calls whose result is nothing to show: assertions and logging. */
const SILENT_CALL = /^(expect|assert\w*|console\.\w+|Deno\.test)\b/;

// deno-lint-ignore no-explicit-any
type Node = any;

/** The callee chain of a call: `expect(a).toBe(b)` → `expect`; `console.log(x)` → `console.log`. */
function calleeRoot(node: Node, source: string): string {
  let callee = node.callee;
  while (callee) {
    if (callee.type === "CallExpression") callee = callee.callee;
    else if (callee.type === "MemberExpression" && callee.object.type === "CallExpression") {
      callee = callee.object;
    } else break;
  }
  return callee ? source.slice(callee.range[0], callee.range[1]) : "";
}

/** `true` when the kernel shows nothing for this last statement. */
function isSilent(statement: Node, source: string): boolean {
  if (statement.type !== "ExpressionStatement") return true;
  let e = statement.expression;
  while (e.type === "TSAsExpression" || e.type === "TSNonNullExpression") e = e.expression;
  switch (e.type) {
    case "AwaitExpression":
    case "AssignmentExpression":
    case "UpdateExpression":
      return true;
    case "UnaryExpression":
      return e.operator === "void" || e.operator === "delete";
    case "CallExpression":
      return SILENT_CALL.test(calleeRoot(e, source));
    case "ChainExpression":
      return e.expression.type === "CallExpression" &&
        SILENT_CALL.test(calleeRoot(e.expression, source));
    default:
      return false;
  }
}

/**
 * Finds the cells whose last statement would be displayed by the kernel.
 *
 * @param cells Code cell sources, in order.
 * @returns One entry per offending cell (cell numbers count code cells from 1).
 * @example
 * ```ts
 * import { bareDisplays } from "./displays.ts";
 * import { expect } from "expect";
 * expect(bareDisplays(["const f = 1;\nplot(f)", "await show(plot(f));", "expect(1).toBe(1);"]))
 *   .toEqual([{ cell: 1, statement: "plot(f)" }]);
 * ```
 */
export function bareDisplays(cells: string[]): BareDisplay[] {
  const found: BareDisplay[] = [];
  cells.forEach((source, i) => {
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
    Deno.lint.runPlugin(plugin, `cell-${i + 1}.ts`, source);
    if (last && !isSilent(last, source)) {
      found.push({ cell: i + 1, statement: source.slice(last.range[0], last.range[1]).trim() });
    }
  });
  return found;
}

/**
 * One line per bare display, telling the author what to write instead.
 *
 * @param notebook The notebook's name, for the message.
 * @param found What {@linkcode bareDisplays} found.
 * @returns The messages.
 */
export function describeBareDisplays(notebook: string, found: BareDisplay[]): string[] {
  return found.map((d) =>
    `${notebook}: cell ${d.cell} ends with a bare display \`${
      d.statement.split("\n")[0].slice(0, 80)
    }\`: write \`await show(…)\` (the live kernel can file a bare result under the next cell)`
  );
}
