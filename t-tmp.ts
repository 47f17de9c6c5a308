import { ask } from './src/cli/ask.js';
import { openCliSession } from './src/cli/cli-context.js';
import { loadConfig } from './src/config.js';
const s = openCliSession(loadConfig({}));
for (const c of ['/radar rules', '/radar rules red_below=45', '/radar status', '/radar rules red_below=abc green_above=200', '/radar rules bad=1', '/radar doctor red_below=3']) {
  const t = Date.now();
  try { console.log((await ask(c, s.context, {})).output); } catch (e) { console.log('ERR', (e as Error).message); }
  console.log('---', Date.now() - t, 'ms');
}
s.close();
