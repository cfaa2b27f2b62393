-- Argo CD health of a modelops.io CustomJob: the job definition and its schedule. Each run
-- has its own health (CustomJobRun); a failed run does not make its job Degraded. Argo CD runs
-- custom health scripts without Lua's string library: only base functions, table and os.
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

local ready = condition(status, "Ready")
local suspended = obj.spec ~= nil and obj.spec.schedule ~= nil and obj.spec.schedule.suspend == true

if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = messageOf(ready, "The job is not ready")
elseif suspended then
  hs.status = "Suspended"
  hs.message = "The schedule is suspended (spec.schedule.suspend: true)"
elseif ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = messageOf(ready, "The job is ready")
else
  hs.status = "Progressing"
  hs.message = messageOf(ready, "Waiting for the job to be ready")
end
return hs
