export interface ScalePlan {
  /** Ordinals to create (as standbys, or instance 1 as primary when nothing exists). */
  readonly add: number[];
  /** Ordinals to remove: highest-numbered standbys first, never the primary. */
  readonly remove: number[];
}

/** Turn the current ordinals and the desired count into instances to add and remove. */
export function planScale(existing: readonly number[], desired: number, primary: number | undefined): ScalePlan {
  const have = [...new Set(existing)].sort((a, b) => a - b);
  const want = Math.max(desired, primary === undefined ? 0 : 1);
  if (have.length > want) {
    const standbys = have.filter((n) => n !== primary).sort((a, b) => b - a);
    return { add: [], remove: standbys.slice(0, have.length - want).sort((a, b) => b - a) };
  }
  const add: number[] = [];
  for (let n = 1; add.length < want - have.length; n++) if (!have.includes(n)) add.push(n);
  return { add, remove: [] };
}
