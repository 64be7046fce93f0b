/**
 * One shared element budget per body, so a padding-heavy body is rejected as
 * a whole instead of being half-read (see the limits in sync-response.ts).
 */

// ~12–25 body chars per array element in the samples: a full-size body stays
// well inside this, so only padding-heavy junk is rejected.
const MAX_NODES = 600_000;

export class Budget {
  nodes = 0;
  exceeded = false;
  spend(n: number): boolean {
    this.nodes += n;
    if (this.nodes > MAX_NODES) this.exceeded = true;
    return !this.exceeded;
  }
}
