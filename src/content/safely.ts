/**
 * Runs `call`, swallowing what it throws: one failing handler, watcher or
 * replay must not starve the next one, nor reach Gmail's page.
 */
export function safely(call: () => void): void {
  try {
    call();
  } catch {
    // deliberately ignored: see above
  }
}
