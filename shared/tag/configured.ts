import { createBuiltinTagger } from './builtin-tagger';
import { createComprehendTagger } from './comprehend/comprehend-tagger';
import type { Tagger } from './tagger';

/** The tagger named by configuration (cdk context `tagger`, env TAGGER): `builtin` or `comprehend`. */
export function createConfiguredTagger(name: string): Tagger {
  switch (name) {
    case 'builtin':
      return createBuiltinTagger();
    case 'comprehend':
      return createComprehendTagger();
    default:
      throw new Error(`unknown tagger "${name}" (expected builtin or comprehend)`);
  }
}
