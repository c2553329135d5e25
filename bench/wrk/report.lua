-- wrk script for `make bench`: one page per run, set from the environment,
-- and one machine-readable summary line at the end.
--   BENCH_METHOD  GET (default) or POST
--   BENCH_BODY    form-encoded body for POST
--   BENCH_COOKIE  Cookie header (CSRF secret, basket)
--   BENCH_REFERER Referer header
-- Latencies are in microseconds; non-2xx/3xx answers count as status errors.

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
if body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local cookie = os.getenv("BENCH_COOKIE") or ""
if cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
local referer = os.getenv("BENCH_REFERER") or ""
if referer ~= "" then
  wrk.headers["Referer"] = referer
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"p50": %d, "p95": %d, "p99": %d, "mean": %.1f, "max": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max))
end
