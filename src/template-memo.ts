/**
 * Values made from the files of templates/ (words, phrases, profiles, the
 * Word template), made once per process and kept. They are kept here, in
 * one place, so that a process started from a startup snapshot (see
 * src/snapshot/entry.ts) forgets those its warm-up made: its templates may
 * be the issuer's own, or the package's files may have changed since.
 */
const forgetters = new Set<() => void>();

/** `make()`, made on first use and kept until the templates are forgotten. */
export function memo<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  forgetters.add(() => {
    made = undefined;
  });
  return () => (made ??= { value: make() }).value;
}

/** `make(key)` per key, made on first use and kept until the templates are forgotten. */
export function memoBy<K, T>(make: (key: K) => T): (key: K) => T {
  const made = new Map<K, T>();
  forgetters.add(() => made.clear());
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** A cache of values derived from templates (not made by `memo`), cleared with them. */
export function forgetWithTemplates(clear: () => void): void {
  forgetters.add(clear);
}

/** Forget every value made from templates: the next use reads the files again. */
export function forgetTemplates(): void {
  for (const forget of forgetters) forget();
}
