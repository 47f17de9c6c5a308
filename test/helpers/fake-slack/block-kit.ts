/**
 * Block Kit limits Slack enforces (slack-contract §4). A violation makes Slack answer `invalid_blocks`; the messages
 * mimic Slack's `response_metadata.messages` (`[ERROR] … [json-pointer:/blocks/0/text/text]`).
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  /** Modals and the Home tab. */
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  id: 255,
  imageAltText: 2000,
  imageTitle: 2000,
  markdownText: 12_000,
  inputLabel: 2000,
  /** Total text of a message's blocks above which Slack answers `msg_blocks_too_long` (observed ~12–13K). */
  messageTotalText: 12_000,
  /** Top-level `text` above this is `msg_too_long`. */
  messageText: 40_000,
} as const;

export type Surface = 'message' | 'view';

/** How the validator learns whether a `slack_file` image points at a usable (completed, shared) upload. */
export type FileLookup = (fileId: string) => 'shared' | 'unshared' | 'unknown';

const SLACK_FILE_ID = /^F[A-Z0-9]{8,}$/;
const BLOCK_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

type Issues = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All limit violations in `blocks` (empty = valid). */
export function findBlockKitViolations(blocks: unknown, surface: Surface, lookup: FileLookup): Issues {
  const issues: Issues = [];
  if (!Array.isArray(blocks)) return [`[ERROR] expected an array of blocks [json-pointer:/blocks]`];
  const maxBlocks = surface === 'message' ? BLOCK_LIMITS.messageBlocks : BLOCK_LIMITS.viewBlocks;
  if (blocks.length > maxBlocks) issues.push(`[ERROR] no more than ${maxBlocks} items allowed [json-pointer:/blocks]`);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `/blocks/${index}`;
    if (!isRecord(block)) {
      issues.push(`[ERROR] must be an object [json-pointer:${at}]`);
      return;
    }
    const blockId = block.block_id;
    if (blockId !== undefined) {
      checkId(blockId, `${at}/block_id`, issues);
      if (typeof blockId === 'string') {
        if (blockIds.has(blockId)) issues.push(`[ERROR] duplicate block_id ${blockId} [json-pointer:${at}/block_id]`);
        blockIds.add(blockId);
      }
    }
    checkBlock(block, at, issues, lookup);
  });
  return issues;
}

function checkBlock(block: Record<string, unknown>, at: string, issues: Issues, lookup: FileLookup): void {
  const type = block.type;
  if (typeof type !== 'string' || !BLOCK_TYPES.has(type)) {
    issues.push(`[ERROR] unsupported block type ${String(type)} [json-pointer:${at}/type]`);
    return;
  }
  switch (type) {
    case 'section':
      checkSection(block, at, issues, lookup);
      return;
    case 'header':
      checkTextObject(block.text, `${at}/text`, BLOCK_LIMITS.headerText, issues, 'plain_text');
      return;
    case 'actions':
      checkElements(block.elements, `${at}/elements`, BLOCK_LIMITS.actionsElements, issues, (element, path) =>
        checkInteractive(element, path, issues),
      );
      return;
    case 'context':
      checkElements(block.elements, `${at}/elements`, BLOCK_LIMITS.contextElements, issues, (element, path) => {
        if (isRecord(element) && element.type === 'image') checkImage(element, path, issues, lookup, false);
        else checkTextObject(element, path, BLOCK_LIMITS.sectionText, issues);
      });
      return;
    case 'image':
      checkImage(block, at, issues, lookup, true);
      return;
    case 'markdown':
      checkString(block.text, `${at}/text`, BLOCK_LIMITS.markdownText, issues);
      return;
    case 'input':
      checkTextObject(block.label, `${at}/label`, BLOCK_LIMITS.inputLabel, issues, 'plain_text');
      if (!isRecord(block.element)) issues.push(`[ERROR] missing required field: element [json-pointer:${at}]`);
      else checkInteractive(block.element, `${at}/element`, issues);
      return;
    default:
      return;
  }
}

function checkSection(block: Record<string, unknown>, at: string, issues: Issues, lookup: FileLookup): void {
  if (block.text === undefined && block.fields === undefined) {
    issues.push(`[ERROR] must provide text or fields [json-pointer:${at}]`);
  }
  if (block.text !== undefined) checkTextObject(block.text, `${at}/text`, BLOCK_LIMITS.sectionText, issues);
  if (block.fields !== undefined) {
    checkElements(block.fields, `${at}/fields`, BLOCK_LIMITS.sectionFields, issues, (field, path) =>
      checkTextObject(field, path, BLOCK_LIMITS.sectionFieldText, issues),
    );
  }
  if (isRecord(block.accessory)) {
    if (block.accessory.type === 'image') checkImage(block.accessory, `${at}/accessory`, issues, lookup, false);
    else checkInteractive(block.accessory, `${at}/accessory`, issues);
  }
}

