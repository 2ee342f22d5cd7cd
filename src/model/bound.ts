/** How a target binds: the model's own rule, shared by the plan's wording and the results' judgement. */

export type Bound = 'exact' | 'atLeast' | 'atMost';

/** How an item's target binds when the data does not say: at most where lower is better, at least otherwise. */
export function boundOf(item: { bound?: Bound; lowerIsBetter: boolean }): Bound {
  return item.bound ?? (item.lowerIsBetter ? 'atMost' : 'atLeast');
}
