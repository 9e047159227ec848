import { describe, expect, it } from 'vitest';
import { readBodyWithin } from './request-body.ts';

function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request('http://localhost/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('readBodyWithin', () => {
  it('returns a body within the limit, whole', async () => {
    const bytes = await readBodyWithin(streamed([new Uint8Array([1, 2]), new Uint8Array([3])]), 3);
    expect([...(bytes ?? [])]).toEqual([1, 2, 3]);
  });

  it('returns null for a streamed body past the limit, reading it to the end', async () => {
    const request = streamed([new Uint8Array(3), new Uint8Array(3), new Uint8Array(3)]);
    expect(await readBodyWithin(request, 4)).toBeNull();
    expect(request.bodyUsed).toBe(true);
  });

  it('returns null when Content-Length already says too large', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: new Uint8Array(10),
      headers: { 'content-length': '10' },
    });
    expect(await readBodyWithin(request, 5)).toBeNull();
  });

  it('treats the server body limit ending the stream (a 413 error) as too large', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(Object.assign(new Error('Content-length exceeds limit'), { status: 413 }));
      },
    });
    const request = new Request('http://localhost/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readBodyWithin(request, 5)).toBeNull();
  });

  it('gives an empty body as no bytes', async () => {
    expect(await readBodyWithin(new Request('http://localhost/', { method: 'POST' }), 5)).toEqual(
      new Uint8Array(0),
    );
  });
});
