import type { AnyCommandDefinition, CommandContext } from '../../commands/command-definition.js';
import type { CommandExecutor } from '../../commands/command-pool.js';
import type { RulesData } from '../../commands/rules/rules-answer.js';
import { runCommand } from '../../commands/run-command.js';

/**
 * The modal's preview: `/radar rules backtest <values>` through the shared command code (a worker thread in
 * production), so Slack shows exactly what `radar rules --backtest` prints. Bad values throw the command's UsageError.
 */
export async function previewRules(
  executor: CommandExecutor | undefined,
  radarCommand: AnyCommandDefinition,
  values: string,
  context: CommandContext,
): Promise<RulesData> {
  const text = `rules backtest ${values}`.trim();
  const outcome = executor
    ? await executor.run(radarCommand, text, context)
    : await runCommand(radarCommand, text, context);
  if (outcome.kind !== 'answer') throw new Error('the rules backtest gave no answer');
  return outcome.answer.data as RulesData;
}
