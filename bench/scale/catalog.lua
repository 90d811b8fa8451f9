-- Catalogue searches for wrk, in turn: Chinese substrings, pinyin initials and full pinyin, English, filters by
-- theme, department, channel and zero-visit, an empty query and a query that matches nothing. THINK_MS (default 0)
-- makes each connection wait that long after an answer before its next search, as a person would.
local paths = {
  "/api/v1/catalog/items?q=%E7%A4%BE%E4%BF%9D",                       -- 社保
  "/api/v1/catalog/items?q=sbk",
  "/api/v1/catalog/items?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7",     -- 营业执照
  "/api/v1/catalog/items?q=shebaoka",
  "/api/v1/catalog/items?q=license",
  "/api/v1/catalog/items?theme=BIRTH",
  "/api/v1/catalog/items?department=440600-SCJG",
  "/api/v1/catalog/items?channel=ENTERPRISE&zeroVisit=true",
  "/api/v1/catalog/items?q=%E8%AF%81%E6%98%8E&channel=PERSON",        -- 证明
  "/api/v1/catalog/items?q=gjj&department=440105-GJJ",
  "/api/v1/catalog/items",
  "/api/v1/catalog/items?q=zzzzzz",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return think end
end
