/**
 * The experimental half of `deno task falsify`: re-judges the evidence that
 * the executed lessons stored with each experimental verdict, in worlds where
 * the claim is false. (Placeholder until the claim engine's `decide` lands.)
 *
 * @module
 */

/** One re-judged claim: whether every false world was rejected, and how. */
export interface Rejudged {
  id: string;
  rejected: boolean;
  how: string;
}

/** Re-judges every stored experimental verdict under the notebooks folder. */
export function rejudge(_notebookDir: string): Rejudged[] {
  return [];
}
