-- wrk script for bench/cluster: every request reads or writes one key drawn uniformly from a
-- fixed key space, against either system's HTTP API.
--
--   wrk -t T -c C -d D --latency -s load.lua URL -- SYSTEM OP KEYS VALUE_BYTES
--
--   SYSTEM  ringkv  PUT /v1/kv/{key} (raw value)  |  GET /v1/kv/{key}
--           etcd    POST /v3/kv/put {"key","value"}  |  POST /v3/kv/range {"key"}  (base64)
--   OP      put | get
--
-- Keys are "bench000001".."benchNNNNNN" and values VALUE_BYTES of "x": main.ts prefills the same
-- keys with the same values, so every get finds its key. done() prints one line
--   wrk-result {json}
-- with exact percentiles from wrk's histogram, which main.ts reads instead of the text report.

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_no", thread_count)
end

local ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function sextet(n)
  return ALPHABET:sub(n + 1, n + 1)
end

-- Standard base64 with padding; LuaJIT has no bit operators in plain Lua, so use arithmetic.
local function base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    out[#out + 1] = sextet(math.floor(n / 262144) % 64)
      .. sextet(math.floor(n / 4096) % 64)
      .. (b and sextet(math.floor(n / 64) % 64) or "=")
      .. (c and sextet(n % 64) or "=")
  end
  return table.concat(out)
end

local function key_name(i)
  return string.format("bench%06d", i)
end

-- Request builders: key index -> the complete HTTP request text.
local builders = {
  ringkv = {
    put = function(i, value)
      return wrk.format("PUT", "/v1/kv/" .. key_name(i), { ["Content-Type"] = "application/octet-stream" }, value)
    end,
    get = function(i)
      return wrk.format("GET", "/v1/kv/" .. key_name(i))
    end,
  },
  etcd = {
    put = function(i, value)
      local body = '{"key":"' .. base64(key_name(i)) .. '","value":"' .. base64(value) .. '"}'
      return wrk.format("POST", "/v3/kv/put", { ["Content-Type"] = "application/json" }, body)
    end,
    get = function(i)
      local body = '{"key":"' .. base64(key_name(i)) .. '"}'
      return wrk.format("POST", "/v3/kv/range", { ["Content-Type"] = "application/json" }, body)
    end,
  },
}

local build, key_count, value
-- Requests are built once per key and reused, so wrk spends its time on I/O, not on Lua.
local cache = {}

function init(args)
  local system, op = args[1], args[2]
  key_count = tonumber(args[3])
  value = string.rep("x", tonumber(args[4]))
  build = builders[system] and builders[system][op]
  if not build or not key_count or key_count < 1 then
    error("usage: -- ringkv|etcd put|get KEYS VALUE_BYTES")
  end
  math.randomseed(os.time() * 1000 + (thread_no or 0))
end

function request()
  local i = math.random(key_count)
  local r = cache[i]
  if not r then
    r = build(i, value)
    cache[i] = r
  end
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'wrk-result {"requests":%d,"durationUs":%d,"bytes":%d,"statusErrors":%d,'
      .. '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,'
      .. '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.status,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean
  ))
end
