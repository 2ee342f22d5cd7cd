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
  /** What the commendation blocks say, in order. */
  commendation: Node[];
  /** Every id given to a section or item of the tree, with its path. */
  nodeIds: { id: string; path: PropertyKey[] }[];
  /** Where each time-of-the-campaign and reporting block stands: a plan has at most one of each. */
  timelines: PropertyKey[][];
  reportings: PropertyKey[][];
  /** Where each block of cited documents stands. */
  basisPaths: PropertyKey[][];
}

/** The lists of a plan's tree with their paths from the plan: its body, then each appendix's body. */
export interface PlanLike {
  body: Node[];
  appendices: { body: Node[] }[];
}

const cache = new WeakMap<PlanLike, PlanParts>();

/** The typed blocks of a plan, body and appendices, wherever they stand; paths are from the plan. */
export function planParts(plan: PlanLike | undefined): PlanParts {
  if (!plan) return emptyParts();
  const cached = cache.get(plan);
  if (cached) return cached;
  const parts = emptyParts();
  const groups = new Map<SectionNode | null, IndicatorGroup>();
  const visit = (n: Node, { sections, inside, path }: Place) => {
    if (typeof n !== 'object') return;
    if ((isSection(n) || isItem(n)) && n.id) parts.nodeIds.push({ id: n.id, path });
    // A clause addressed to units, unless a clause around it already is (its words come with that one).
    if ((isSection(n) || isItem(n)) && n.units.length && inside.has('organisation') && !sections.some((x) => x !== n && x.units.length)) {
      parts.clauses.push({ node: n, units: n.units });
    }
    if ('indicators' in n) {
      const section = sections.at(-1) ?? null;
      let group = groups.get(section);
      if (!group) {
        group = { ...(section?.id ? { id: section.id } : {}), title: section ? section.section.replace(/:$/, '') : '', indicators: [] };
        groups.set(section, group);
        parts.groups.push(group);
      }
      n.indicators.forEach((indicator, k) => {
        const code = indicator.code ?? (parts.indicators.at(-1)?.code ?? 0) + 1;
        const entry = { indicator, path: [...path, 'indicators', k], code, group };
        group.indicators.push(entry);
        parts.indicators.push(entry);
      });
    }
    if ('commendation' in n) parts.commendation.push(...n.commendation);
    if ('tasks' in n) n.tasks.forEach((task, k) => parts.tasks.push({ task, path: [...path, 'tasks', k] }));
    if ('timeline' in n) {
      parts.timeline ??= n.timeline;
      parts.timelines.push(path);
    }
    if ('reporting' in n) {
      parts.reporting ??= n.reporting;
      parts.reportings.push(path);
    }
    if ('basis' in n) {
      parts.basis.push(n.basis);
      parts.basisPaths.push(path);
    }
  };
  walk(plan.body, visit, ['body']);
  plan.appendices.forEach((a, i) => walk(a.body, visit, ['appendices', i, 'body']));
  cache.set(plan, parts);
  return parts;
}

const emptyParts = (): PlanParts => ({
  indicators: [], groups: [], tasks: [], basis: [], clauses: [], commendation: [], nodeIds: [], timelines: [], reportings: [], basisPaths: [],
});
