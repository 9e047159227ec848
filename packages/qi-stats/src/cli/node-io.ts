/**
 * The CLI's only contact with the outside world, behind an interface so that
 * tests drive `runCli` with strings and the library itself stays I/O-free.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The real thing: files, standard input and output of this process.
 *
 * @example
 * await runCli(process.argv.slice(2), nodeIo());
 */
export function nodeIo(): CliIo {
  return {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
  };
}
