import { fileURLToPath } from 'node:url';

/** The repository root: handler entries and asset folders in the shared definitions are relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
