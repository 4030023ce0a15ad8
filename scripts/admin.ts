/**
 * The admin command line's entry: `npm run admin -- --help`. Runs with the react-server condition
 * so the server-only modules it shares with the app load (see package.json). Everything but the
 * process's own input and output lives in lib/admin-cli/.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { main } from '@/lib/admin-cli/main';

/**
 * The first line of standard input (a password, never an argument), or null if there is none. At
 * a terminal it asks, and what is typed is not echoed.
 */
function firstLine(): Promise<string | null> {
  const terminal = Boolean(process.stdin.isTTY);
  if (terminal) process.stderr.write('Password: ');
  const muted = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const lines = createInterface({ input: process.stdin, output: terminal ? muted : undefined, terminal });
  return new Promise((resolve) => {
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      if (terminal) process.stderr.write('\n');
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve(null);
    });
  });
}

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(`${line}\n`),
  firstLine,
}).then((code) => process.exit(code));
