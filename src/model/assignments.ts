/**
 * Which indicators and tasks each unit leads or supports: resolving the ids a
 * unit names into the campaign's indicators and tasks, and the inverse (who
 * leads a given indicator or task).
 */
import type { Campaign, Indicator, Task, TaskRef, Unit } from './schema.js';

/** An indicator as assigned: whole, or one of its items. */
export interface IndicatorPick {
  indicator: Indicator;
  /** Index of the single item assigned, or null for the whole indicator. */
  item: number | null;
}

/** A task as assigned: whole, or some of its dash items (indices from 0). */
export interface TaskPick {
  task: Task;
  items: number[] | null;
}

export function indicatorLookup(c: Campaign): Map<string, IndicatorPick> {
  const map = new Map<string, IndicatorPick>();
  for (const g of c.indicatorGroups) {
    for (const indicator of g.indicators) {
      map.set(indicator.id, { indicator, item: null });
      indicator.items.forEach((it, i) => map.set(it.id, { indicator, item: i }));
    }
  }
  return map;
}

export function taskLookup(c: Campaign): Map<string, Task> {
  return new Map(c.tasks.map((t) => [t.id, t]));
}

export const taskRefId = (ref: TaskRef): string => (typeof ref === 'string' ? ref : ref.task);

/** The picks of an assignment, in the campaign's own order; unknown ids are left out (validation reports them). */
export function resolveAssignment(
  c: Campaign,
  a: { indicators: string[]; tasks: TaskRef[] },
): { indicators: IndicatorPick[]; tasks: TaskPick[] } {
  const indicators = indicatorLookup(c);
  const picks = a.indicators.flatMap((id) => indicators.get(id) ?? []);
  const order = (p: IndicatorPick) => p.indicator.code * 1000 + (p.item ?? -1);
  const tasks = c.tasks.flatMap((task): TaskPick[] => {
    const refs = a.tasks.filter((r) => taskRefId(r) === task.id);
    if (!refs.length) return [];
    if (refs.some((r) => typeof r === 'string')) return [{ task, items: null }];
    const items = [...new Set(refs.flatMap((r) => (typeof r === 'string' ? [] : r.items.map((n) => n - 1))))]
      .filter((i) => i < task.items.length)
      .sort((x, y) => x - y);
    return [{ task, items }];
  });
  return { indicators: picks.sort((x, y) => order(x) - order(y)), tasks };
}

/** Whether a unit's assignment covers an indicator item, or a task's dash item (null: the task itself). */
export function leadsIndicatorItem(unit: Unit, indicator: Indicator, item: number): boolean {
  return unit.leads.indicators.some((id) => id === indicator.id || id === indicator.items[item]?.id);
}

export function leadsTaskItem(unit: Unit, task: Task, item: number | null): boolean {
  return unit.leads.tasks.some((r) =>
    typeof r === 'string' ? r === task.id : r.task === task.id && item !== null && r.items.includes(item + 1),
  );
}
