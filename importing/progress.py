"""The progress line an import draws on stderr: rows done of the total, events per
second, time left. Redrawn in place at most four times a second on a terminal; a line
every tenth of the file when stderr is a log or a pipe."""

import time

from django.core.management.base import OutputWrapper


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    REDRAW_EVERY = 0.25  # seconds, on a terminal
    LOG_EVERY_ROWS = 100_000  # without a known total, off a terminal

    def __init__(self, stream, total: int | None, *, clock=time.monotonic):
        self.stream = stream
        self.total = total
        self.clock = clock
        self.started = clock()
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._last_draw = 0.0
        self._next_log = self._log_step()
        self._drawn = False

    def _log_step(self) -> int:
        return max(self.total // 10, 1) if self.total else self.LOG_EVERY_ROWS

    def line(self, done: int, created: int) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = done / elapsed
        text = f"{done:,}"
        if self.total:
            text += f"/{self.total:,} rows ({min(done / self.total, 1):.0%})"
        else:
            text += " rows"
        text += f"  {rate:,.0f} events/s  {created:,} created"
        if self.total and rate > 0 and done < self.total:
            text += f"  ETA {_duration((self.total - done) / rate)}"
        return text

    def update(self, done: int, created: int):
        if self.tty:
            now = self.clock()
            if now - self._last_draw >= self.REDRAW_EVERY:
                self._last_draw = now
                self._write(f"\r\x1b[K{self.line(done, created)}")
                self._drawn = True
        elif done >= self._next_log:
            while self._next_log <= done:
                self._next_log += self._log_step()
            self._write(self.line(done, created) + "\n")

    def finish(self, done: int, created: int):
        if self.tty:
            self._write(f"\r\x1b[K{self.line(done, created)}\n")
        elif done and (not self.total or done < self.total):
            # The last tenth may not have been logged; say where the file ended.
            self._write(self.line(done, created) + "\n")

    def _write(self, text: str):
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(text, ending="")  # it would end every write with a newline
        else:
            self.stream.write(text)
        self.stream.flush()