function checkElements(
  elements: unknown,
  at: string,
  max: number,
  issues: Issues,
  checkOne: (element: unknown, path: string) => void,
): void {
  if (!Array.isArray(elements) || elements.length === 0) {
    issues.push(`[ERROR] must be a non-empty array [json-pointer:${at}]`);
    return;
  }
  if (elements.length > max) issues.push(`[ERROR] no more than ${max} items allowed [json-pointer:${at}]`);
  const actionIds = new Set<string>();
  elements.forEach((element, index) => {
    if (isRecord(element) && typeof element.action_id === 'string') {
      if (actionIds.has(element.action_id)) {
        issues.push(`[ERROR] duplicate action_id ${element.action_id} [json-pointer:${at}/${index}/action_id]`);
      }
      actionIds.add(element.action_id);
    }
    checkOne(element, `${at}/${index}`);
  });
}

/** Buttons in full; other interactive elements (selects, date pickers…) for their action_id. */
function checkInteractive(element: unknown, at: string, issues: Issues): void {
  if (!isRecord(element)) {
    issues.push(`[ERROR] must be an object [json-pointer:${at}]`);
    return;
  }
  if (element.action_id !== undefined) checkId(element.action_id, `${at}/action_id`, issues);
  if (element.type !== 'button') return;
  checkTextObject(element.text, `${at}/text`, BLOCK_LIMITS.buttonText, issues, 'plain_text');
  if (element.value !== undefined) checkString(element.value, `${at}/value`, BLOCK_LIMITS.buttonValue, issues);
  if (element.url !== undefined) checkString(element.url, `${at}/url`, BLOCK_LIMITS.buttonUrl, issues);
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
    issues.push(`[ERROR] must be one of primary, danger [json-pointer:${at}/style]`);
  }
}

function checkImage(
  image: Record<string, unknown>,
  at: string,
  issues: Issues,
  lookup: FileLookup,
  isBlock: boolean,
): void {
  if (typeof image.alt_text !== 'string' || image.alt_text.length === 0) {
    issues.push(`[ERROR] missing required field: alt_text [json-pointer:${at}]`);
  } else {
    checkString(image.alt_text, `${at}/alt_text`, BLOCK_LIMITS.imageAltText, issues);
  }
  if (isBlock && image.title !== undefined) {
    checkTextObject(image.title, `${at}/title`, BLOCK_LIMITS.imageTitle, issues, 'plain_text');
  }
  const hasUrl = image.image_url !== undefined;
  const hasFile = image.slack_file !== undefined;
  if (hasUrl === hasFile) {
    issues.push(`[ERROR] must provide exactly one of image_url or slack_file [json-pointer:${at}]`);
    return;
  }
  if (!hasFile) return;
  const file = image.slack_file;
  const fileId = isRecord(file) ? file.id : undefined;
  if (typeof fileId === 'string') {
    if (!SLACK_FILE_ID.test(fileId)) issues.push(`[ERROR] invalid slack_file id ${fileId} [json-pointer:${at}]`);
    else if (lookup(fileId) !== 'shared') {
      issues.push(`[ERROR] slack_file ${fileId} is unknown, private or not yet shared [json-pointer:${at}/slack_file]`);
    }
  } else if (!isRecord(file) || typeof file.url !== 'string') {
    issues.push(`[ERROR] slack_file needs id or url [json-pointer:${at}/slack_file]`);
  }
}

function checkTextObject(
  value: unknown,
  at: string,
  max: number,
  issues: Issues,
  requiredType?: 'plain_text' | 'mrkdwn',
): void {
  if (!isRecord(value)) {
    issues.push(`[ERROR] must be a text object [json-pointer:${at}]`);
    return;
  }
  if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
    issues.push(`[ERROR] must be plain_text or mrkdwn [json-pointer:${at}/type]`);
  } else if (requiredType !== undefined && value.type !== requiredType) {
    issues.push(`[ERROR] must be ${requiredType} [json-pointer:${at}/type]`);
  }
  checkString(value.text, `${at}/text`, max, issues);
}

function checkString(value: unknown, at: string, max: number, issues: Issues): void {
  if (typeof value !== 'string' || value.length === 0) {
    issues.push(`[ERROR] must be a non-empty string [json-pointer:${at}]`);
  } else if (value.length > max) {
    issues.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${at}]`);
  }
}

function checkId(value: unknown, at: string, issues: Issues): void {
  checkString(value, at, BLOCK_LIMITS.id, issues);
}

/** Characters of text in all blocks (every `text` string, at any depth), the measure behind `msg_blocks_too_long`. */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (!isRecord(value)) return 0;
  let total = 0;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'text' && typeof child === 'string') total += child.length;
    else total += blockTextLength(child);
  }
  return total;
}
