-- Argo CD health of a modelops.io CustomModelTest, from its overall status. A test that waits
-- (queued behind another test of its model, in progress, or waiting for its version to exist or
-- be validated) is Progressing; succeeded is Healthy; failed, aborted and warning (a check set to
-- warn found something; the promotion gate does not pass it either) are Degraded, as is a test the
-- operator refused (not_tested with a reason naming the field). A canceled test is Suspended.
-- Argo CD runs custom health scripts without Lua's string library.
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
    or (generation ~= nil and status.observedGeneration < generation)
    or status.overallStatus == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(generation)
  return hs
end

-- Reasons a not_tested test waits with (it starts by itself once they clear).
local waits = {
  VersionNotFound = true,
  ModelNotFound = true,
  VersionPending = true,
  NetworkPolicyPending = true,
}

local healthByStatus = {
  queued = {"Progressing", "Queued: another test of the model is in progress"},
  in_progress = {"Progressing", "In progress"},
  succeeded = {"Healthy", "Succeeded"},
  warning = {"Degraded", "Warning"},
  failed = {"Degraded", "Failed"},
  aborted = {"Degraded", "Aborted"},
  canceled = {"Suspended", "Canceled"},
  skipped = {"Healthy", "Skipped"},
  not_tested = {"Degraded", "Not tested"},
}
local ready = condition(status, "Ready")
local health = healthByStatus[status.overallStatus]
if health == nil then
  hs.status = "Progressing"
  hs.message = "Unknown overall status " .. tostring(status.overallStatus)
  return hs
end

hs.status = health[1]
if status.overallStatus == "not_tested" and ready ~= nil and waits[ready.reason] then
  hs.status = "Progressing"
end
if status.message ~= nil and status.message ~= "" then
  hs.message = status.message
elseif ready ~= nil and ready.message ~= nil and ready.message ~= "" then
  hs.message = ready.message
else
  hs.message = health[2]
end
return hs
