/**
 * Progress of a batch on a terminal: a bar on stderr, nothing when stderr is
 * not a TTY (pipes, CI logs).
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  tick: (done: number, total: number, label: string) => void;
  stop: () => void;
}

export function progressReporter(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY || total < 2) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({
    stream,
    format: '{bar} {value}/{total} {label}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { label: '' });
  return {
    tick: (done, _total, label) => bar.update(done, { label }),
    stop: () => bar.stop(),
  };
}
