/** The console shell's logger: JSON lines on stderr, credential-looking fields masked. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEY = /key|token|secret|password|auth|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]));
  }
  return value;
}

export function createLogger(write: (line: string) => void = (line) => void process.stderr.write(line)): Logger {
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    write(`${JSON.stringify({ ts: new Date().toISOString(), level, msg, ...(fields ? (redact(fields) as object) : {}) })}\n`);
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
