import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Vendored from slackapi/manifest-schema with its licence (see test/slack/vendor/manifest-schema/README.md). */
const SCHEMA_PATH = `${repoRoot}test/slack/vendor/manifest-schema/manifest.schema.1.0.0.json`;
const MANIFEST_PATH = `${repoRoot}manifest.yml`;

/** The slash commands Radar implements (to be replaced by the command registry once Slack wiring lands). */
const RADAR_COMMANDS = [
  '/priority',
  '/segment-anomalies',
  '/customer',
  '/investment-mismatch',
  '/value-segments',
  '/conversion-cohort',
  '/radar',
] as const;

const MINIMAL_BOT_SCOPES = [
  'commands',
  'chat:write',
  'files:write',
  'channels:join',
  'users:read',
  'im:write',
  // Reading back a post whose outcome is unknown (exactly-once delivery): public, private channels and DMs.
  'channels:history',
  'groups:history',
  'im:history',
];

interface SlashCommand {
  command: string;
  description?: string;
  usage_hint?: string;
  should_escape?: boolean;
  url?: string;
}

interface Manifest {
  features: { slash_commands: SlashCommand[]; app_home: Record<string, boolean>; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    event_subscriptions: { request_url: string; bot_events: string[] };
    socket_mode_enabled: boolean;
  };
  display_information: { name: string; description: string; long_description: string };
}

/**
 * A strict draft-07 validator for the manifest schema. The schema uses a non-standard `regex` keyword (a pattern,
 * on `background_color`), `_note` annotations and the `uri` format, so those are declared here rather than
 * switching strict mode off (which would also hide typos in the schema).
 */
function manifestValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  ajv.addVocabulary(['_note']);
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
  });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const schema: unknown = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  return ajv.compile(schema as object);
}

function loadManifest(): Manifest {
  return parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('\n');
}

describe('manifest.yml', () => {
  const validate = manifestValidator();

  it('is valid against the Slack manifest schema', () => {
    const valid = validate(loadManifest());
    expect(describeErrors(validate.errors)).toBe('');
    expect(valid).toBe(true);
  });

  it('declares exactly the commands Radar implements, each with a description and a usage hint', () => {
    const commands = loadManifest().features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual([...RADAR_COMMANDS].sort());
    for (const command of commands) {
      expect(command.description?.trim(), command.command).toBeTruthy();
      expect(command.usage_hint?.trim(), command.command).toBeTruthy();
      expect(command.should_escape, command.command).toBe(false);
      expect(command.url, command.command).toBe('https://radar.example.com/slack/events');
    }
  });

  it('asks for the minimal bot scopes and wires App Home, interactivity and app_home_opened over HTTP', () => {
    const manifest = loadManifest();
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...MINIMAL_BOT_SCOPES].sort());
    expect(manifest.features.bot_user.display_name).toBe('radar');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://radar.example.com/slack/events',
    });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('rejects a manifest with a misspelt key, so the validator is really checking', () => {
    const manifest = loadManifest() as unknown as { features: Record<string, unknown> };
    const { slash_commands, ...features } = manifest.features;
    const typo = { ...manifest, features: { ...features, slash_command: slash_commands } };
    expect(validate(typo)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'slash_command' } }),
    );
  });

  it('rejects a long_description under 175 characters and a background colour that is not hex', () => {
    const manifest = loadManifest();
    const withDisplay = (patch: Record<string, string>) => ({
      ...manifest,
      display_information: { ...manifest.display_information, ...patch },
    });
    expect(validate(withDisplay({ long_description: 'Too short.' }))).toBe(false);
    expect(validate(withDisplay({ background_color: 'navy' }))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'regex' }));
  });
});
