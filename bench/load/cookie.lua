-- A signed-in page (the dashboard): the sign-in cookie from run.sh (LEXOM_COOKIE) on every request.
local cookie = os.getenv("LEXOM_COOKIE")
request = function()
  return wrk.format("GET", nil, { ["Cookie"] = cookie })
end
