import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { entityId as entityIdOf } from '../article/entity-id';
import { EdgeLedger } from './edge-ledger';
import { EntityRelinker, type RelinkOutcome } from './entity-relinker';
import { EntityResolver } from './entity-resolver';
import { type ArticleItem, type EntityItem, keys, nameTokens, surnameOf } from './items';
import { mapLimit } from './map-limit';
import { queryAll } from './paged-query';

/** A correction the store refuses, with a message an editor can act on. */
export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

export interface EditOutcome {
  /** The entity the edit leaves the articles with. */
  entityId: string;
  articlesMoved: number;
}

/**
 * An editor's corrections: merge, split, rename. Each is stored first (a redirect on the merged
 * summary, a correction item beside the article, the summary's name), so every later store of the
 * article — redelivery, `articles reprocess` — resolves the same way; then the articles concerned are
 * re-linked (EntityRelinker), which moves their edges, counts, trends, quotes and names with no Scan.
 * Each is idempotent: running it again finds everything in place and writes nothing more.
 */
export class EntityEditor {
  private readonly ledger: EdgeLedger;
  private readonly resolver: EntityResolver;
  private readonly relinker: EntityRelinker;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.ledger = new EdgeLedger(db, table);
    this.resolver = new EntityResolver(db, table);
    this.relinker = new EntityRelinker(db, table, this.resolver, this.ledger);
  }

  /** `from` becomes an alias of `into` (or of what `into` was merged into): its id answers 301. */
  async merge(from: string, into: string): Promise<EditOutcome> {
    const survivor = (await this.resolver.follow([into])).get(into) ?? into;
    const [source, target] = [await this.summary(from), await this.summary(survivor)];
    if (!source) throw new EditRefused(`no entity ${from}`);
    if (!target) throw new EditRefused(`no entity ${survivor}`);
    if (from === survivor) throw new EditRefused(`${from} is already ${into}`);
    if (source.mergedInto && source.mergedInto !== survivor)
      throw new EditRefused(`${from} was already merged into ${source.mergedInto}`);
    if (source.type !== target.type)
      throw new EditRefused(`${from} is a ${source.type} and ${survivor} a ${target.type}`);

    const names = [source.name, ...(source.aliases ?? [])];
    // The redirect first: from here on every store of an article resolves `from` to the survivor.
    await this.ledger.update({
      Key: keys.entity(from),
      UpdateExpression: 'SET mergedInto = :into',
      ExpressionAttributeValues: { ':into': survivor },
    });
    await this.ledger.put({
      ...keys.mergeRecord(from),
      kind: 'merge',
      from,
      into: survivor,
      at: new Date().toISOString(),
    });
    await this.ledger.update({
      Key: keys.entity(survivor),
      UpdateExpression: 'ADD mergedIds :from',
      ExpressionAttributeValues: { ':from': new Set([from, ...(source.mergedIds ?? [])]) },
    });
    await this.ledger.updateEntity(
      { id: survivor, type: target.type, name: target.name, aliases: [] },
      0,
      names,
    );
    await this.forgetNames(source);
    const moved = await this.relinkTimeline(from);
    // One namesake fewer: the surname-only articles a tie kept apart may now link.
    if (source.type === 'PERSON') await this.relinker.relinkSurname(surnameOf(source.name));
    return { entityId: survivor, articlesMoved: moved.filter((m) => m.changed).length };
  }

  /**
   * Takes `entityId` off the given articles: there the entity becomes `intoName`'s entity (made if
   * new), or, without a name, the entity the tagger gave (when linking or a merge had moved it).
   */
  async split(entityId: string, articleIds: readonly string[], intoName?: string): Promise<EditOutcome> {
    if (articleIds.length === 0) throw new EditRefused('name at least one article to split off');
    const plan: { article: ArticleItem; taggedIds: string[]; to: string }[] = [];
    let to: string | undefined;
    for (const articleId of articleIds) {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.table, Key: keys.article(articleId), ConsistentRead: true }),
      );
      const article = Item as ArticleItem | undefined;
      if (!article) throw new EditRefused(`no article ${articleId}`);
      const mine = article.entities.filter((e) => (e.resolvedId ?? e.id) === entityId || e.id === entityId);
      if (mine.length === 0) throw new EditRefused(`article ${articleId} does not mention ${entityId}`);
      const first = mine[0]!;
      const target = intoName ? entityIdOf(first.type, intoName) : first.id;
      if (target === entityId)
        throw new EditRefused(`the tagger itself calls it ${entityId} in ${articleId}: give --into NAME`);
      const redirect = (await this.summary(target))?.mergedInto;
      if (redirect && !intoName)
        throw new EditRefused(`${target} was merged into ${redirect}: give --into NAME for a new entity`);
      if (redirect) throw new EditRefused(`${target} was merged into ${redirect}: choose another name`);
      await this.ledger.updateEntity(
        { id: target, type: first.type, name: intoName ?? first.name, aliases: [] },
        0,
      );
      plan.push({ article, taggedIds: mine.map((e) => e.id), to: target });
      to = target;
    }
    const at = new Date().toISOString();
    const outcomes: RelinkOutcome[] = [];
    for (const { article, taggedIds, to: target } of plan) {
      for (const taggedId of taggedIds) {
        await this.ledger.put({
          ...keys.correction(article.id, taggedId),
          kind: 'correction',
          articleId: article.id,
          taggedId,
          to: target,
          reason: `split from ${entityId} by an editor`,
          at,
        });
      }
      outcomes.push(await this.relinker.relinkArticle(article.id));
    }
    await this.followNewCandidates(outcomes);
    return { entityId: to!, articlesMoved: outcomes.filter((o) => o.changed).length };
  }

  /** The entity's display name everywhere; the old name stays an alias, so searches still find it. */
  async rename(entityId: string, name: string): Promise<EditOutcome> {
    const summary = await this.summary(entityId);
    if (!summary) throw new EditRefused(`no entity ${entityId}`);
    if (summary.mergedInto) throw new EditRefused(`${entityId} was merged into ${summary.mergedInto}`);
    if (!name.trim()) throw new EditRefused('the new name is empty');
    await this.ledger.update({
      Key: keys.entity(entityId),
      UpdateExpression: 'SET #name = :name, renamed = :yes ADD aliases :old',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': name, ':yes': true, ':old': new Set([summary.name]) },
    });
    await this.ledger.writeNameTokens(entityId, summary.type, name, [
      name,
      summary.name,
      ...(summary.aliases ?? []),
    ]);
    const moved = await this.relinkTimeline(entityId);
    return { entityId, articlesMoved: moved.filter((m) => m.changed).length };
  }

  /** Re-links every article on an entity's timeline (a merge left it, a rename renames it). */
  async relinkTimeline(entityId: string): Promise<RelinkOutcome[]> {
    const edges = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.entityArticlesPk(entityId) },
      ProjectionExpression: 'articleId',
    });
    const articles = [...new Set(edges.map((e) => e.articleId as string))].sort();
    const outcomes = await mapLimit(articles, 4, (id) => this.relinker.relinkArticle(id));
    await this.followNewCandidates(outcomes);
    return outcomes;
  }

  private async followNewCandidates(outcomes: readonly RelinkOutcome[]): Promise<void> {
    await this.relinker.followCandidateChanges(outcomes.flatMap((o) => o.candidateChanges));
  }

  /** A merged-away entity is found by no search and links no surname-only mention. */
  private async forgetNames(source: EntityItem): Promise<void> {
    const tokens = nameTokens([source.name, ...(source.aliases ?? [])]);
    const doomed = [
      ...tokens.flatMap((token) => [undefined, source.type].map((t) => keys.nameToken(t, token, source.id))),
      keys.candidate(surnameOf(source.name), source.id),
    ];
    await mapLimit(doomed, 8, (key) =>
      this.db.send(new DeleteCommand({ TableName: this.table, Key: key })).catch((error) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }),
    );
  }

  private async summary(id: string): Promise<EntityItem | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.entity(id), ConsistentRead: true }),
    );
    return Item as EntityItem | undefined;
  }
}
