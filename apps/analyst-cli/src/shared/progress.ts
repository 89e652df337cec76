import { Presets, SingleBar } from 'cli-progress';

/** How far a long pass over the event store has got, in positions, and at what speed. */
export type Progress = {
  start(total: number): void;
  /** `done`: positions covered so far; `events`: events handled so far (PostgreSQL positions may have gaps). */
  update(done: number, events: number, total?: number): void;
  stop(): void;
};

export const NO_PROGRESS: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };

/**
 * A cli-progress bar on stderr, so that stdout carries only the result and can be piped.
 * On a terminal it redraws in place; into a pipe or file it prints a line every second.
 */
export const progressBar = (label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
  const bar = new SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} positions | {rate} events/s | {eta_formatted} left`,
      barsize: 24,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      etaBuffer: 20,
      fps: 10,
    },
    Presets.shades_classic,
  );
  let started = 0;
  const rate = (events: number): string => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? String(Math.round(events / seconds)) : '-';
  };
  return {
    start: (total) => {
      started = Date.now();
      bar.start(Math.max(total, 0), 0, { rate: '-' });
    },
    update: (done, events, total) => {
      if (total !== undefined && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { rate: rate(events) });
    },
    stop: () => bar.stop(),
  };
};
