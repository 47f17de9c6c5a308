import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/commands/index.js';

const MANIFEST_PATH = fileURLToPath(new URL('../../manifest.yml', import.meta.url));

interface ManifestCommands {
  features: { slash_commands: { command: string; description?: string }[] };
}

describe('manifest.yml and the command registry', () => {
  const manifest = parse(readFileSync(MANIFEST_PATH, 'utf8')) as ManifestCommands;
  const declared = manifest.features.slash_commands.map((c) => c.command).sort();
  const registered = COMMANDS.map((c) => c.slash).sort();

  it('declares every registered command (otherwise Slack never sends it)', () => {
    expect(registered.filter((slash) => !declared.includes(slash))).toEqual([]);
  });

  it('declares no command the registry lacks (otherwise users get "not available")', () => {
    expect(declared.filter((slash) => !registered.includes(slash))).toEqual([]);
  });
});
