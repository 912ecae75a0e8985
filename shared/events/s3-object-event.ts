import type { SQSRecord } from 'aws-lambda';

/** One object-created notification, whichever way S3 delivered it. */
export interface S3ObjectRef {
  bucket: string;
  key: string;
  size?: number;
  eTag?: string;
  sequencer?: string;
}

/**
 * Reads the S3 objects named by one SQS message body. S3 reaches SQS either as an S3 notification
 * (`{Records: [{s3: ...}]}`, keys form-encoded) or as an EventBridge "Object Created" event
 * (`{detail: {bucket, object}}`, keys plain). `s3:TestEvent` and other events carry no objects.
 */
export function objectsInMessage(body: string): S3ObjectRef[] {
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    throw new Error(`SQS message body is not JSON: ${body.slice(0, 80)}`);
  }
  if (!message || typeof message !== 'object') return [];
  const m = message as Record<string, any>;
  if (Array.isArray(m.Records)) {
    return m.Records.filter(
      (r: any) => typeof r?.eventName === 'string' && r.eventName.startsWith('ObjectCreated') && r.s3,
    ).map(
      (r: any): S3ObjectRef => ({
        bucket: r.s3.bucket.name,
        key: decodeS3Key(r.s3.object.key),
        size: r.s3.object.size,
        eTag: r.s3.object.eTag,
        sequencer: r.s3.object.sequencer,
      }),
    );
  }
  if (m['detail-type'] === 'Object Created' && m.detail?.object) {
    return [
      {
        bucket: m.detail.bucket.name,
        key: m.detail.object.key,
        size: m.detail.object.size,
        eTag: m.detail.object.etag,
        sequencer: m.detail.object.sequencer,
      },
    ];
  }
  return [];
}

export function objectsInRecord(record: SQSRecord): S3ObjectRef[] {
  return objectsInMessage(record.body);
}

/** S3 notification keys are form-encoded: '+' is a space, then percent-decoding. */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** Builds an S3-notification-shaped message body, as the local runtime and replay tools emit. */
export function objectCreatedMessage(ref: S3ObjectRef): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: {
          bucket: { name: ref.bucket },
          object: {
            key: encodeURIComponent(ref.key).replace(/%20/g, '+').replace(/%2F/g, '/'),
            size: ref.size,
            eTag: ref.eTag,
            sequencer: ref.sequencer,
          },
        },
      },
    ],
  });
}
