#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx articles` works in a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
