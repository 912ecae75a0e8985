import { config } from '../common/config';
import { lambdaAdapters } from '../common/lambda-adapters';
import { createParseHandler } from './parse-handler';

export const handler = createParseHandler({
  ...lambdaAdapters(),
  defaultTimeZone: config.defaultTimeZone(),
  maxRawBytes: config.maxRawBytes(),
});
