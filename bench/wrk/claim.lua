-- POST /api/credit-requests: each request is a different customer (bench-w1 … bench-w20000, seeded
-- by bench/seed.sql) claiming the month given as the script's argument; each starts a
-- credit-request process, which computes the month's availability and credit before answering.
dofile("bench/wrk/report.lua")
local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(data)
  return ((data:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b64chars:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local counter = 0
function init(args)
  month = args[1]
end
request = function()
  counter = counter + 1
  local user = "bench-w" .. (tid * 10000 + counter)
  return wrk.format("POST", "/api/credit-requests", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Basic " .. base64(user .. ":bench")
  }, '{"month":"' .. month .. '","description":"bench claim"}')
end
