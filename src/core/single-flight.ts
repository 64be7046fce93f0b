/**
 * One run at a time. A call while a run is under way does not start a
 * second one beside it: it is folded into one more run right after (every
 * caller meanwhile shares that run, with their arguments merged), so no
 * wake-up is lost and no two runs ever overlap. Each caller's promise
 * settles with the run that covers it.
 *
 * Pure: no timers, no browser API — the background wraps its wake-up runs in
 * it, and the rule is tested without Web Locks.
 */
export function singleFlight<A, R>(task: (arg: A) => Promise<R>, merge: (queued: A, incoming: A) => A): (arg: A) => Promise<R> {
  let current: Promise<R> | undefined;
  let queued: { arg: A; done: Promise<R> } | undefined;

  function start(arg: A): Promise<R> {
    const run = Promise.resolve()
      .then(() => task(arg))
      .finally(() => {
        if (current === run) current = undefined;
      });
    current = run;
    return run;
  }

  return function call(arg: A): Promise<R> {
    if (queued) {
      queued.arg = merge(queued.arg, arg);
      return queued.done;
    }
    if (!current) return start(arg);
    const next: { arg: A; done: Promise<R> } = { arg, done: undefined as unknown as Promise<R> };
    next.done = current
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start(next.arg);
      });
    queued = next;
    return next.done;
  };
}
