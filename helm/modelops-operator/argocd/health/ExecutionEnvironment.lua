-- Argo CD health of a modelops.io ExecutionEnvironment, from the buildStatus of its versions:
-- any failed is Degraded, any submitted or processing is Progressing. Argo CD runs custom
-- health scripts without Lua's string library: only base functions, table and os.
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

local failed = {}
local building = {}
local built = 0
if status.versions ~= nil then
  for _, v in ipairs(status.versions) do
    local label = tostring(v.label)
    if v.buildStatus == "failed" then
      table.insert(failed, label)
    elseif v.buildStatus == "success" then
      built = built + 1
    else
      table.insert(building, label)
    end
  end
end

local ready = condition(status, "Ready")
if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = messageOf(ready, "The environment is not ready")
elseif #failed > 0 then
  hs.status = "Degraded"
  hs.message = "Build failed for version(s) " .. table.concat(failed, ", ")
elseif #building > 0 then
  hs.status = "Progressing"
  hs.message = "Building version(s) " .. table.concat(building, ", ")
elseif built == 0 then
  hs.status = "Progressing"
  hs.message = messageOf(ready, "Waiting for the operator to report the versions")
else
  hs.status = "Healthy"
  hs.message = messageOf(ready, tostring(built) .. " version(s) ready")
end
return hs
