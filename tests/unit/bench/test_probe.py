"""The probe's CPU per request: warm-up calls first, then the median of the samples."""

import itertools

from bench import probe


def test_cpu_per_request_is_the_median_after_the_warm_up(monkeypatch):
    calls = []
    clock = itertools.count()  # each reading one second later: every request takes 1 s
    monkeypatch.setattr(probe.time, "process_time", lambda: next(clock))
    assert probe.cpu_ms(calls.append, warmup=2, samples=5) == 1000.0
    assert calls == [0, 1, 2, 3, 4, 5, 6]  # each call numbered, for a new term per call
