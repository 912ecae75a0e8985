import { describe, expect, it } from 'vitest';
import { requestFromEvent } from '../../../functions/api/api-handler';
import { CursorCodec } from '../../../shared/api/cursor';
import { createApi } from '../../../shared/api/router';
import { httpEvent } from '../../../support/api-events';
import { fakeReads } from '../../../support/fake-reads';

const failingReader = fakeReads('connection reset by table');

describe('router', () => {
  it('answers a failure it did not expect with a 500 problem that leaks nothing, and reports it', async () => {
    const reported: unknown[] = [];
    const api = createApi({
      reader: failingReader,
      cursors: new CursorCodec('k'),
      onError: (error) => reported.push(error),
    });
    const response = await api({ method: 'GET', path: '/articles/abc', query: {}, headers: {} });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).not.toContain('connection reset');
    expect(reported).toHaveLength(1);
  });

  it('refuses a malformed percent-encoding in a path parameter with 400', async () => {
    const api = createApi({ reader: failingReader, cursors: new CursorCodec('k') });
    const response = await api({ method: 'GET', path: '/entities/%E0%A4%A', query: {}, headers: {} });
    expect(response.statusCode).toBe(400);
  });
});

describe('requestFromEvent', () => {
  it('reads method, path, query and headers from an HTTP API payload 2.0 event', () => {
    const request = requestFromEvent(
      httpEvent('GET', '/articles', { limit: '5' }, { 'if-none-match': '"x"' }),
    );
    expect(request).toMatchObject({ method: 'GET', path: '/articles', query: { limit: '5' } });
    expect(request.headers['if-none-match']).toBe('"x"');
  });

  it('drops a named stage from the path', () => {
    const event = httpEvent('GET', '/prod/articles/abc');
    event.requestContext.stage = 'prod';
    expect(requestFromEvent(event).path).toBe('/articles/abc');
  });
});
