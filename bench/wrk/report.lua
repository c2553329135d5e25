-- wrk script for `make bench`: one page per run, set from the environment,
-- and one machine-readable summary line at the end.
--   BENCH_METHOD  GET (default) or POST
--   BENCH_BODY    form-encoded body for POST
--   BENCH_COOKIE  Cookie header (CSRF secret, basket)
--   BENCH_REFERER Referer header
--   BENCH_PATHS   a file of paths, one a line: each request takes the next one
--                 (thread i of BENCH_THREADS starts at the i-th share), so a
--                 search sends a term not sent before until the file runs out
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

local paths = {}
local paths_file = os.getenv("BENCH_PATHS") or ""
if paths_file ~= "" then
  for line in io.lines(paths_file) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
end

local started = 0
setup = function(thread)
  thread:set("thread_number", started)
  started = started + 1
end

local position = nil
if #paths > 0 then
  request = function()
    if position == nil then
      local threads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
      position = math.floor((thread_number or 0) * #paths / threads)
    end
    position = position % #paths + 1
    return wrk.format(nil, paths[position])
  end
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
