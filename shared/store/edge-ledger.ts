import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../article/schema';
import { type EvidenceGrowth, titlesOf } from './entity-linking';
import {
  type EdgeItem,
  type EntityItem,
  edgeSkPrefix,
  type Gender,
  keys,
  nameTokens,
  type QuoteItem,
  stringsOf,
  surnameOf,
} from './items';
import { mapLimit } from './map-limit';

/** The names and evidence of an entity as one article gives them. */
export interface EntityFacts {
  id: string;
  type: EntityType;
  name: string;
  aliases: readonly string[];
  gender?: Gender;
  partialName?: boolean;
  /**
   * False when the article names this person only by surname and the archive linked it: such an
   * article is no evidence about the full-name person (it would feed the link its own company).
   */
  namedInFull?: boolean;
  /** The roles written before the mentions ("Mr", "President"): whether a surname-only name may be linked. */
  mentions?: readonly { role?: string }[];
}

/** Co-mentioned entities a full-name person keeps as evidence for telling namesakes apart, per article. */
const candidateCoEntities = 10;
/** ... and in all (about 12 KB of ids): the candidate item is read whenever its surname is decided. */
const candidateCoEntitiesAtMost = 400;

/** What registering one article's full-name person did to its surname's candidates. */
export interface CandidateChange {
  surname: string;
  entityId: string;
  /** The person is new to the archive: every surname-only article of that surname is re-decided. */
  isNew: boolean;
  /** What the article added to the candidate's evidence: the decisions it touches are re-decided. */
  growth: EvidenceGrowth;
}

/**
 * The writes whose outcome moves a count: an edge appears (+1 to the entity's article count and to
 * its day and month trend counters) or goes (-1). Exactly one caller observes each transition, because
 * each is a conditional write that returns what it replaced. The article writer, the entity mover and
 * the count repair all go through here, so counts mean the same thing whoever wrote the edge.
 */
