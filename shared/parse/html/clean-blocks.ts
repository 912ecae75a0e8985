import type { TextBlock } from './blocks';
import type { HtmlMetadata } from './metadata';

/** Post-extraction clean-up of the blocks Readability kept. */
export function cleanBlocks(blocks: TextBlock[], _meta: HtmlMetadata): TextBlock[] {
  return blocks;
}
