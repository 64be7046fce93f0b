import { describe, expect, it } from 'vitest';
import { ARM_COMMAND, isContentCommand } from '../../../src/core/protocol/content-commands';
import { fakeBackground } from './fakes';

describe('keyboard command relay', () => {
  it('hands "arm a reminder" to the active tab as a content command', async () => {
    const f = fakeBackground();
    await f.bg.onCommand(ARM_COMMAND);
    expect(f.activeTab.sent).toEqual([{ tabId: 7, message: { v: 1, type: 'content.arm' } }]);
    expect(isContentCommand(f.activeTab.sent[0]!.message)).toBe(true);
  });

  it('ignores other commands and windows without a tab', async () => {
    const f = fakeBackground();
    await f.bg.onCommand('_execute_action');
    f.activeTab.tabId = undefined;
    await f.bg.onCommand(ARM_COMMAND);
    expect(f.activeTab.sent).toEqual([]);
  });

  it('does nothing but log when the active tab is not Gmail', async () => {
    const f = fakeBackground();
    f.activeTab.failWith = new Error('Could not establish connection. Receiving end does not exist.');
    await expect(f.bg.onCommand(ARM_COMMAND)).resolves.toBeUndefined();
    expect(f.log.warnings.map((w) => w.message)).toEqual(['Arm command: no Gmail page in the active tab']);
  });
});

describe('isContentCommand', () => {
  it.each([null, 'content.arm', [], {}, { v: 1 }, { v: 2, type: 'content.arm' }, { v: 1, type: 'content.arm', extra: 1 }, { v: 1, type: 'other' }])(
    'refuses %j',
    (x) => expect(isContentCommand(x)).toBe(false),
  );
});
