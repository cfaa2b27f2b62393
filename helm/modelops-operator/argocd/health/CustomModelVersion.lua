-- Argo CD health of a modelops.io CustomModelVersion. Argo CD runs custom health scripts
-- without Lua's string library: only base functions, table and os are available here.
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

local validated = condition(status, "Validated")
local ready = condition(status, "Ready")

if (validated ~= nil and validated.status == "False") or status.phase == "invalid" then
  hs.status = "Degraded"
  hs.message = messageOf(validated, messageOf(ready, "The version is invalid"))
elseif ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = messageOf(ready, "The version is valid")
elseif ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = messageOf(ready, "The version is not ready")
else
  hs.status = "Progressing"
  hs.message = messageOf(ready, messageOf(validated, "Waiting for the version to be validated"))
end
return hs
