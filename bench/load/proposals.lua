-- The staff proposal list, filtered and paged: every request another state filter and page (wrk -s proposals.lua).
-- The sign-in cookie comes from run.sh in the environment (LEXOM_COOKIE), sent on every request.
local filters = { "statut=acceptee", "statut=emise", "statut=expiree", "statut=refusee", "", "q=DEV-2025", "client=sarl" }
local cookie = os.getenv("LEXOM_COOKIE")
local n = 0
request = function()
  n = n + 1
  local f = filters[(n % #filters) + 1]
  local page = (n % 20) + 1
  local path = "/gestion/propositions?" .. f .. (f == "" and "" or "&") .. "page=" .. page
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end
