-- Product reads rotating over the ids in IDS_FILE (one a line), each under PREFIX: "/api/v1/products/" for the
-- product page, "/baseline/products/" for the bare route it is compared with. Every thread starts at its own offset.
dofile("bench/catalog-common.lua")

local prefix = os.getenv("PREFIX") or "/api/v1/products/"
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do
  if #line > 0 then ids[#ids + 1] = line end
end

function init(args)
  next_index = (id or 0) * 7919
end

function request()
  local i = next_index % #ids + 1
  next_index = next_index + 1
  return wrk.format("GET", prefix .. ids[i])
end
