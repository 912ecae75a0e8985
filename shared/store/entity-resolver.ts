import { BatchGetCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EntityResolution } from './article-record';
import type { EntityFacts } from './edge-ledger';
import {
  addressedBySurname,
  type Candidate,
  decideLink,
  type EvidenceGrowth,
  type PartialEvidence,
  titlesOf,
  touches,
} from './entity-linking';
import {
  candidateSkPrefix,
  correctionSkPrefix,
  type EntityItem,
  type Gender,
  keys,
  partialSkPrefix,
  stringsOf,
  surnameOf,
} from './items';
import { queryAll } from './paged-query';

/** How many merges a redirect is followed through (a merge into an entity later merged itself). */
const maxRedirectHops = 5;

/** An editor's decision for one entity of one article, stored beside the article (see entity-editor.ts). */
export interface CorrectionItem {
  pk: string;
  sk: string;
  kind: 'correction';
  articleId: string;
  taggedId: string;
  /** The archive entity this article's entity is, whatever linking or merges would say. */
  to: string;
  reason: string;
  at: string;
}

/**
 * Which archive entity each entity of an article is, in this order: an editor's correction for this
 * article; else a merge (the tagger's id redirects to a survivor); else, for a person the article names
 * only by surname, the surname linking decision (entity-linking.ts); else the tagger's own id.
 * Consistent reads throughout, so a decision always sees the corrections and merges written before it.
 */
