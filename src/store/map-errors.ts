/**
 * Wraps a store so that whatever its driver throws — from a method, a promise or an async iterator —
 * comes out through `map` (a driver error → StoreError with its cause). Each backend wraps its stores
 * once in its open function, so no method can forget to.
 */
export function mapStoreErrors<T extends object>(target: T, map: (error: unknown) => Error): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = value.apply(object, args);
        } catch (error) {
          throw map(error);
        }
        if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(map(error)));
        if (isAsyncIterable(result)) return mapIterable(result, map);
        return result;
      };
    },
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';
}

async function* mapIterable<T>(
  iterable: AsyncIterable<T>,
  map: (error: unknown) => Error,
): AsyncGenerator<T> {
  try {
    yield* iterable;
  } catch (error) {
    throw map(error);
  }
}