export class EdgeLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly meter: (units: number | undefined) => void = () => undefined,
    private readonly concurrency = 8,
  ) {}

  /**
   * Puts an edge unless a newer version is stored. Returns whether it created the edge, and whether
   * that made its entity a new full-name candidate for surname-only mentions.
   */
  async putEdge(
    edge: EdgeItem,
    entity: EntityFacts,
  ): Promise<{ created: boolean; candidate?: CandidateChange }> {
    let old: Partial<EdgeItem> | undefined;
    try {
      old = await this.putUnlessNewer(edge);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { created: false };
      throw error;
    }
    if (!old) {
      const [, , candidate] = await Promise.all([
        this.updateEntity(entity, 1),
        this.addTrend(edge.day, edge, 1),
        this.registerCandidate(entity, edge),
      ]);
      return { created: true, candidate };
    }
    if (old.namesHash !== edge.namesHash) await this.updateEntity(entity, 0);
    if (old.day !== edge.day) {
      if (old.day) await this.addTrend(old.day, edge, -1);
      await this.addTrend(edge.day, edge, 1);
    }
    return { created: false };
  }

  async putQuote(quote: QuoteItem): Promise<void> {
    try {
      await this.putUnlessNewer(quote);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private async putUnlessNewer(item: EdgeItem | QuoteItem): Promise<Partial<EdgeItem> | undefined> {
    const result = await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR version <= :version',
        ExpressionAttributeValues: { ':version': item.version },
        ReturnValues: 'ALL_OLD',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
    return result.Attributes as Partial<EdgeItem> | undefined;
  }

  /**
   * Deletes an edge or quote if it still has `version`; an edge removed here is uncounted. Returns
   * whether this call removed an edge.
   */
  async deleteIfVersion(pk: string, sk: string, version: string): Promise<boolean> {
    let old: Partial<EdgeItem> | undefined;
    try {
      const result = await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk, sk },
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': version },
          ReturnValues: 'ALL_OLD',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter(result.ConsumedCapacity?.CapacityUnits);
      old = result.Attributes as Partial<EdgeItem> | undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    if (old?.kind !== 'edge' || !old.entityId || !old.entityType || !old.day) return false;
    await Promise.all([this.addToCount(old.entityId, -1), this.addTrend(old.day, old as EdgeItem, -1)]);
    return true;
  }

  /**
   * Deletes what an article's partition holds of an older version than `version`, and of `version`
   * itself the edges `keep` does not list (a re-link that moved an edge to another entity; quote items
   * keep their keys, and a re-link re-puts the ones it knows). Each delete is
   * conditional on the version it read, so exactly one caller sees an edge go and uncounts it.
   */
  async removeStale(articleId: string, version: string, keep?: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk >= :first',
          ExpressionAttributeValues: { ':pk': keys.articlePk(articleId), ':first': edgeSkPrefix },
          ProjectionExpression: 'pk, sk, version',
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      const stale = (page.Items ?? []).filter((i) => {
        const v = i.version as string | undefined;
        if (v === undefined) return false;
        const sk = i.sk as string;
        return (
          v < version || (keep !== undefined && v === version && sk.startsWith(edgeSkPrefix) && !keep.has(sk))
        );
      });
      const results = await mapLimit(stale, this.concurrency, (item) =>
        this.deleteIfVersion(item.pk as string, item.sk as string, item.version as string),
      );
      removed += results.filter(Boolean).length;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return removed;
  }

  /** Moves an entity's article count; never creates a summary that does not exist. */
  async addToCount(entityId: string, delta: number): Promise<void> {
    try {
      await this.update({
        Key: keys.entity(entityId),
        UpdateExpression: 'ADD articleCount :delta',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':delta': delta },
      });
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /**
   * The entity summary: type, name (the first one seen, or an editor's), aliases, gender, and the
   * article count moved by `delta`. Name tokens for search are written only when this update added a
   * name, so a known entity costs one write.
   */
  async updateEntity(
    entity: EntityFacts,
    delta: number,
    extraAliases: readonly string[] = [],
  ): Promise<void> {
    const aliases = new Set([...entity.aliases, ...extraAliases].filter(Boolean));
    const result = await this.update({
      Key: keys.entity(entity.id),
      UpdateExpression: `SET #kind = :kind, #id = :id, #type = :type, #name = if_not_exists(#name, :name)${
        entity.gender ? ', gender = if_not_exists(gender, :gender)' : ''
      } ADD articleCount :delta${aliases.size ? ', aliases :aliases' : ''}`,
      ExpressionAttributeNames: { '#kind': 'kind', '#id': 'id', '#type': 'type', '#name': 'name' },
      ExpressionAttributeValues: {
        ':kind': 'entity',
        ':id': entity.id,
        ':type': entity.type,
        ':name': entity.name,
        ':delta': delta,
        ...(entity.gender ? { ':gender': entity.gender } : {}),
        ...(aliases.size ? { ':aliases': aliases } : {}),
      },
      ReturnValues: 'ALL_OLD',
    });
    const old = result as Partial<EntityItem> | undefined;
    const oldNames = old?.name ? [old.name, ...(old.aliases ?? [])] : [];
    const known = new Set(nameTokens(oldNames));
    if (nameTokens([entity.name, ...aliases]).every((t) => known.has(t))) return;
    await this.writeNameTokens(entity.id, entity.type, old?.name ?? entity.name, [
      ...oldNames,
      entity.name,
      ...aliases,
    ]);
  }

  /**
   * Every token item lists all the entity's tokens, so search can show an entity once (at its first
   * matching token); a new name therefore rewrites them all. Names change rarely after first sight.
   */
  async writeNameTokens(id: string, type: EntityType, name: string, names: readonly string[]): Promise<void> {
    const tokens = nameTokens(names).sort();
    await mapLimit(
      tokens.flatMap((token) => [undefined, type].map((t) => ({ token, t }))),
      this.concurrency,
      ({ token, t }) =>
        this.put({
          ...keys.nameToken(t, token, id),
          kind: 'name',
          entityId: id,
          entityType: type,
          name,
          token,
          tokens,
        }),
    );
  }

  /** Day counter and month rollup move together: /trending reads whole months from the rollup. */
  async addTrend(day: string, edge: Pick<EdgeItem, 'entityId' | 'entityType'>, delta: number): Promise<void> {
    const update = (key: { pk: string; sk: string }) =>
      this.update({
        Key: key,
        UpdateExpression: 'SET #kind = :kind, entityId = :id, entityType = :type ADD articles :delta',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':kind': 'trend',
          ':id': edge.entityId,
          ':type': edge.entityType,
          ':delta': delta,
        },
      });
    await Promise.all([
      update(keys.trendDay(day, edge.entityType, edge.entityId)),
      update(keys.trendMonth(day, edge.entityType, edge.entityId)),
    ]);
  }

  /**
   * A full-name person is a candidate for surname-only mentions of the same surname: its evidence
   * (gender, titles, company, months) grows with each new article. Returns what this article added,
   * and leaves the candidate marked for re-linking until the writer has re-decided what that touches.
   */
  private async registerCandidate(entity: EntityFacts, edge: EdgeItem): Promise<CandidateChange | undefined> {
    if (!isFullNamePerson(entity) || entity.namedInFull === false) return undefined;
    const surname = surnameOf(entity.name);
    const company = [...new Set(edge.coEntities.slice(0, candidateCoEntities))];
    const titles = titlesOf(entity.mentions);
    const month = edge.day.slice(0, 7);
    const register = (withCompany: boolean) =>
      this.update({
        Key: keys.candidate(surname, entity.id),
        UpdateExpression: `SET #kind = :kind, entityId = :id, #name = if_not_exists(#name, :name), relinked = :no${
          entity.gender ? ', gender = if_not_exists(gender, :gender)' : ''
        } ADD months :month${titles.length ? ', titles :titles' : ''}${withCompany ? ', coEntities :company' : ''}`,
        // A famous person's company would grow without end; past the cap the evidence is what it is.
        ...(withCompany
          ? { ConditionExpression: 'attribute_not_exists(coEntities) OR size(coEntities) < :cap' }
          : {}),
        ExpressionAttributeNames: { '#kind': 'kind', '#name': 'name' },
        ExpressionAttributeValues: {
          ':kind': 'candidate',
          ':id': entity.id,
          ':name': entity.name,
          ':no': false,
          ':month': new Set([month]),
          ...(entity.gender ? { ':gender': entity.gender } : {}),
          ...(titles.length ? { ':titles': new Set(titles) } : {}),
          ...(withCompany ? { ':company': new Set(company), ':cap': candidateCoEntitiesAtMost } : {}),
        },
        ReturnValues: 'ALL_OLD',
      });
    let old: Record<string, unknown> | undefined;
    try {
      old = await register(company.length > 0);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      old = await register(false);
    }
    const newTo = (attribute: string, values: readonly string[]) => {
      const had = new Set(stringsOf(old?.[attribute]));
      return values.filter((v) => !had.has(v));
    };
    return {
      surname,
      entityId: entity.id,
      isNew: !old?.entityId,
      growth: {
        coEntities: newTo('coEntities', company),
        titles: newTo('titles', titles),
        months: newTo('months', [month]),
      },
    };
  }

  /**
   * Marks a candidate's re-linking of its surname done. A store retried after a timeout part-way
   * through it finds no mark and re-runs it (see ArticleWriter), so no surname-only article is left
   * with a decision made before the candidate existed.
   */
  async markRelinked(surname: string, entityId: string): Promise<void> {
    try {
      await this.update({
        Key: keys.candidate(surname, entityId),
        UpdateExpression: 'SET relinked = :yes',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':yes': true },
      });
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** Whether a candidate exists and its surname's re-linking has not been marked done. */
  async relinkPending(surname: string, entityId: string): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.candidate(surname, entityId),
        ProjectionExpression: 'entityId, relinked',
        ConsistentRead: true,
      }),
    );
    return Boolean(Item?.entityId) && !Item?.relinked;
  }

  async update(
    input: Omit<UpdateCommandInput, 'TableName' | 'ReturnConsumedCapacity'>,
  ): Promise<Record<string, unknown> | undefined> {
    const result = await this.db.send(
      new UpdateCommand({ ...input, TableName: this.table, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
    return result.Attributes;
  }

  async put(item: Record<string, unknown>): Promise<void> {
    const result = await this.db.send(
      new PutCommand({ TableName: this.table, Item: item, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
  }
}

/** A person named by at least two words and not marked as known only by surname. */
export function isFullNamePerson(entity: Pick<EntityFacts, 'type' | 'name' | 'partialName'>): boolean {
  return entity.type === 'PERSON' && !entity.partialName && entity.name.trim().split(/\s+/).length >= 2;
}