export class EntityResolver {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly meter: (units: number | undefined) => void = () => undefined,
  ) {}

  async resolve(
    articleId: string,
    entities: readonly EntityFacts[],
    month: string,
  ): Promise<Map<string, EntityResolution>> {
    const corrections = await this.corrections(articleId);
    // Summaries read once per resolution: redirects, link targets and names mostly ask for the same ids.
    const seen = new Map<string, EntityItem | undefined>();
    const redirects = await this.follow(
      entities.map((e) => corrections.get(e.id)?.to ?? e.id),
      seen,
    );
    const resolved = new Map<string, EntityResolution>();
    const partial: EntityFacts[] = [];
    for (const e of entities) {
      const correction = corrections.get(e.id);
      const first = correction?.to ?? e.id;
      const survivor = redirects.get(first) ?? first;
      if (correction) {
        resolved.set(e.id, { id: survivor, link: { status: 'corrected', reason: correction.reason } });
      } else if (survivor !== e.id) {
        resolved.set(e.id, {
          id: survivor,
          link: { status: 'merged', reason: `${e.id} was merged into ${survivor}` },
        });
      } else if (e.type === 'PERSON' && e.partialName && surnameOf(e.name)) {
        if (addressedBySurname(e.mentions)) partial.push(e);
        else
          resolved.set(e.id, {
            id: e.id,
            link: {
              status: 'separate',
              reason: `${e.name} is never written with Mr, Mrs, Dr, President or the like: no evidence it is a surname`,
            },
          });
      }
    }
    const companyOf = (self: string) =>
      entities.filter((o) => o.id !== self).map((o) => resolved.get(o.id)?.id ?? o.id);
    for (const e of partial) {
      const surname = surnameOf(e.name);
      const evidence: PartialEvidence = {
        name: e.name,
        gender: e.gender,
        titles: titlesOf(e.mentions),
        coEntities: [...new Set(companyOf(e.id))].sort(),
        month,
      };
      // Registered with its evidence before the candidates are read, and a candidate's new evidence is
      // written before it reads the registrations: whichever comes second sees the other, so no
      // arrival order leaves a decision made on less than the archive knows.
      await this.put({
        ...keys.partial(surname, articleId, e.id),
        kind: 'partial',
        articleId,
        taggedId: e.id,
        month,
        ...(evidence.titles?.length ? { titles: new Set(evidence.titles) } : {}),
        ...(evidence.coEntities.length ? { coEntities: new Set(evidence.coEntities) } : {}),
      });
      const decision = decideLink(evidence, await this.survivingCandidates(surname, seen));
      resolved.set(
        e.id,
        decision.target
          ? { id: decision.target, link: { status: 'linked', reason: decision.reason } }
          : { id: e.id, link: { status: 'separate', reason: decision.reason } },
      );
    }
    // A linked person may have been merged since; then every entity takes its summary's name, so an
    // editor's rename shows on the article too.
    const linked = await this.follow(
      [...resolved.values()].map((r) => r.id),
      seen,
    );
    for (const r of resolved.values()) r.id = linked.get(r.id) ?? r.id;
    for (const e of entities) if (!resolved.has(e.id)) resolved.set(e.id, { id: e.id });
    const names = await this.summaries([...new Set([...resolved.values()].map((r) => r.id))], seen);
    for (const r of resolved.values()) r.name = names.get(r.id)?.name;
    return resolved;
  }

  /**
   * The articles that name someone by this surname only: all of them when a new candidate appears,
   * or, given a candidate's new evidence, those whose evidence it touches.
   */
  async partialArticles(surname: string, growth?: EvidenceGrowth): Promise<string[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :part)',
      ExpressionAttributeValues: { ':pk': keys.surnamePk(surname), ':part': partialSkPrefix },
      ProjectionExpression: 'articleId, #month, titles, coEntities',
      ExpressionAttributeNames: { '#month': 'month' },
      ConsistentRead: true,
    });
    const touched = items.filter(
      (i) =>
        !growth ||
        touches(
          {
            month: (i.month as string | undefined) ?? '',
            titles: stringsOf(i.titles),
            coEntities: stringsOf(i.coEntities),
          },
          growth,
        ),
    );
    return [...new Set(touched.map((i) => i.articleId as string))].sort();
  }

  /**
   * The candidates as the archive now knows them: one merged into another is the survivor, with the
   * evidence of both, so an editor's merge of two namesakes leaves one person to link to, not a tie.
   */
  private async survivingCandidates(
    surname: string,
    seen: Map<string, EntityItem | undefined>,
  ): Promise<Candidate[]> {
    const candidates = await this.candidates(surname);
    const survivors = await this.follow(
      candidates.map((c) => c.id),
      seen,
    );
    const byId = new Map<string, Candidate>();
    for (const c of candidates) {
      const id = survivors.get(c.id) ?? c.id;
      const known = byId.get(id);
      if (!known) {
        byId.set(id, { ...c, id });
        continue;
      }
      byId.set(id, {
        id,
        name: c.id === id ? c.name : known.name,
        gender: known.gender ?? c.gender,
        titles: [...new Set([...known.titles, ...c.titles])],
        coEntities: [...new Set([...known.coEntities, ...c.coEntities])],
        months: [...new Set([...known.months, ...c.months])],
      });
    }
    return [...byId.values()];
  }

  async candidates(surname: string): Promise<Candidate[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :full)',
      ExpressionAttributeValues: { ':pk': keys.surnamePk(surname), ':full': candidateSkPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => ({
      id: i.entityId as string,
      name: i.name as string,
      gender: i.gender as Gender | undefined,
      titles: stringsOf(i.titles),
      coEntities: stringsOf(i.coEntities),
      months: stringsOf(i.months),
    }));
  }

  private async corrections(articleId: string): Promise<Map<string, CorrectionItem>> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :corr)',
      ExpressionAttributeValues: { ':pk': keys.articlePk(articleId), ':corr': correctionSkPrefix },
      ConsistentRead: true,
    });
    return new Map(items.map((i) => [i.taggedId as string, i as unknown as CorrectionItem]));
  }

  /** id -> the entity it was finally merged into, for the ids that were merged. */
  async follow(
    ids: readonly string[],
    seen = new Map<string, EntityItem | undefined>(),
  ): Promise<Map<string, string>> {
    const survivors = new Map<string, string>();
    let frontier = new Map([...new Set(ids)].map((id) => [id, id]));
    for (let hop = 0; hop < maxRedirectHops && frontier.size; hop++) {
      const summaries = await this.summaries([...new Set(frontier.values())], seen);
      const next = new Map<string, string>();
      for (const [origin, current] of frontier) {
        const into = summaries.get(current)?.mergedInto;
        if (!into) continue;
        survivors.set(origin, into);
        next.set(origin, into);
      }
      frontier = next;
    }
    return survivors;
  }

  /** Summaries by id (projection: id, name, mergedInto); `seen` caches them, absent ones included. */
  async summaries(
    ids: readonly string[],
    seen = new Map<string, EntityItem | undefined>(),
  ): Promise<Map<string, EntityItem>> {
    const wanted = ids.filter((id) => !seen.has(id));
    const found = new Map<string, EntityItem>();
    for (let i = 0; i < wanted.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.table]: { Keys: wanted.slice(i, i + 100).map((id) => keys.entity(id)) },
      };
      while (request && Object.keys(request).length) {
        const result = await this.db.send(
          new BatchGetCommand({
            RequestItems: Object.fromEntries(
              Object.entries(request).map(([t, r]) => [
                t,
                {
                  ...r,
                  ConsistentRead: true,
                  ProjectionExpression: 'id, #name, mergedInto',
                  ExpressionAttributeNames: { '#name': 'name' },
                },
              ]),
            ),
          }),
        );
        for (const item of result.Responses?.[this.table] ?? [])
          found.set(item.id as string, item as EntityItem);
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  private async put(item: Record<string, unknown>): Promise<void> {
    const result = await this.db.send(
      new PutCommand({ TableName: this.table, Item: item, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
  }
}
