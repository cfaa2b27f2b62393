-- Argo CD health of a modelops.io CustomJobRun, from its phase. A canceled run is Suspended:
-- it stopped because someone asked (spec.cancel or deletion), which is neither a success nor a
-- fault. Argo CD runs custom health scripts without Lua's string library.
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

local hs = {}
local status = obj.status
local generation = obj.metadata.generation
if status == nil or status.observedGeneration == nil
    or (generation ~= nil and status.observedGeneration < generation) or status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(generation)
  return hs
end

local healthByPhase = {
  queued = {"Progressing", "Queued: waiting for a free run slot (limits.maxCustomJobRuns)"},
  running = {"Progressing", "Running"},
  canceling = {"Progressing", "Canceling"},
  succeeded = {"Healthy", "Succeeded"},
  failed = {"Degraded", "Failed"},
  interrupted = {"Degraded", "Interrupted"},
  canceled = {"Suspended", "Canceled"},
}
local health = healthByPhase[status.phase]
if health == nil then
  hs.status = "Progressing"
  hs.message = "Unknown phase " .. tostring(status.phase)
  return hs
end

hs.status = health[1]
local ready = condition(status, "Ready")
if status.message ~= nil and status.message ~= "" then
  hs.message = status.message
elseif ready ~= nil and ready.message ~= nil and ready.message ~= "" then
  hs.message = ready.message
else
  hs.message = health[2]
end
return hs
