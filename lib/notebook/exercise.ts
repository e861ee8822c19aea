/**
 * Exercises that ship unanswered. A lesson cell holds a placeholder answer
 * (`undefined`) and calls {@linkcode exercise}: until the reader fills it in,
 * the cell shows the question and a hint and checks nothing; with an answer,
 * it says whether the answer passes the check.
 *
 * `deno test` proves every exercise solvable: the notebook harness injects
 * the answers from `notebooks/solutions.ts` with {@linkcode provideSolutions},
 * and then a wrong or missing solution fails the cell.
 *
 * @module
 */
import { describe } from "../nn/_check.ts";
import { type MimeBundle, show } from "./display.ts";

/** What an exercise asks, how to start, and how to check an answer. */
export interface ExerciseSpec<T> {
  /** The question, in one or two sentences. */
  question: string;
  /** A hint that points the way without giving the answer. */
  hint: string;
  /** Returns `true` (or nothing) when the answer is right; `false` or a throw when not. */
  check: (answer: T) => boolean | void | Promise<boolean | void>;
}

const SOLUTIONS = Symbol.for("dropout-course.solutions");
type Store = { [SOLUTIONS]?: Record<string, unknown> };

/**
 * Supplies the answers of every exercise (the test harness calls this with
 * `notebooks/solutions.ts`); from then on {@linkcode exercise} uses a solution
 * in place of a missing answer and fails if the solution does not pass.
 *
 * @param solutions Answers by exercise ID (`"03.2"`), or `undefined` to stop.
 * @example
 * ```ts
 * import { exercise, provideSolutions } from "./exercise.ts";
 * provideSolutions({ "00.1": 4 });
 * await exercise("00.1", undefined, { question: "2 + 2?", hint: "count", check: (a) => a === 4 });
 * provideSolutions(undefined);
 * ```
 */
export function provideSolutions(solutions: Record<string, unknown> | undefined): void {
  if (solutions !== undefined && (solutions === null || typeof solutions !== "object")) {
    throw new TypeError(`solutions must be an object of answers by ID, got ${describe(solutions)}`);
  }
  (globalThis as Store)[SOLUTIONS] = solutions;
}

/**
 * Runs an exercise. With no answer it shows the question and the hint. With
 * an answer it runs the check and shows whether the answer passes (in a
 * notebook a wrong answer is a message, not an error). Under the test harness
 * a missing answer is replaced by the stored solution, which must pass.
 *
 * @param id The exercise's ID, `"<lesson>.<n>"`, such as `"03.2"`.
 * @param answer The reader's answer, or `undefined` while there is none.
 * @param spec The question, a hint and the check.
 * @returns A promise that settles once the message is shown (nothing, so that a cell that
 *   ends with the call shows no stray value).
 * @example
 * ```ts
 * import { exercise } from "./exercise.ts";
 * const spec = { question: "How many masks has a 3-unit layer?", hint: "2 choices per unit",
 *   check: (a: number) => a === 8 };
 * await exercise("02.1", undefined, spec); // shows the question and the hint
 * await exercise("02.1", 8, spec); // shows "correct"
 * ```
 */
export async function exercise<T>(
  id: string,
  answer: T | undefined,
  spec: ExerciseSpec<T>,
): Promise<void> {
  await show((await checkExercise(id, answer, spec)).message);
}

/** What {@linkcode checkExercise} found, and the message to show. */
export interface ExerciseResult {
  /** "unanswered", "correct" or "not yet". */
  status: "unanswered" | "correct" | "not yet";
  /** The message to show, as a MIME bundle. */
  message: MimeBundle;
}

/**
 * Checks an exercise without showing anything: the work behind
 * {@linkcode exercise}. Under the test harness a missing answer is replaced
 * by the stored solution, and a solution that fails throws.
 *
 * @param id The exercise's ID, `"<lesson>.<n>"`, such as `"03.2"`.
 * @param answer The reader's answer, or `undefined` while there is none.
 * @param spec The question, a hint and the check.
 * @returns The status and the message to show.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkExercise } from "./exercise.ts";
 * const spec = { question: "keep when p = 0.2?", hint: "1 − p", check: (a: number) => a === 0.8 };
 * expect((await checkExercise("05.1", 0.8, spec)).status).toBe("correct");
 * ```
 */
export async function checkExercise<T>(
  id: string,
  answer: T | undefined,
  spec: ExerciseSpec<T>,
): Promise<ExerciseResult> {
  if (typeof id !== "string" || !/^[0-9]{2}[a-z]?\.[0-9]+$/.test(id)) {
    throw new RangeError(`id must look like "03.2" (lesson.number), got ${describe(id)}`);
  }
  if (spec === null || typeof spec !== "object" || typeof spec.check !== "function") {
    throw new TypeError(
      `spec must be an object with question, hint and check, got ${describe(spec)}`,
    );
  }
  const solutions = (globalThis as Store)[SOLUTIONS];
  const injected = answer === undefined && solutions !== undefined;
  if (injected && !(id in solutions)) {
    throw new RangeError(`exercise ${id} has no solution in notebooks/solutions.ts`);
  }
  const given = injected ? solutions[id] as T : answer;
  if (given === undefined) {
    return {
      status: "unanswered",
      message: {
        "text/markdown": `**Exercise ${id}.** ${spec.question}\n\n*Hint:* ${spec.hint}\n\n` +
          "Put your answer in place of `undefined` above and run the cell again.",
        "text/plain": `Exercise ${id}. ${spec.question}\nHint: ${spec.hint}`,
      },
    };
  }
  let passed: boolean;
  let reason = "";
  try {
    passed = (await spec.check(given)) !== false;
  } catch (error) {
    passed = false;
    reason = error instanceof Error ? error.message : String(error);
  }
  if (injected && !passed) {
    throw new Error(
      `the stored solution of exercise ${id} fails its check${reason && `: ${reason}`}`,
    );
  }
  return passed ? { status: "correct", message: { "text/plain": `Exercise ${id}: correct.` } } : {
    status: "not yet",
    message: {
      "text/markdown": `**Exercise ${id}:** not yet${
        reason && ` (${reason})`
      }. *Hint:* ${spec.hint}`,
      "text/plain": `Exercise ${id}: not yet${reason && ` (${reason})`}. Hint: ${spec.hint}`,
    },
  };
}
