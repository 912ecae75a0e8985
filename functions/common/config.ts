import { env } from '../../shared/pipeline/definition';

/** The settings every function reads from its environment, read once per container. */
export const config = {
  bucket: () => required(env.bucket),
  table: () => required(env.table),
  tagger: () => process.env[env.tagger] ?? 'builtin',
  defaultTimeZone: () => process.env[env.defaultTimeZone] ?? 'UTC',
  maxRawBytes: () => Number(process.env[env.maxRawBytes] ?? 5 * 1024 * 1024),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}
