/**
 * Reading an outline: its children in order, and the typed blocks of a plan
 * wherever they stand (indicators with their codes and groups, tasks, the
 * time of the campaign, the reporting duty, cited documents, clauses
 * addressed to units). Pure; the parts of a plan are computed once per plan.
 */
import type {
  BasisBlock, Indicator, ItemNode, Node, Reporting, SectionNode, TaskNode, Timeline,
} from './outline-schema.js';

export const isSection = (n: Node): n is SectionNode => typeof n === 'object' && 'section' in n;
export const isItem = (n: Node): n is ItemNode => typeof n === 'object' && 'item' in n;

/** The children of a section or item in order: its body, then its items (where a text is an item). */
export function childrenOf(n: SectionNode | ItemNode): Node[] {
  return [...n.body, ...n.items.map((x): Node => (typeof x === 'string' ? { item: x, omitEmpty: false, units: [], body: [], items: [] } : x))];
}

export type Wrapper = 'commendation' | 'organisation' | 'tasks';

/** Where a node stands: the sections around it (innermost last), the wrappers it is in, its data path. */
export interface Place {
  sections: SectionNode[];
  inside: ReadonlySet<Wrapper>;
  path: PropertyKey[];
}

/** Calls `visit` on every node of a tree in document order; `base` is the path of the list in the data. */
export function walk(nodes: Node[], visit: (n: Node, place: Place) => void, base: PropertyKey[] = []): void {
  const go = (list: Node[], at: PropertyKey[], sections: SectionNode[], inside: Set<Wrapper>) => {
    list.forEach((n, i) => {
      const path = [...at, i];
      visit(n, { sections, inside, path });
      if (typeof n !== 'object') return;
      for (const w of ['commendation', 'organisation', 'tasks'] as const) {
        if (w in n) go((n as Record<Wrapper, Node[]>)[w], [...path, w], sections, new Set([...inside, w]));
      }
      if (isSection(n) || isItem(n)) {
        const within = isSection(n) ? [...sections, n] : sections;
        go(n.body, [...path, 'body'], within, inside);
        go(n.items, [...path, 'items'], within, inside);
      }
    });
  };
  go(nodes, base, [], new Set());
}

/** A group of indicators: the section an indicators block stands in ("Các chỉ tiêu kinh tế"). */
export interface IndicatorGroup {
  id?: string;
  /** The section's heading without its final colon; empty for indicators outside any section. */
  title: string;
  indicators: IndicatorEntry[];
}

export interface IndicatorEntry {
  indicator: Indicator;
  /** Its path in the data, from the body. */
  path: PropertyKey[];
  /** The printed code: the indicator's own, or its place among the document's indicators (from 1). */
  code: number;
  group: IndicatorGroup;
}

export interface TaskEntry {
  task: TaskNode;
  path: PropertyKey[];
}

/** A clause of the organisation addressed to units. */
export interface UnitClause {
  node: SectionNode | ItemNode;
  units: string[];
}

export interface PlanParts {
  indicators: IndicatorEntry[];
  groups: IndicatorGroup[];
  tasks: TaskEntry[];
  timeline?: Timeline;
  reporting?: Reporting;
  /** Every block of cited documents, in order. */
  basis: BasisBlock[];
  clauses: UnitClause[];
  /** Every id given to a section or item of the tree, with its path from the body. */
  nodeIds: { id: string; path: PropertyKey[] }[];
}

const cache = new WeakMap<Node[], PlanParts>();

/** The typed blocks of a body, wherever they stand. */
export function planParts(body: Node[]): PlanParts {
  const cached = cache.get(body);
  if (cached) return cached;
  const parts: PlanParts = { indicators: [], groups: [], tasks: [], basis: [], clauses: [], nodeIds: [] };
  const groups = new Map<SectionNode | null, IndicatorGroup>();
  walk(body, (n, { sections, inside, path }) => {
    if (typeof n !== 'object') return;
    if ((isSection(n) || isItem(n)) && n.id) parts.nodeIds.push({ id: n.id, path });
    if ((isSection(n) || isItem(n)) && n.units.length && inside.has('organisation')) parts.clauses.push({ node: n, units: n.units });
    if ('indicators' in n) {
      const section = sections.at(-1) ?? null;
      let group = groups.get(section);
      if (!group) {
        group = { ...(section?.id ? { id: section.id } : {}), title: section ? section.section.replace(/:$/, '') : '', indicators: [] };
        groups.set(section, group);
        parts.groups.push(group);
      }
      n.indicators.forEach((indicator, k) => {
        const code = indicator.code ?? parts.indicators.length + 1;
        const entry = { indicator, path: [...path, 'indicators', k], code, group };
        group.indicators.push(entry);
        parts.indicators.push(entry);
      });
    }
    if ('tasks' in n) n.tasks.forEach((task, k) => parts.tasks.push({ task, path: [...path, 'tasks', k] }));
    if ('timeline' in n) parts.timeline ??= n.timeline;
    if ('reporting' in n) parts.reporting ??= n.reporting;
    if ('basis' in n) parts.basis.push(n.basis);
  });
  cache.set(body, parts);
  return parts;
}

/** Counts of the typed blocks that must appear at most once. */
export function singleBlocks(body: Node[]): { timeline: number; reporting: number } {
  const count = { timeline: 0, reporting: 0 };
  walk(body, (n) => {
    if (typeof n === 'object' && 'timeline' in n) count.timeline++;
    if (typeof n === 'object' && 'reporting' in n) count.reporting++;
  });
  return count;
}
