import type { SQSRecord } from 'aws-lambda';
import { z } from 'zod';

/** One object-created notification, whichever way S3 delivered it. */
export interface S3ObjectRef {
  bucket: string;
  key: string;
  size?: number;
  eTag?: string;
  sequencer?: string;
}

const S3NotificationSchema = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      s3: z.object({
        bucket: z.object({ name: z.string() }),
        object: z.object({
          key: z.string(),
          size: z.number().optional(),
          eTag: z.string().optional(),
          sequencer: z.string().optional(),
        }),
      }),
    }),
  ),
});

const EventBridgeObjectCreatedSchema = z.object({
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      key: z.string(),
      size: z.number().optional(),
      etag: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

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
  const notification = S3NotificationSchema.safeParse(message);
  if (notification.success) {
    return notification.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated')).map((r) => ({
      bucket: r.s3.bucket.name,
      key: decodeS3Key(r.s3.object.key),
      size: r.s3.object.size,
      eTag: r.s3.object.eTag,
      sequencer: r.s3.object.sequencer,
    }));
  }
  const event = EventBridgeObjectCreatedSchema.safeParse(message);
  if (event.success) {
    const { bucket, object } = event.data.detail;
    return [
      {
        bucket: bucket.name,
        key: object.key,
        size: object.size,
        eTag: object.etag,
        sequencer: object.sequencer,
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
