-- Argo CD health of a modelops.io ExecutionEnvironment, from what the operator checked of its
-- versions' image references: any Invalid is Degraded, any not yet checked is Progressing.
-- Argo CD runs custom health scripts without Lua's string library: only base functions, table
-- and os.
local function condition(status, conditionType)
  if status == nil or status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function messageOf(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  return fallback
end

local hs = {}
local status = obj.status
local generation = obj.metadata.generation
if status == nil or status.observedGeneration == nil
    or (generation ~= nil and status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(generation)
  return hs
end

local invalid = {}
local unchecked = {}
local valid = 0
if status.versions ~= nil then
  for _, v in ipairs(status.versions) do
    local label = tostring(v.label)
    if v.imageReference == "Invalid" then
      table.insert(invalid, label)
    elseif v.imageReference == "Valid" then
      valid = valid + 1
    else
      table.insert(unchecked, label)
    end
  end
end

local ready = condition(status, "Ready")
if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = messageOf(ready, "The environment is not ready")
elseif #invalid > 0 then
  hs.status = "Degraded"
  hs.message = "Invalid image reference in version(s) " .. table.concat(invalid, ", ")
elseif #unchecked > 0 then
  hs.status = "Progressing"
  hs.message = "Checking version(s) " .. table.concat(unchecked, ", ")
elseif valid == 0 then
  hs.status = "Progressing"
  hs.message = messageOf(ready, "Waiting for the operator to report the versions")
else
  hs.status = "Healthy"
  hs.message = messageOf(ready, tostring(valid) .. " version(s) with a valid image reference")
end
return hs
