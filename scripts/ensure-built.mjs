// Builds the server (tsc) and the web app (vite) when their output is missing or older than
// the sources, so `npm start` works straight after `npm install` and after a `git pull`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

function stale(root, output, sources) {
  const marker = join(root, output);
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return sources.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > built);
}

export function ensureBuilt(root) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (stale(root, 'dist/server/cli/main.js', ['src'])) {
    console.log('Building the server…');
    execFileSync(npm, ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  }
  if (stale(root, 'dist/web/index.html', ['web', 'src/contracts'])) {
    console.log('Building the web app…');
    execFileSync(npm, ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuilt(new URL('..', import.meta.url).pathname);
}
