import type { Node } from 'constructs';
import type { TaggerName } from '../shared/pipeline/definition';

/** Deployment choices, read from cdk context (cdk.json or `-c name=value`). */
export interface PipelineSettings {
  /** `builtin` (bundled model) or `comprehend` (Amazon Comprehend DetectEntities). */
  readonly tagger: TaggerName;
  /** IANA zone for publication times that carry none. */
  readonly defaultTimeZone: string;
  /** Raw files larger than this are quarantined unread; unset leaves the functions' default. */
  readonly maxRawBytes?: number;
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

const taggers = ['builtin', 'comprehend'] as const;

export function readSettings(node: Node): PipelineSettings {
  const tagger = String(node.tryGetContext('tagger') ?? 'builtin');
  if (!(taggers as readonly string[]).includes(tagger)) {
    throw new Error(`context tagger="${tagger}": expected one of ${taggers.join(', ')}`);
  }
  return {
    tagger: tagger as PipelineSettings['tagger'],
    defaultTimeZone: String(node.tryGetContext('defaultTimeZone') ?? 'UTC'),
    maxRawBytes: optionalNumber(node, 'maxRawBytes'),
    apiThrottle: {
      rateLimit: optionalNumber(node, 'apiRateLimit') ?? 50,
      burstLimit: optionalNumber(node, 'apiBurstLimit') ?? 100,
    },
    alarmEmail: node.tryGetContext('alarmEmail') ?? undefined,
  };
}

function optionalNumber(node: Node, name: string): number | undefined {
  const value = node.tryGetContext(name);
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new Error(`context ${name}="${value}": expected a positive number`);
  return number;
}
