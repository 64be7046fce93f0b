/**
 * A promise whose work starts when something first waits for it (`then`,
 * `catch`, `finally`, `await`), then is shared. The service worker builds
 * all its services at every start, but the event that woke it often needs
 * none of the expensive ones (a Gmail tab asking for its controls needs no
 * database): their set-up waits until a handler uses them.
 */
export function onFirstUse<T>(start: () => Promise<T>): Promise<T> {
  let started: Promise<T> | undefined;
  const get = () => (started ??= start());
  return {
    then: (onFulfilled, onRejected) => get().then(onFulfilled, onRejected),
    catch: (onRejected) => get().catch(onRejected),
    finally: (onFinally) => get().finally(onFinally),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<T>;
}
