#!/usr/bin/env node
// Runs the compiled CLI; builds first when the build is missing (e.g. straight after a clone).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../scripts/ensure-built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureBuilt(root);
const entry = join(root, 'dist', 'server', 'cli', 'main.js');
if (!existsSync(entry)) {
  console.error('Linkwell is not built. Run `npm run build`.');
  process.exit(1);
}
await import(entry);
