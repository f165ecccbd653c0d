/** What the shared main-process code logs through. Both shells' loggers satisfy it. */
export interface ShellLogger {
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}
