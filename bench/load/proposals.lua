-- The staff proposal list, filtered and paged: every request another filter and page (wrk -s proposals.lua). The filters are
-- the list's own: each state, none, a proposal's number (LEXOM_NUMBERS) and a client's name (LEXOM_CLIENTS), both drawn from
-- the database by run.sh, as a sales person types them. The sign-in cookie comes from run.sh (LEXOM_COOKIE); the TLS proxy's
-- header as in cookie.lua.
local function split(s) local t = {} for v in string.gmatch(s or "", "[^|]+") do t[#t + 1] = v end return t end
local numbers = split(os.getenv("LEXOM_NUMBERS"))
local clients = split(os.getenv("LEXOM_CLIENTS"))
local states = { "statut=acceptee", "statut=emise", "statut=expiree", "statut=refusee", "" }
local cookie = os.getenv("LEXOM_COOKIE")
local n = 0
request = function()
  n = n + 1
  local kind = n % 7
  local f
  if kind < 5 then f = states[kind + 1]
  elseif kind == 5 then f = "q=" .. numbers[(n % #numbers) + 1]
  else f = "client=" .. clients[(n % #clients) + 1] end
  local page = (kind < 5) and ((n % 20) + 1) or 1
  local path = "/gestion/propositions?" .. f .. (f == "" and "" or "&") .. "page=" .. page
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["X-Forwarded-Proto"] = "https" })
end
