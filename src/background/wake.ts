/**
 * The catch-up every start of the worker does (reconcile, history clean-up,
 * scripts into open Gmail tabs) runs a moment after the start instead of
 * during it. The browser hands the worker the event that woke it right after
 * this script has run; when that is a Gmail tab asking for its controls
 * after an idle stop, the user is looking at a compose without them, and the
 * catch-up's database reads, alarms, badge and notifications would compete
 * with the injection on the worker thread, in the browser and for the
 * machine's cores (measured on 2 busy cores: the controls arrived ~20 ms
 * later at the median). Nothing depends on the catch-up being first: an
 * alarm, a browser start or an install reconciles from its own listener at
 * once (one run at a time), every handler reads the database itself, and a
 * worker stopped before the delay ends catches up at its next start.
 */
export const WAKE_DELAY_MS = 250;

/**
 * Runs `catchUp` once, WAKE_DELAY_MS after the worker started. It handles its own failures (each part logs its own);
 * a throw is logged, not left to the timer.
 */
export function scheduleWakeUp(catchUp: () => void, { setTimer, log }: { setTimer(fn: () => void, ms: number): unknown; log: { error(message: string, detail?: unknown): void } }): void {
  setTimer(() => {
    try {
      catchUp();
    } catch (error) {
      log.error('wake-up catch-up failed', error);
    }
  }, WAKE_DELAY_MS);
}
