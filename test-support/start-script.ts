import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The NODE_OPTIONS package.json's start script gives the server (`npm start`, and the deployment
 * guide's systemd unit): what the benchmarks start the server with, and what the guide must say.
 */
export function startScriptNodeOptions(root = process.cwd()): string {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const options = /NODE_OPTIONS="([^"$]*)/.exec(scripts.start)?.[1]?.trim();
  if (!options) throw new Error(`package.json's start script sets no NODE_OPTIONS: ${scripts.start}`);
  return options;
}
