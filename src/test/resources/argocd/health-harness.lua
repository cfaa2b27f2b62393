-- Runs an Argo CD health script the way Argo CD runs a custom health check (util/lua/lua.go):
-- the resource as the global `obj`, only the base, table and (safe) os libraries, no string
-- library, and the script's return value must be a table with a valid health status.
--
-- usage: lua5.1 health-harness.lua <health.lua> <objects.lua>
-- <objects.lua> returns a list of resources; prints one line per resource:
-- <status> TAB <message>, with backslash, newline and tab escaped.
local script_path, objects_path = arg[1], arg[2]
local objects = assert(loadfile(objects_path))()
local script = assert(loadfile(script_path))
local gsub, format, write = string.gsub, string.format, io.write

local valid = {Healthy = true, Progressing = true, Degraded = true, Suspended = true,
  Missing = true, Unknown = true}
local base = {"assert", "error", "ipairs", "next", "pairs", "pcall", "print", "rawequal",
  "rawget", "rawset", "select", "setmetatable", "getmetatable", "tonumber", "tostring", "type",
  "unpack", "xpcall"}

local function escape(s)
  return (gsub(gsub(gsub(s, "\\", "\\\\"), "\n", "\\n"), "\t", "\\t"))
end

local string_meta = getmetatable("")
for i, object in ipairs(objects) do
  local env = {obj = object, table = table, os = {time = os.time, date = os.date, clock = os.clock}}
  for _, name in ipairs(base) do
    env[name] = _G[name]
  end
  env._G = env
  setfenv(script, env)
  -- Without the string library, strings have no methods (s:find(...) fails as in Argo CD).
  local saved = string_meta.__index
  string_meta.__index = nil
  local ok, result = pcall(script)
  string_meta.__index = saved
  if not ok then
    write(format("ERROR\tobject %d: %s\n", i, escape(tostring(result))))
  elseif type(result) ~= "table" then
    write(format("ERROR\tobject %d: returned a %s, not a table\n", i, type(result)))
  elseif not valid[result.status] then
    write(format("ERROR\tobject %d: invalid health status %s\n", i, tostring(result.status)))
  elseif result.message ~= nil and type(result.message) ~= "string" then
    write(format("ERROR\tobject %d: message is a %s\n", i, type(result.message)))
  else
    write(result.status, "\t", escape(result.message or ""), "\n")
  end
end
