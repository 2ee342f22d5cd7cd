/**
 * A startup snapshot cannot hold ICU's native objects, and module top levels
 * make some (fontkit's `new TextDecoder('ascii')`, cliui's `new
 * Intl.Segmenter()`). While the snapshot is built, these classes make their
 * native object on first use and drop it before the heap is written; the
 * started process makes it again when it is next used. Imported first, so
 * that it is in place before those modules run.
 */
import v8 from 'node:v8';

type NativeClass = new (...args: never[]) => object;

if (v8.startupSnapshot.isBuildingSnapshot()) {
  const made = new Set<WeakRef<{ drop(): void }>>();
  const later = <C extends NativeClass>(Native: C, methods: string[], getters: string[]): C => {
    class Later {
      #args: ConstructorParameters<C>;
      #native: object | undefined;
      constructor(...args: ConstructorParameters<C>) {
        this.#args = args;
        made.add(new WeakRef(this));
      }
      native(): Record<string, unknown> {
        return (this.#native ??= new Native(...this.#args)) as Record<string, unknown>;
      }
      drop(): void {
        this.#native = undefined;
      }
    }
    for (const m of methods) {
      Object.defineProperty(Later.prototype, m, {
        value(this: Later, ...a: unknown[]) {
          const native = this.native();
          return (native[m] as (...a: unknown[]) => unknown).apply(native, a);
        },
      });
    }
    for (const g of getters) {
      Object.defineProperty(Later.prototype, g, {
        get(this: Later) {
          return this.native()[g];
        },
      });
    }
    return Later as unknown as C;
  };
  const { TextDecoder } = globalThis;
  const { Segmenter } = Intl;
  const intl = Intl as { Segmenter: typeof Segmenter };
  globalThis.TextDecoder = later(TextDecoder, ['decode'], ['encoding', 'fatal', 'ignoreBOM']);
  intl.Segmenter = later(Segmenter, ['segment', 'resolvedOptions'], []);
  v8.startupSnapshot.addSerializeCallback(() => {
    for (const r of made) r.deref()?.drop();
  });
  // Objects made from now on are made as usual.
  v8.startupSnapshot.addDeserializeCallback(() => {
    globalThis.TextDecoder = TextDecoder;
    intl.Segmenter = Segmenter;
  });
}
