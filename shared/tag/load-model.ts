import { readFileSync } from 'node:fs';
import { NerModel } from './ner/model';

let model: NerModel | undefined;

/**
 * The trained model, read once on first use. This module lives directly in shared/tag/ so that the same
 * relative URL finds ./model/ner.bin from the sources (tsx) and beside an esbuild bundle (the stack copies
 * shared/tag/model/ to <bundle dir>/model/).
 */
export function loadModel(): NerModel {
  model ??= new NerModel(readFileSync(new URL('./model/ner.bin', import.meta.url)));
  return model;
}
