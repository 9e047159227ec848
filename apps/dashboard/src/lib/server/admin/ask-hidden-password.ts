import { AdminError } from './admin-errors.ts';

/** A terminal input the password prompt can switch to raw mode (process.stdin when a TTY). */
export interface RawInput extends NodeJS.EventEmitter {
  setRawMode(mode: boolean): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Asks for a password in the terminal without echoing it: the typed characters are read in
 * raw mode and never printed. Enter finishes, Backspace deletes, Ctrl-C or Ctrl-D cancels
 * (rejecting with an {@link AdminError}, so nothing is changed).
 *
 * @example
 * ```ts
 * const password = await askHiddenPassword('New password: ', process.stdin, process.stderr);
 * ```
 */
export function askHiddenPassword(
  prompt: string,
  input: RawInput,
  output: { write(text: string): unknown },
): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004')
          return finish(new AdminError('Cancelled; nothing was changed.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}
