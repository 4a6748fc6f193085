-- wrk script for Tools/load-web: sends the session cookie, and reports one line:
-- requests, errors (socket and non-2xx/3xx), p50, p95 and p99 latency in milliseconds.
wrk.headers["Cookie"] = os.getenv("KIJKGLAS_COOKIE")

local paths = {}
for path in string.gmatch(os.getenv("KIJKGLAS_PATHS") or "/", "[^ ]+") do
  paths[#paths + 1] = path
end
local next_path = 0

request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f\n", summary.requests,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
