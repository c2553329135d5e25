"""The benchmark's guard rails and arithmetic (no site needed)."""

import pytest

from search.bench import NotLoopback, bench_run, loopback_base_url, percentile


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost:8000/", "http://127.0.0.2", "http://[::1]:80"],
)
def test_loopback_urls_are_accepted(url):
    assert loopback_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1:8000", "http://192.168.1.5", "http://8.8.8.8", "ftp://127.0.0.1", "x"]
)
def test_other_addresses_are_refused(url):
    with pytest.raises(NotLoopback):
        loopback_base_url(url)


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        bench_run(base_url="http://127.0.0.1:9", requests=0)
    with pytest.raises(ValueError):
        bench_run(base_url="http://127.0.0.1:9", concurrency=1000)


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 201)]
    assert percentile(values, 0.95) == 190.0
    assert percentile(values, 0.5) == 100.0
    assert percentile([], 0.95) == 0.0
    assert percentile([7.0], 0.95) == 7.0
