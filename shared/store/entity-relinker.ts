import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { applyResolution, derivedItems } from './article-record';
import type { CandidateChange, EdgeLedger, EntityFacts } from './edge-ledger';
import type { EvidenceGrowth } from './entity-linking';
import type { EntityResolver } from './entity-resolver';
import { type ArticleItem, keys, monthOf } from './items';
import { mapLimit } from './map-limit';

export interface RelinkOutcome {
  articleId: string;
  /** Whether any of the article's entities now resolves to another archive entity. */
  changed: boolean;
  /** What this did to full-name candidates (a merge or split gives a person new articles). */
  candidateChanges: CandidateChange[];
}

/**
 * Re-decides which archive entity each entity of a stored article is (after a merge, a split, a rename
 * or a new full-name person) and moves what changed: the article's edges to the new entity (counts and
 * trends follow the edges, see EdgeLedger), its quotes to the new speaker id, and the article item.
 * The article's own version is kept, so it cannot overwrite a newer revision, and re-running it
 * decides the same and writes nothing.
 */
export class EntityRelinker {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly resolver: EntityResolver,
    private readonly ledger: EdgeLedger,
    private readonly concurrency = 8,
  ) {}

  async relinkArticle(articleId: string): Promise<RelinkOutcome> {
    const outcome: RelinkOutcome = { articleId, changed: false, candidateChanges: [] };
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.article(articleId), ConsistentRead: true }),
    );
    const article = Item as ArticleItem | undefined;
    if (!article) return outcome;
    const facts: EntityFacts[] = article.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      gender: e.gender,
      partialName: e.partialName,
      mentions: e.mentions,
    }));
    const resolution = await this.resolver.resolve(article.id, facts, monthOf(article.sortDate));
    if (!applyResolution(article, resolution)) return outcome;
    outcome.changed = true;

    const after = derivedItems(article);
    const byId = new Map(after.entities.map((e) => [e.id, e]));
    const [puts] = await Promise.all([
      mapLimit(after.edges, this.concurrency, (edge) => this.ledger.putEdge(edge, byId.get(edge.entityId)!)),
      mapLimit(after.quotes, this.concurrency, (quote) => this.ledger.putQuote(quote)),
    ]);
    outcome.candidateChanges = puts.flatMap((p) => (p.candidate ? [p.candidate] : []));
    let version = article.version;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: article,
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': article.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // A newer revision was stored meanwhile: its writer resolved for itself; clear what this left.
      const { Item: now } = await this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: keys.article(articleId),
          ProjectionExpression: 'version',
          ConsistentRead: true,
        }),
      );
      version = (now?.version as string | undefined) ?? version;
      await this.ledger.removeStale(articleId, version);
      return outcome;
    }
    const keep = new Set([...after.edges, ...after.quotes].map((i) => i.sk));
    await this.ledger.removeStale(articleId, version, keep);
    return outcome;
  }

  /**
   * Re-decides every article that names someone by this surname only (a new candidate appeared), or,
   * given a candidate's growth, those its new evidence touches.
   */
  async relinkSurname(surname: string, except?: string, growth?: EvidenceGrowth): Promise<RelinkOutcome[]> {
    const articles = (await this.resolver.partialArticles(surname, growth)).filter((id) => id !== except);
    return mapLimit(articles, 4, (id) => this.relinkArticle(id));
  }

  /**
   * Re-decides what candidates' changes may have changed: every surname-only article of a new
   * candidate's surname, and those that a grown candidate's new evidence touches. Then marks each
   * candidate's re-linking done; one left unmarked by a crash is finished on redelivery (ArticleWriter).
   */
  async followCandidateChanges(
    changes: readonly CandidateChange[],
    except?: string,
  ): Promise<RelinkOutcome[]> {
    const outcomes: RelinkOutcome[] = [];
    for (const surname of [...new Set(changes.map((c) => c.surname))].sort()) {
      const mine = changes.filter((c) => c.surname === surname);
      // A new candidate touches every registration; grown ones, together, what any of them gained.
      const growth = mine.some((c) => c.isNew) ? undefined : grownTogether(mine);
      if (!growth || !isEmpty(growth))
        for (const outcome of await this.relinkSurname(surname, except, growth)) outcomes.push(outcome);
      for (const c of mine) await this.ledger.markRelinked(surname, c.entityId);
    }
    return outcomes;
  }
}

function grownTogether(changes: readonly CandidateChange[]): EvidenceGrowth {
  const all = (pick: (g: EvidenceGrowth) => readonly string[]) => [
    ...new Set(changes.flatMap((c) => pick(c.growth))),
  ];
  return { coEntities: all((g) => g.coEntities), titles: all((g) => g.titles), months: all((g) => g.months) };
}

function isEmpty({ coEntities, titles, months }: EvidenceGrowth): boolean {
  return coEntities.length + titles.length + months.length === 0;
}
