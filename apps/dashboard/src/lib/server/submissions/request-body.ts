/**
 * Reads a request body, but no more than `limit` bytes: a larger body (declared in
 * Content-Length, or streamed without one) is abandoned as soon as it passes the limit, so a
 * huge upload costs neither memory nor the time to receive it. Returns null when too large.
 *
 * @example
 * ```ts
 * const bytes = await readBodyWithin(request, MAX_UPLOAD_BYTES);
 * if (bytes === null) return json({ ok: false, ... }, { status: 413 });
 * ```
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } catch (error) {
    // The server's own body limit (BODY_SIZE_LIMIT) ends the stream with a 413 error.
    if (error instanceof Error && 'status' in error && error.status === 413) return null;
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
