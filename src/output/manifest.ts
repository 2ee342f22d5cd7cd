/**
 * manifest.json of an output folder: what documents it holds, of which kind
 * and unit, in which files, with how many pages.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../model/schema.js';
import type { DocumentKind, ManifestEntry, RenderedDocument } from '../generate.js';
import type { OutputFile } from './write.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  campaign: string;
  documents: ManifestEntry[];
}

/** The manifest an earlier run left in a folder, if any. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof m?.campaign === 'string' && Array.isArray(m.documents) ? m : undefined;
  } catch {
    return undefined;
  }
}

const entryKey = (e: ManifestEntry) => `${e.kind}/${e.unit ?? ''}`;
const KIND_ORDER: DocumentKind[] = ['plan', 'unit-plan', 'summary'];

/**
 * The manifest of an output folder: the documents just written, plus those an
 * earlier run wrote there for the same campaign (so `plan` then `units` into
 * one folder lists both).
 */
export function manifestFile(campaign: Pick<Campaign, 'id'> & { units: { id: string }[] }, docs: RenderedDocument[], previous?: Manifest): OutputFile {
  const fresh = docs.map((d) => d.entry);
  const keys = new Set(fresh.map(entryKey));
  const kept = previous?.campaign === campaign.id ? previous.documents.filter((e) => !keys.has(entryKey(e))) : [];
  const unitOrder = (e: ManifestEntry) => campaign.units.findIndex((u) => u.id === e.unit);
  const documents = [...kept, ...fresh].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || unitOrder(a) - unitOrder(b),
  );
  const manifest: Manifest = { campaign: campaign.id, documents };
  return { name: MANIFEST, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

