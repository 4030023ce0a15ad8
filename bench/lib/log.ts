/** Progress on stderr, stamped with the seconds since the benchmark started. */
const runStarted = performance.now();
export const log = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
