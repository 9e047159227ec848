import { tableFromIPC, tableToIPC } from 'apache-arrow';

const fileMagic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

/**
 * DuckDB-WASM's `insertArrowFromIPCStream` reads the Arrow IPC *stream* format only,
 * while `.arrow` files are often written in the IPC *file* format (magic "ARROW1").
 * Returns stream bytes either way, re-encoding file-format input with apache-arrow.
 */
export function toArrowStream(bytes: Uint8Array): Uint8Array {
  const isFileFormat = fileMagic.every((byte, index) => bytes[index] === byte);
  return isFileFormat ? tableToIPC(tableFromIPC(bytes), 'stream') : bytes;
}
