import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { env } from '../../shared/pipeline/definition';

/**
 * How long a container trusts the key it fetched: one GetSecretValue per container per quarter hour,
 * and a key put into the secret by hand reaches every container within that time.
 */
export const cursorKeyMaxAgeSeconds = 15 * 60;

/**
 * The key that signs page cursors. Deployed, the stack passes the ARN of a generated secret; the local
 * runtime and the tests pass the key itself. There is deliberately no built-in fallback: a key anyone
 * can read in this source would let anyone forge cursors.
 */
export async function cursorKey(): Promise<string> {
  const arn = process.env[env.cursorSecretArn];
  if (arn) {
    // Powertools keeps the value in memory for maxAge; later calls are a cache lookup.
    const value = await getSecret(arn, { maxAge: cursorKeyMaxAgeSeconds });
    if (typeof value !== 'string' || value.length === 0) {
      throw new Error(`the secret ${arn} has no SecretString to sign cursors with`);
    }
    return value;
  }
  const key = process.env[env.cursorSecret];
  if (key) return key;
  throw new Error(`no cursor signing key: set ${env.cursorSecretArn} or ${env.cursorSecret}`);
}
