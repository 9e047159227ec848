/**
 * Reads a request body, keeping no more than `limit` bytes: returns the bytes, or null when
 * the body is larger. A larger body is still read to its end and thrown away, chunk by chunk
 * (never held in memory), rather than the connection being cut: a client that sends the
 * whole body before reading the answer (fetch does) then receives the 413 and its message
 * instead of a connection reset. The server's own limit (BODY_SIZE_LIMIT, 2 MB) bounds how
 * much is read; beyond it the stream ends in a 413 error, which also means "too large".
 *
 * @example
 * ```ts
 * const bytes = await readBodyWithin(request, MAX_UPLOAD_BYTES);
 * if (bytes === null) return json({ ok: false, ... }, { status: 413 });
 * ```
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const declared = Number(request.headers.get('content-length'));
  let tooLarge = Number.isFinite(declared) && declared > limit;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 413) return null;
    throw error;
  }
  if (tooLarge) return null;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
