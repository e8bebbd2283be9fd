/**
 * The part of the `reflect-metadata` API that `tsyringe` needs, installed on the global
 * `Reflect` only when no polyfill is present.
 *
 * Why this exists: `@peculiar/x509` registers its algorithms with `tsyringe`, which throws at
 * import time ("tsyringe requires a reflect polyfill") unless `Reflect.getMetadata` exists.
 * `reflect-metadata` is not a dependency of this package yet; once it is, replace the import
 * of this file in dev-ca.ts with `import 'reflect-metadata'` and delete this file.
 *
 * tsyringe calls exactly three functions (tsyringe/dist/cjs/reflection-helpers.js):
 * `getMetadata('design:paramtypes', target)` (prototype chain), `getOwnMetadata` and
 * `defineMetadata` for its injection tokens. @peculiar/x509's injectables take no constructor
 * arguments, so no decorator metadata is ever needed; `getMetadata` returning `undefined`
 * is what the real polyfill returns for them too.
 */

type MetadataTarget = object;
type Store = Map<unknown, unknown>;

interface ReflectMetadataApi {
  defineMetadata(key: unknown, value: unknown, target: MetadataTarget, property?: PropertyKey): void;
  getOwnMetadata(key: unknown, target: MetadataTarget, property?: PropertyKey): unknown;
  getMetadata(key: unknown, target: MetadataTarget, property?: PropertyKey): unknown;
  hasOwnMetadata(key: unknown, target: MetadataTarget, property?: PropertyKey): boolean;
  hasMetadata(key: unknown, target: MetadataTarget, property?: PropertyKey): boolean;
}

export function installReflectMetadataShim(): void {
  const R = Reflect as unknown as Partial<ReflectMetadataApi>;
  if (typeof R.getMetadata === 'function') return;

  const stores = new WeakMap<MetadataTarget, Map<PropertyKey | undefined, Store>>();
  const storeOf = (target: MetadataTarget, property: PropertyKey | undefined, create: boolean): Store | undefined => {
    let byProperty = stores.get(target);
    if (byProperty === undefined) {
      if (!create) return undefined;
      byProperty = new Map();
      stores.set(target, byProperty);
    }
    let store = byProperty.get(property);
    if (store === undefined && create) {
      store = new Map();
      byProperty.set(property, store);
    }
    return store;
  };
  const api: ReflectMetadataApi = {
    defineMetadata(key, value, target, property) {
      storeOf(target, property, true)!.set(key, value);
    },
    getOwnMetadata(key, target, property) {
      return storeOf(target, property, false)?.get(key);
    },
    hasOwnMetadata(key, target, property) {
      return storeOf(target, property, false)?.has(key) ?? false;
    },
    getMetadata(key, target, property) {
      for (let t: MetadataTarget | null = target; t !== null; t = Object.getPrototypeOf(t) as MetadataTarget | null) {
        const store = storeOf(t, property, false);
        if (store?.has(key)) return store.get(key);
      }
      return undefined;
    },
    hasMetadata(key, target, property) {
      for (let t: MetadataTarget | null = target; t !== null; t = Object.getPrototypeOf(t) as MetadataTarget | null) {
        if (storeOf(t, property, false)?.has(key)) return true;
      }
      return false;
    },
  };
  for (const [name, fn] of Object.entries(api)) {
    Object.defineProperty(Reflect, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
}
