-- wrk: posts a valid request form with a CSRF cookie and its masked form value, which
-- bench/intake.sh fetched once (a masked value stays valid for as long as its cookie).
-- Every request gets its own address, as real submissions would.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local email = "bench" .. thread_id .. "-" .. counter .. "@example.com"
  local body = "_csrf=" .. encode(os.getenv("CSRF_FIELD"))
    .. "&type=ACCESS&name=" .. encode("Åsa Öberg-Ångström")
    .. "&email=" .. encode(email)
    .. "&phone=&relationship=CUSTOMER&description=" .. encode("Bench request: which data do you hold about me?")
    .. "&language=sv&truthful=true&website="
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = "XSRF-TOKEN=" .. os.getenv("CSRF_COOKIE")
  return wrk.format("POST", "/request", headers, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
end
