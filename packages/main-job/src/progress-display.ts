// A progress line while something slow runs. On a terminal: one line redrawn with a spinner and
// the elapsed time; elsewhere (CI logs, tests): a line each time the status text changes.

export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface ProgressDisplay {
  update(status: string): void;
  /** Ends the display with a final line (`✓ label: text (3.2 s)`). */
  finish(ok: boolean, status: string): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function startProgress(out: Output, label: string, now: () => number = Date.now): ProgressDisplay {
  const started = now();
  let status = '';
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = (): void => {
    out.write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length] ?? '-'} ${label}: ${status} (${seconds(now() - started)})`);
  };
  if (out.isTTY) {
    timer = setInterval(draw, 100);
    timer.unref();
  }
  return {
    update(next) {
      if (next === status) return;
      status = next;
      if (out.isTTY) draw();
      else out.write(`  … ${label}: ${status}\n`);
    },
    finish(ok, final) {
      if (timer) clearInterval(timer);
      out.write(`${out.isTTY ? '\r\x1b[K' : ''}${ok ? '✓' : '✗'} ${label}: ${final} (${seconds(now() - started)})\n`);
    },
  };
}
