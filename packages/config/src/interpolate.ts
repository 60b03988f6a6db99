// `${NAME}` and `${NAME:-default}` in config strings are read from the environment passed in, so
// secrets and endpoints need not be written into the file. A missing variable without a default
// is an error naming the key.
export interface InterpolationProblem {
  path: string;
  message: string;
}

const PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export function interpolateEnv(value: unknown, env: Record<string, string | undefined>, problems: InterpolationProblem[], path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(PATTERN, (match: string, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      problems.push({ path: path || '(root)', message: `environment variable ${name} is not set` });
      return match; // left as written, so the schema does not report the same key twice
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateEnv(v, env, problems, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env, problems, path ? `${path}.${k}` : k)]));
  }
  return value;
}
