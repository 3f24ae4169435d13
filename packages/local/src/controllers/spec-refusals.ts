// The engine acts only on what the API's rules allow. An object stored before a rule existed (or
// written around admission) is checked again with the same rules, the SDK's, before anything is
// done; the status then says which field is refused instead of claiming it was applied.
import { validatePostgres } from '@hikube/sdk/kubernetes';

export interface SpecRefusal {
  readonly path: string;
  readonly message: string;
}

/** The spec's rule violations; unknown fields are left to admission's fieldValidation. */
export function specRefusals(object: unknown): SpecRefusal[] {
  return validatePostgres(object)
    .filter((issue) => issue.path.startsWith('spec') && issue.rule !== 'additionalProperties')
    .map(({ path, message }) => ({ path, message }));
}
