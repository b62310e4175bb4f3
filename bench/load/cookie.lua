-- A signed-in page (the dashboard): the sign-in cookie from run.sh (LEXOM_COOKIE) on every request, and the header a TLS
-- proxy adds (X-Forwarded-Proto, trusted from loopback): in Production the cookies are Secure, so are the pages' antiforgery tokens.
local cookie = os.getenv("LEXOM_COOKIE")
request = function()
  return wrk.format("GET", nil, { ["Cookie"] = cookie, ["X-Forwarded-Proto"] = "https" })
end
