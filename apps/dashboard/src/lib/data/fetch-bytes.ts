import { DataError } from './data-error';
import { fetchData } from './fetch-data';

/**
 * Fetches a file whole, reporting bytes as they arrive. No range requests: partial
 * reads through the browser cache are what corrupted Evidence users' Parquet files
 * (dashboard-notes.md §0.3), and our files are small and content-hashed.
 */
export async function fetchWholeFile(url: string, onBytes: (received: number) => void): Promise<Uint8Array> {
  const response = await fetchData(url);
  if (!response.ok) {
    throw new DataError(
      'download',
      url,
      `the server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
