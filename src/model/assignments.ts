/**
 * Which indicators and tasks each unit leads or supports: resolving the ids a
 * unit names into the plan's indicators and tasks, and the inverse (who
 * leads a given indicator or task). A task's parts are its numbered
 * children, named by their number (from 1) or by their own id.
 */
import type { Campaign, IndicatorItem, Node, TaskNode, TaskRef, Unit } from './schema.js';
import { childrenOf, isItem, isSection, planParts, type IndicatorEntry } from './outline.js';

/** An indicator as assigned: whole, one of its items, or some components of an item. */
export interface IndicatorPick {
  entry: IndicatorEntry;
  /** Index of the single item assigned, or null for the whole indicator. */
  item: number | null;
  /** Of the item, the components assigned (indices), where only they are ("giá trị sản xuất nông lâm, thủy sản"). */
  components?: number[];
}

/** A task as assigned: whole, or some of its numbered children (indices from 0); some sentences of a part; or in the unit's own words. */
export interface TaskPick {
  task: TaskNode;
  items: number[] | null;
  /** Of a part (by index), the sentences assigned (from 1); the others are another unit's. */
  sentences?: Map<number, number[]>;
  /** The unit's own wording, printed instead of the plan's. */
  text?: string[];
}

const indicatorMaps = new WeakMap<object, Map<string, IndicatorPick>>();
const taskMaps = new WeakMap<object, Map<string, TaskPick>>();
const NO_PLAN = {};

export function indicatorLookup(c: Campaign): Map<string, IndicatorPick> {
  let map = indicatorMaps.get(c.plan ?? NO_PLAN);
  if (map) return map;
  map = new Map<string, IndicatorPick>();
  for (const entry of planParts(c.plan).indicators) {
    map.set(entry.indicator.id, { entry, item: null });
    entry.indicator.items.forEach((it, i) => {
      map!.set(it.id, { entry, item: i });
      if (it.kind === 'money' || it.kind === 'count') it.components.forEach((comp, k) => map!.set(comp.id, { entry, item: i, components: [k] }));
    });
  }
  indicatorMaps.set(c.plan ?? NO_PLAN, map);
  return map;
}

/** The items an indicator pick covers: all of the indicator's, or the one named, or the one whose components are named. */
export const pickedItems = (p: IndicatorPick): IndicatorItem[] => (p.item === null ? p.entry.indicator.items : [p.entry.indicator.items[p.item]]);

/** The numbered children of a task: those a unit can be given one by one. */
export const taskParts = (task: TaskNode): Node[] => childrenOf(task).filter((n) => isItem(n) || isSection(n));

/** Tasks by id, and their parts by their own ids. */
export function taskLookup(c: Campaign): Map<string, TaskPick> {
  let map = taskMaps.get(c.plan ?? NO_PLAN);
  if (map) return map;
  map = new Map<string, TaskPick>();
  for (const { task } of planParts(c.plan).tasks) {
    map.set(task.id, { task, items: null });
    taskParts(task).forEach((part, k) => {
      if (typeof part === 'object' && (isItem(part) || isSection(part)) && part.id) map!.set(part.id, { task, items: [k] });
    });
  }
  taskMaps.set(c.plan ?? NO_PLAN, map);
  return map;
}

/** A unit's name by its id (the id itself for one the campaign does not have). */
export const unitName = (c: Campaign, id: string): string => c.units.find((u) => u.id === id)?.name ?? id;

/** When the plan's reporting duty is due, if it has one. */
export const reportingDeadline = (c: Campaign): string | undefined => planParts(c.plan).reporting?.deadline;

export const taskRefId = (ref: TaskRef): string => (typeof ref === 'string' ? ref : ref.task);

/** What a task reference covers: a whole task, one part named by its id, or parts by number. */
function resolveRef(ref: TaskRef, tasks: Map<string, TaskPick>): TaskPick | undefined {
  const found = tasks.get(taskRefId(ref));
  if (!found || typeof ref === 'string') return found;
  const items = ref.items ? ref.items.map((n) => n - 1) : found.items;
  const sentences = ref.sentences && items?.length === 1 ? new Map([[items[0], ref.sentences]]) : undefined;
  return { task: found.task, items, ...(sentences ? { sentences } : {}), ...(ref.text ? { text: ref.text } : {}) };
}

/** The picks of an assignment, in the plan's own order; unknown ids are left out (validation reports them). */
export function resolveAssignment(
  c: Campaign,
  a: { indicators: string[]; tasks: TaskRef[] },
): { indicators: IndicatorPick[]; tasks: TaskPick[] } {
  const indicators = indicatorLookup(c);
  const all = planParts(c.plan).indicators;
  const order = (p: IndicatorPick) => all.indexOf(p.entry) * 1000 + (p.item ?? -1);
  const named = a.indicators.flatMap((id) => indicators.get(id) ?? []);
  // Each indicator once: whole where it is named whole, else each of its items once, whole where it is named whole,
  // else with the components named of it.
  const whole = new Set(named.filter((p) => p.item === null).map((p) => p.entry));
  const items = new Map<string, IndicatorPick>();
  for (const p of named) {
    if (p.item !== null && whole.has(p.entry)) continue;
    const key = `${all.indexOf(p.entry)} ${p.item}`;
    const seen = items.get(key);
    if (!seen) items.set(key, p);
    else if (seen.components) {
      items.set(key, p.components ? { ...p, components: [...new Set([...seen.components, ...p.components])].sort((x, y) => x - y) } : p);
    }
  }
  const picks = [...items.values()].sort((x, y) => order(x) - order(y));
  const lookup = taskLookup(c);
  const refs = a.tasks.flatMap((r) => resolveRef(r, lookup) ?? []);
  const tasks = planParts(c.plan).tasks.flatMap(({ task }): TaskPick[] => {
    const mine = refs.filter((r) => r.task === task);
    if (!mine.length) return [];
    const text = mine.flatMap((r) => r.text ?? []);
    const own = text.length ? { text } : {};
    if (mine.some((r) => r.items === null)) return [{ task, items: null, ...own }];
    const count = taskParts(task).length;
    const items = [...new Set(mine.flatMap((r) => r.items!))].filter((i) => i < count).sort((x, y) => x - y);
    // A part given whole by one reference and by sentences by another is given whole.
    const sentences = new Map<number, number[]>();
    for (const i of items) {
      const picked = mine.filter((r) => r.items!.includes(i));
      if (picked.every((r) => r.sentences?.has(i))) sentences.set(i, [...new Set(picked.flatMap((r) => r.sentences!.get(i)!))].sort((x, y) => x - y));
    }
    return [{ task, items, ...(sentences.size ? { sentences } : {}), ...own }];
  });
  return { indicators: picks, tasks };
}

/** Whether a unit leads an indicator item. */
export function leadsIndicatorItem(unit: Unit, entry: IndicatorEntry, item: number): boolean {
  return unit.leads.indicators.some((id) => id === entry.indicator.id || id === entry.indicator.items[item]?.id);
}

/** Whether a unit leads a task's part (null: the task itself, which has no parts). */
export function leadsTaskItem(c: Campaign, unit: Unit, task: TaskNode, item: number | null): boolean {
  const lookup = taskLookup(c);
  return unit.leads.tasks.some((r) => {
    const pick = resolveRef(r, lookup);
    return pick?.task === task && (pick.items === null || (item !== null && pick.items.includes(item)));
  });
}
