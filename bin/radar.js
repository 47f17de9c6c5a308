#!/usr/bin/env node
// Thin launcher so `radar` works from the compiled output; `npm run build` (run by `npm ci` via `prepare`) produces dist/.
import '../dist/cli/main.js';
