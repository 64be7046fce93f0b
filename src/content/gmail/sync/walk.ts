/**
 * The iterative walk over the decoded body: every message array in document
 * order, each tied to its enclosing thread, within the depth and element
 * budget. Iterative so a hostile deeply nested body cannot blow the stack.
 */
import { permIdToHex } from '../../../core/reminder';
import { Budget } from './budget';
import { readMessage } from './message';
import { CLIENT_THREAD_RE, CUSTOM_THREAD_RE, HEX_ID_RE, hexTime, MAX_TIME, PERM_THREAD_RE } from './shapes';
import type { Arr, RawMessage, ThreadCtx } from './types';

const MAX_DEPTH = 64;
const THREAD_HEX_SLACK_MS = 24 * 3600_000;

/** Every message array in document order, or undefined when over budget. */
export function collect(root: Arr, wantServerFields: boolean): RawMessage[] | undefined {
  const budget = new Budget();
  const out: RawMessage[] = [];
  const threads: ThreadCtx[] = [];
  const stack: { node: Arr; depth: number; thread: ThreadCtx | undefined }[] = [
    { node: root, depth: 0, thread: undefined },
  ];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (!budget.spend(node.length + 1)) return undefined;

    const message = readMessage(node, budget, wantServerFields);
    if (message) {
      message.thread = frame.thread;
      message.order = out.length;
      out.push(message);
      if (frame.thread && message.sentAt !== undefined) {
        frame.thread.newest = Math.max(frame.thread.newest ?? 0, message.sentAt);
      }
      continue; // messages do not nest
    }
    if (budget.exceeded) return undefined;

    const thread = readThread(node, frame.thread);
    if (thread && thread !== frame.thread) threads.push(thread);
    if (frame.depth >= MAX_DEPTH) continue;
    for (let i = node.length - 1; i >= 0; i--) {
      const child = node[i];
      if (Array.isArray(child)) stack.push({ node: child, depth: frame.depth + 1, thread: thread ?? frame.thread });
    }
  }
  for (const t of threads) settleThreadHex(t);
  return out;
}

function readThread(node: Arr, parent: ThreadCtx | undefined): ThreadCtx | undefined {
  let raw: string | undefined;
  const hexes: string[] = [];
  for (const v of node) {
    if (typeof v !== 'string') continue;
    if (raw === undefined && (CLIENT_THREAD_RE.test(v) || PERM_THREAD_RE.test(v) || CUSTOM_THREAD_RE.test(v))) raw = v;
    else if (HEX_ID_RE.test(v)) hexes.push(v);
  }
  if (raw === undefined) return undefined;
  if (parent && parent.raw === raw) {
    // The same thread, one level further in: add what this level knows.
    parent.hexCandidates.push(...hexes);
    return parent;
  }
  const ctx: ThreadCtx = { raw, hexCandidates: hexes };
  const custom = CUSTOM_THREAD_RE.exec(raw);
  if (custom?.[1]) ctx.clientThreadId = custom[1];
  else if (CLIENT_THREAD_RE.test(raw)) ctx.clientThreadId = raw;
  else if (permIdToHex(raw)) ctx.permThreadId = raw;
  return ctx;
}

function settleThreadHex(t: ThreadCtx): void {
  const limit = (t.newest ?? MAX_TIME) + THREAD_HEX_SLACK_MS;
  const ok = [...new Set(t.hexCandidates)].filter((h) => {
    const ts = hexTime(h);
    return ts !== undefined && ts <= limit;
  });
  if (t.permThreadId) {
    // The perm id is authoritative; the hex is only its other spelling.
    t.hex = permIdToHex(t.permThreadId);
    return;
  }
  if (ok.length === 1) t.hex = ok[0];
}
