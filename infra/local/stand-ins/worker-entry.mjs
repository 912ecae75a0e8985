// A worker thread does not inherit the TypeScript loader reliably (tsx, vitest): register tsx here,
// then load the stand-ins' thread module.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
