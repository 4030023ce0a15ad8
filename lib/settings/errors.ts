/**
 * A misconfiguration, naming the variable and the problem: the server refuses to start with this
 * one line instead of failing at the first search.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}
