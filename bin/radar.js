#!/usr/bin/env node
// Thin launcher so `radar` works from the compiled output; `npm run build` (run by `npm ci` via `prepare`) produces dist/.
// `radar serve` restarts once with glibc allocator and V8 heap settings, `radar prepare` with a larger young
// generation (src/cli/allocator-relaunch.ts); the rest runs here.
const { relaunchWithLaunchSettings } = await import('../dist/cli/allocator-relaunch.js');
if (!relaunchWithLaunchSettings()) await import('../dist/cli/main.js');
