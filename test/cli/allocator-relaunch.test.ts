import { describe, expect, it } from 'vitest';
import {
  needsAllocatorRelaunch,
  needsPrepareRelaunch,
  PREPARE_NODE_FLAGS,
  SERVE_ALLOCATOR_ENV,
  subcommandOf,
} from '../../src/cli/allocator-relaunch.js';

describe('subcommandOf', () => {
  it('skips global options and the warehouse path after -w', () => {
    expect(subcommandOf(['serve'])).toBe('serve');
    expect(subcommandOf(['-w', 'serve.sqlite', 'ask', '/priority'])).toBe('ask');
    expect(subcommandOf(['--warehouse', 'x.sqlite', 'serve'])).toBe('serve');
    expect(subcommandOf(['--help'])).toBeUndefined();
    expect(subcommandOf([])).toBeUndefined();
  });
});

describe('needsAllocatorRelaunch', () => {
  const unset = {};
  it('relaunches only `radar serve` on Linux without the settings and without an IPC parent', () => {
    expect(needsAllocatorRelaunch(['serve'], unset, 'linux', false)).toBe(true);
    expect(needsAllocatorRelaunch(['ask', 'serve'], unset, 'linux', false)).toBe(false);
    expect(needsAllocatorRelaunch(['serve'], unset, 'darwin', false)).toBe(false);
    expect(needsAllocatorRelaunch(['serve'], unset, 'linux', true)).toBe(false);
  });

  it('relaunches `radar` with no subcommand when it will serve Slack (a bot token is set), not the local prompt', () => {
    const token = { SLACK_BOT_TOKEN: 'xoxb-1' };
    expect(needsAllocatorRelaunch([], token, 'linux', false)).toBe(true);
    expect(needsAllocatorRelaunch(['-w', 'x.sqlite'], token, 'linux', false)).toBe(true);
    expect(needsAllocatorRelaunch([], { SLACK_BOT_TOKEN: ' ' }, 'linux', false)).toBe(false);
    expect(needsAllocatorRelaunch([], unset, 'linux', false)).toBe(false);
    expect(needsAllocatorRelaunch(['--help'], token, 'linux', false)).toBe(false);
    expect(needsAllocatorRelaunch(['ask', '/priority'], token, 'linux', false)).toBe(false);
  });

  it('keeps settings already in the environment (the relaunched child, or an operator choice)', () => {
    expect(needsAllocatorRelaunch(['serve'], { ...SERVE_ALLOCATOR_ENV }, 'linux', false)).toBe(false);
    expect(needsAllocatorRelaunch(['serve'], { MALLOC_MMAP_THRESHOLD_: '4194304' }, 'linux', false)).toBe(false);
  });
});

describe('needsPrepareRelaunch', () => {
  it('relaunches `radar prepare` (with -w before it too), nothing else', () => {
    expect(needsPrepareRelaunch(['prepare'], [], false)).toBe(true);
    expect(needsPrepareRelaunch(['-w', 'x.sqlite', 'prepare'], [], false)).toBe(true);
    expect(needsPrepareRelaunch(['ask', 'prepare'], [], false)).toBe(false);
    expect(needsPrepareRelaunch(['serve'], [], false)).toBe(false);
    expect(needsPrepareRelaunch([], [], false)).toBe(false);
  });

  it('keeps a semi-space size Node already runs with (the relaunched child, or an operator choice), and IPC parents', () => {
    expect(needsPrepareRelaunch(['prepare'], [...PREPARE_NODE_FLAGS], false)).toBe(false);
    expect(needsPrepareRelaunch(['prepare'], ['--max-semi-space-size=16'], false)).toBe(false);
    expect(needsPrepareRelaunch(['prepare'], ['--inspect'], false)).toBe(true);
    expect(needsPrepareRelaunch(['prepare'], [], true)).toBe(false);
  });
});
