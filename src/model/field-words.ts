/**
 * A field as a clerk calls it, from the schema's own descriptions ("Họ và tên
 * người ký, ví dụ ... / The signer's full name"): the words the web page shows
 * beside a problem, so that one source says both what a field is in the
 * editor's completion and where a problem is on the page.
 */
import { jsonSchema, type SchemaName } from './json-schema.js';
import { parseFieldPath } from './locate.js';

type Node = Record<string, unknown>;

/**
 * The Vietnamese half of a description, its first clause: "Họ và tên người
 * ký" of 'Họ và tên người ký, ví dụ "Nguyễn Văn A"; null khi ... / The ...'.
 */
export function shortWords(description: string): string {
  const vi = description.split(' / ')[0];
  const cut = vi.search(/:|;|, (ví dụ|trong câu văn|in hoa|chữ thường|mỗi)|\s[("[]/);
  return (cut < 0 ? vi : vi.slice(0, cut)).trim().replace(/[.,]$/, '');
}

const schemas = new Map<SchemaName, Node>();
const schemaOf = (name: SchemaName): Node => {
  let s = schemas.get(name);
  if (!s) schemas.set(name, (s = jsonSchema(name) as Node));
  return s;
};

/** The node itself and, through $ref and unions, every node it may be. */
function branches(root: Node, node: Node, depth = 0): Node[] {
  if (depth > 8) return [node];
  const ref = node.$ref;
  const own = typeof ref === 'string' ? [node, ...branches(root, resolveRef(root, ref), depth + 1)] : [node];
  const alternatives = ['anyOf', 'oneOf', 'allOf'].flatMap((k) => (Array.isArray(node[k]) ? (node[k] as Node[]) : []));
  return [...own, ...alternatives.flatMap((a) => branches(root, a, depth + 1))];
}

const resolveRef = (root: Node, ref: string): Node =>
  ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<Node>((n, k) => ((n?.[k] as Node | undefined) ?? {}), root);

/** The nodes a key (a property name, or an index) leads to from a node. */
function step(root: Node, node: Node, key: string | number): Node[] {
  return branches(root, node).flatMap((b): Node[] => {
    if (typeof key === 'number') return b.items && typeof b.items === 'object' ? [b.items as Node] : [];
    const props = b.properties as Record<string, Node> | undefined;
    return props?.[key] ? [props[key]] : [];
  });
}

const descriptionOf = (root: Node, nodes: Node[]): string | undefined => {
  for (const n of nodes) for (const b of branches(root, n)) if (typeof b.description === 'string') return b.description;
  return undefined;
};

/**
 * The words of the deepest described field on a path ("plan.signer.name" →
 * "Họ và tên người ký"); undefined for a path that names no field.
 */
export function fieldWords(schema: SchemaName, path: string): string | undefined {
  const keys = parseFieldPath(path);
  if (!keys) return undefined;
  const root = schemaOf(schema);
  let nodes: Node[] = [root];
  let words: string | undefined;
  for (const key of keys) {
    nodes = nodes.flatMap((n) => step(root, n, key));
    if (!nodes.length) break;
    const d = descriptionOf(root, nodes);
    if (d) words = shortWords(d);
  }
  return words;
}
