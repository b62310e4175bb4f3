-- « Recevoir le programme par e-mail » posted again and again (each post one e-mail in the outbox), with the antiforgery
-- cookie and token that scale-out.sh read from one instance: the key ring is shared, the other instance accepts them.
local cookie = os.getenv("LEXOM_COOKIE")
local token = os.getenv("LEXOM_TOKEN")
local prefix = os.getenv("LEXOM_PREFIX") or "a"
local n = 0
local id = 0
setup = function(thread) id = id + 1; thread:set("tid", id) end
request = function()
  n = n + 1
  local body = "Email=" .. prefix .. "-" .. tostring(tid) .. "-" .. n .. "%40charge.example&Website=&__RequestVerificationToken=" .. token
  return wrk.format("POST", nil, { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Forwarded-Proto"] = "https" }, body)
end
