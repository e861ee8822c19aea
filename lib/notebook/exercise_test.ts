import { expect } from "expect";
import { checkExercise, exercise, provideSolutions } from "./exercise.ts";

const spec = {
  question: "What is the keep probability when p = 0.2?",
  hint: "keep = 1 − p",
  check: (a: number) => Math.abs(a - 0.8) < 1e-9,
};

Deno.test("`exercise()` with no answer checks nothing; with an answer it says whether it passes", async () => {
  provideSolutions(undefined);
  expect((await checkExercise("05.1", undefined, spec)).status).toBe("unanswered");
  expect((await checkExercise("05.1", 0.8, spec)).status).toBe("correct");
  const wrong = await checkExercise("05.1", 0.2, spec); // a wrong answer is a message, not a throw
  expect(wrong.status).toBe("not yet");
  expect(wrong.message["text/plain"]).toContain("Hint: keep = 1 − p");
  expect(await exercise("05.1", 0.8, spec)).toBeUndefined(); // no stray value under the cell
});

Deno.test("`exercise()` under the harness uses the stored solution, and fails if it is wrong or missing", async () => {
  try {
    provideSolutions({ "05.1": 0.8 });
    expect((await checkExercise("05.1", undefined, spec)).status).toBe("correct");
    provideSolutions({ "05.1": 0.2 });
    await expect(exercise("05.1", undefined, spec)).rejects.toThrow(
      "the stored solution of exercise 05.1 fails its check",
    );
    provideSolutions({});
    await expect(exercise("05.1", undefined, spec)).rejects.toThrow("has no solution");
  } finally {
    provideSolutions(undefined);
  }
});

Deno.test("`exercise()` rejects a malformed ID or spec, naming it", async () => {
  await expect(exercise("5.1", 1, spec)).rejects.toThrow('id must look like "03.2"');
  await expect(exercise("05.1", 1, null as never)).rejects.toThrow("spec must be an object");
  expect(() => provideSolutions(3 as never)).toThrow("solutions must be an object");
});
