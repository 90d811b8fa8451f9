-- The same path again and again; THINK_MS (default 0) makes each connection wait that long after an answer.
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return think end
end
