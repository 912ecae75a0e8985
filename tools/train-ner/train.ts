/**
 * Trains the news NER model on CoNLL-2003 and writes shared/tag/model/ner.bin.
 *
 *   npm run train:ner -- [--data DIR] [--epochs N] [--seed N] [--out FILE]
 *
 * Reproducible: a fixed seed orders the documents of every epoch; nothing else is random.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeGreedy } from '../../shared/tag/ner/decode';
import { DocumentFeatures } from '../../shared/tag/ner/document-features';
import { type ModelMeta, NerModel } from '../../shared/tag/ner/model';
import { recognize } from '../../shared/tag/ner/recognize';
import { labelsToSpans, spansToLabels, type TypedSpan } from '../../shared/tag/ner/spans';
import { splitSentences, type Token, tokenize } from '../../shared/tag/ner/tokenize';
import { addHonorifics } from './augment';
import { type RawDocument, readConll } from './conll';
import { evaluate } from './evaluate';
import { evaluateModel, formatEvaluation } from './evaluate-model';
import { buildGazetteers, GAZETTEER_SOURCES } from './gazetteers';
import { AveragedPerceptron } from './perceptron';
import { mulberry32 } from './random';
import { encodeModel } from './write-model';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(repoRoot, '../shared/data/conll2003') },
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: '20031' },
    out: { type: 'string', default: resolve(repoRoot, 'shared/tag/model/ner.bin') },
    'min-weight': { type: 'string', default: '0.05' },
    'honorific-share': { type: 'string', default: '0.3' },
    'first-names': { type: 'string', default: 'on' },
    unlabeled: { type: 'string', default: resolve(repoRoot, '../shared/data/bbc-news') },
    'self-train': { type: 'string', default: '0' },
  },
});
const epochs = Number(values.epochs);
const seed = Number(values.seed);
const honorificShare = Number(values['honorific-share']);
const selfTrainShare = Number(values['self-train']);
const ALWAYS_OUTSIDE_MIN_COUNT = 20;

interface Example {
  doc: DocumentFeatures;
  tokens: Token[];
  gold: Int32Array;
  goldSpans: TypedSpan[];
  docTypes?: Int32Array;
}

const started = Date.now();
const log = (message: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const gazetteers = buildGazetteers(values['first-names'] !== 'off');
const lookup = {
  maxLength: gazetteers.maxLength,
  get: (h: number) => gazetteers.entries.get(h) ?? 0,
};
log(`gazetteers: ${gazetteers.entries.size} entries ${JSON.stringify(gazetteers.counts)}`);

function prepare(documents: RawDocument[]): Example[] {
  return documents.map(({ text, spans }) => {
    const sentences = splitSentences(text, tokenize(text));
    const tokens = sentences.flat();
    return {
      doc: new DocumentFeatures(sentences, lookup),
      tokens,
      gold: spansToLabels(tokens, spans),
      goldSpans: spans,
    };
  });
}

// The training documents with honorifics added before some of their people (augment.ts); valid as it is.
const augmentRandom = mulberry32(seed ^ 0x5eed);
const train = prepare(
  readConll(resolve(values.data, 'train.txt')).map((d) => addHonorifics(d, augmentRandom, honorificShare)),
);
const valid = prepare(readConll(resolve(values.data, 'valid.txt')));
log(`train ${train.length} documents, valid ${valid.length}`);

function trainPerceptron(examples: Example[], secondPass: boolean, label: string): AveragedPerceptron {
  const model = new AveragedPerceptron();
  const random = mulberry32(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const ex = examples[i]!;
      decodeGreedy(ex.doc, model, secondPass ? ex.docTypes : undefined, {
        gold: ex.gold,
        learn: model.learn,
      });
    }
  }
  model.average();
  log(`${label}: ${model.size} feature rows`);
  return model;
}

// Second-pass features for the training documents come from first-pass models that never saw those
// documents (two folds), so that the second pass learns how far to trust an imperfect first pass.
function trainPasses(examples: Example[]): { first: AveragedPerceptron; second: AveragedPerceptron } {
  const folds = [examples.filter((_, i) => i % 2 === 0), examples.filter((_, i) => i % 2 === 1)];
  for (let f = 0; f < 2; f++) {
    const model = trainPerceptron(folds[f]!, false, `fold ${f}`);
    for (const ex of folds[1 - f]!)
      ex.docTypes = ex.doc.documentTypes(decodeGreedy(ex.doc, model, undefined));
  }
  return {
    first: trainPerceptron(examples, false, 'first pass'),
    second: trainPerceptron(examples, true, 'second pass'),
  };
}

const meta = (minimum: number, alwaysOutside: number[], extra: Record<string, unknown> = {}): ModelMeta => ({
  training: {
    data: 'CoNLL-2003 English train',
    epochs,
    seed,
    honorificShare,
    selfTrainShare,
    minimumWeight: minimum,
    ...extra,
  },
  gazetteerSources: [...GAZETTEER_SOURCES],
  alwaysOutside,
});

let { first, second } = trainPasses(train);

// Self-training: the model as it would ship (with its repairs) tags a share of the unlabeled BBC articles,
// never the hand-annotated dev ones, and the passes are trained again on CoNLL and those together, so that
// what the repairs know (people after "Mr", company suffixes, clean boundaries) and British news style
// reach the weights.
const unlabeled = selfTrainShare > 0 && existsSync(values.unlabeled) ? readUnlabeled() : [];
if (unlabeled.length > 0) {
  const teacher = new NerModel(
    encodeModel(meta(0, []), gazetteers.entries, gazetteers.maxLength, first.export(0), second.export(0)),
  );
  const silver = prepare(unlabeled.map((text) => ({ text, spans: recognize(teacher, text).spans })));
  log(`self-training on ${silver.length} unlabeled articles`);
  ({ first, second } = trainPasses([...train, ...silver]));
}

function readUnlabeled(): string[] {
  const dev = new Set(
    (
      JSON.parse(readFileSync(resolve(repoRoot, 'bench/data/ner-dev.json'), 'utf8')) as { file: string }[]
    ).map((a) => a.file),
  );
  const files: string[] = [];
  for (const section of ['business', 'entertainment'])
    for (const name of readdirSync(resolve(values.unlabeled, section)).sort())
      if (name.endsWith('.txt') && !dev.has(`${section}/${name}`)) files.push(`${section}/${name}`);
  const step = 1 / selfTrainShare;
  const picked = files.filter((_, i) => Math.floor(i / step) !== Math.floor((i + 1) / step) || step <= 1);
  return picked.map((f) => readFileSync(resolve(values.unlabeled, f), 'utf8'));
}

function report(name: string, predict: (ex: Example) => Int32Array) {
  const result = evaluate(
    valid.map((ex) => ({ gold: ex.goldSpans, predicted: labelsToSpans(ex.tokens, predict(ex)) })),
  );
  const f = (x: number) => x.toFixed(4);
  log(
    `${name}: PER ${f(result.byType.PERSON.f1)} LOC ${f(result.byType.LOCATION.f1)} ORG ${f(result.byType.ORGANIZATION.f1)} MISC ${f(result.byType.MISC.f1)} | PER/LOC/ORG ${f(result.perLocOrg.f1)} all ${f(result.all.f1)}`,
  );
  return result;
}
report('valid first pass', (ex) => decodeGreedy(ex.doc, first, undefined));
const final = report('valid two passes', (ex) =>
  decodeGreedy(ex.doc, second, ex.doc.documentTypes(decodeGreedy(ex.doc, first, undefined))),
);

// Tokens seen often and never inside an entity: the decoder labels them O without scoring (speed).
const tokenCounts = new Map<number, number>();
const inEntity = new Set<number>();
for (const ex of train) {
  for (let i = 0; i < ex.doc.count; i++) {
    const raw = ex.doc.infos[i]!.raw;
    tokenCounts.set(raw, (tokenCounts.get(raw) ?? 0) + 1);
    if (ex.gold[i] !== 0) inEntity.add(raw);
  }
}
const alwaysOutside = [...tokenCounts]
  .filter(([raw, count]) => count >= ALWAYS_OUTSIDE_MIN_COUNT && !inEntity.has(raw))
  .map(([raw]) => raw)
  .sort((a, b) => a - b);
log(`${alwaysOutside.length} token forms always outside entities`);

// Several thresholds may be given to compare size and accuracy; the last one is written.
const minimums = values['min-weight'].split(',').map(Number);
const validDocuments = readConll(resolve(values.data, 'valid.txt'));
let bytes: Uint8Array = new Uint8Array();
for (const minimum of minimums) {
  bytes = encodeModel(
    meta(minimum, alwaysOutside, {
      selfTrainedOn: unlabeled.length,
      validPerLocOrgF1BeforeQuantization: Number(final.perLocOrg.f1.toFixed(4)),
    }),
    gazetteers.entries,
    gazetteers.maxLength,
    first.export(minimum),
    second.export(minimum),
  );
  const shipped = new NerModel(bytes);
  log(
    `min weight ${minimum}: ${(bytes.length / 1024 / 1024).toFixed(2)} MB, rows ${shipped.first.rows}+${shipped.second.rows}; as shipped on valid: ${formatEvaluation(evaluateModel(shipped, validDocuments))}`,
  );
}
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, bytes);
log(`wrote ${values.out} (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`);
