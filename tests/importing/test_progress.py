"""The progress line: redrawn in place on a terminal, a line per tenth in a log."""

import io

from importing.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_in_a_log_a_line_is_written_every_tenth_of_the_file():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, total=1000, clock=clock)

    for done in range(50, 1001, 50):
        clock.now = done / 100
        progress.update(done, done)
    progress.finish(1000, 1000)

    lines = stream.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0] == "100/1,000 rows (10%)  100 events/s  100 created  ETA 0:09"
    assert lines[-1].startswith("1,000/1,000 rows (100%)")


def test_on_a_terminal_the_line_is_redrawn_at_most_four_times_a_second():
    stream, clock = Terminal(), Clock()
    progress = Progress(stream, total=None, clock=clock)

    for step in range(1, 101):
        clock.now = step / 100  # 100 updates over one second
        progress.update(step * 10, step * 10)
    progress.finish(1000, 1000)

    text = stream.getvalue()
    assert text.count("\r") == 5  # four redraws and the final line
    assert text.endswith("1,000 rows  1,000 events/s  1,000 created\n")
