-- A storefront's search traffic: QUESTIONS (default 400) distinct searches, each with two filters and the facets
-- every answer carries: category + price range, category + brand, brand + price range, and a quarter with text
-- (q + category + price range, some misspelt), in EUR, USD or GBP, some inStock. The list is the same in every
-- thread (fixed seed); each thread starts at its own offset and rotates through all of it.
-- MODE=cold: each thread asks its own share of the list once, notes it in DONE_FILE and stops (the first pass, on
-- an empty cache; the requests already in flight when a thread stops are not counted).
dofile("bench/catalog-common.lua")

local questions = tonumber(os.getenv("QUESTIONS") or "400")
local mode = os.getenv("MODE") or "warm"
local categories = { "audio", "headphones", "speakers", "bags", "backpacks", "tote-bags", "fashion", "scarves",
  "shirts", "food", "coffee", "tea", "home-decor", "candles", "lighting", "vases", "home-textiles", "bed-linen",
  "bath-towels", "table-linen", "throws", "kitchen", "cookware", "knives", "tableware", "stationery", "notebooks",
  "pens", "toys", "puzzles", "wooden-toys", "beauty", "skincare", "soaps" }
local heads = { "Nord", "Sol", "Alto", "Kai", "Mira", "Luma", "Terra", "Vela", "Oro", "Brisa", "Hana", "Kumo", "Rio",
  "Pino", "Cedar", "Maple", "Iron", "Silver", "Copper", "Blue", "Red", "Stone", "Wild", "True", "Casa" }
local tails = { "vik", "ana", "crest", "works", "field", "moto", "haven", "line", "craft", "wood", "ridge", "sound", "lab" }
local ranges = { { 0, 25 }, { 25, 50 }, { 50, 100 }, { 100, 250 }, { 250, 1000 }, { 10, 60 }, { 40, 150 }, { 80, 400 } }
local words = { "linen", "organic%20cotton", "merino%20wool", "silk", "leather", "oak", "ceramic", "classic",
  "modern", "compact", "linnen", "lether", "minimalist%20linen" }
local currencies = { "EUR", "EUR", "USD", "GBP" }

local paths = {}
math.randomseed(42)
local function pick(list) return list[math.random(#list)] end
for i = 1, questions do
  local range = pick(ranges)
  local price = "&minPrice=" .. range[1] .. "&maxPrice=" .. range[2]
  local brand = "&brand=" .. pick(heads) .. pick(tails)
  local category = "&category=" .. pick(categories)
  local kind = i % 4
  local filters
  if kind == 0 then filters = category .. price
  elseif kind == 1 then filters = category .. brand
  elseif kind == 2 then filters = brand .. price
  else filters = "&q=" .. pick(words) .. category .. price end
  if math.random(5) == 1 then filters = filters .. "&inStock=true" end
  paths[i] = "/api/v1/products?limit=20&currency=" .. pick(currencies) .. filters
end

-- THREADS must match wrk's -t: each thread's share of the list is questions / THREADS.
local thread_count = tonumber(os.getenv("THREADS") or "2")
function init(args)
  share = math.ceil(questions / thread_count)
  next_index = (id or 0) * share
  last_index = mode == "cold" and math.min(next_index + share, questions) or nil
  answered = 0
end

function request()
  local i = next_index % questions + 1
  next_index = next_index + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  answered = answered + 1
  if last_index and answered == last_index - (id or 0) * share then
    -- wrk waits out -d even when every thread has stopped: the script interrupts it once each has said so here.
    local done_file = io.open(os.getenv("DONE_FILE") or "/dev/null", "a")
    done_file:write("done\n")
    done_file:close()
    wrk.thread:stop()
  end
end
