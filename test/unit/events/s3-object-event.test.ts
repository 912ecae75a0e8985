import { describe, expect, it } from 'vitest';
import { decodeS3Key, objectCreatedMessage, objectsInMessage } from '../../../shared/events/s3-object-event';

describe('objectsInMessage', () => {
  it('reads S3 notification records and decodes form-encoded keys', () => {
    const body = JSON.stringify({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'b' }, object: { key: 'raw/my+story%C3%A9.txt', size: 12, sequencer: '0A' } },
        },
      ],
    });
    expect(objectsInMessage(body)).toEqual([
      { bucket: 'b', key: 'raw/my storyé.txt', size: 12, eTag: undefined, sequencer: '0A' },
    ]);
  });

  it('reads EventBridge Object Created events, whose keys are not encoded', () => {
    const body = JSON.stringify({
      'detail-type': 'Object Created',
      source: 'aws.s3',
      detail: { bucket: { name: 'b' }, object: { key: 'raw/a+b.txt', size: 3, etag: 'e', sequencer: '01' } },
    });
    expect(objectsInMessage(body)).toEqual([
      { bucket: 'b', key: 'raw/a+b.txt', size: 3, eTag: 'e', sequencer: '01' },
    ]);
  });

  it('ignores s3:TestEvent and removal events', () => {
    expect(objectsInMessage(JSON.stringify({ Event: 's3:TestEvent', Bucket: 'b' }))).toEqual([]);
    const removed = {
      Records: [{ eventName: 'ObjectRemoved:Delete', s3: { bucket: { name: 'b' }, object: { key: 'k' } } }],
    };
    expect(objectsInMessage(JSON.stringify(removed))).toEqual([]);
  });

  it('rejects a body that is not JSON with a clear error', () => {
    expect(() => objectsInMessage('not json')).toThrow(/not JSON/);
  });

  it('round-trips the messages the local runtime and replay tools emit', () => {
    const ref = { bucket: 'b', key: 'raw/dir/with space+plus%.txt', size: 5, eTag: 'x', sequencer: '00FF' };
    expect(objectsInMessage(objectCreatedMessage(ref))).toEqual([ref]);
  });
});

describe('decodeS3Key', () => {
  it('turns + into space before percent-decoding', () => {
    expect(decodeS3Key('a+b%2Bc')).toBe('a b+c');
  });
});
