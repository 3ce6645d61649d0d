-- Signs in as the demo buyers in turn; every request is a real Argon2id verification plus a new session.
local accounts = { "buyer.de@tradewind.test", "buyer.us@tradewind.test", "buyer.jp@tradewind.test" }
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  local email = accounts[(i % #accounts) + 1]
  return wrk.format(nil, "/api/v1/auth/login", nil,
    '{"email":"' .. email .. '","password":"demo-buyer-2026"}')
end
