-- Argo CD health of a modelops.io ResourceBundle. A bundle owns nothing, so it is usable as
-- soon as it exists: no status is Healthy. A deprecated bundle is Healthy too (its users keep
-- it; only new references are refused). Argo CD runs custom health scripts without Lua's
-- string library: only base functions, table and os are available here.
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
if status ~= nil and status.observedGeneration ~= nil and generation ~= nil
    and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(generation)
  return hs
end

local ready = condition(status, "Ready")
if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  if ready.message ~= nil and ready.message ~= "" then
    hs.message = ready.message
  else
    hs.message = "The bundle is not ready"
  end
elseif obj.spec ~= nil and obj.spec.deprecated == true then
  hs.status = "Healthy"
  hs.message = "Deprecated: models and jobs that use it keep it; new references are refused"
else
  hs.status = "Healthy"
  if ready ~= nil and ready.message ~= nil and ready.message ~= "" then
    hs.message = ready.message
  else
    hs.message = "The bundle is available"
  end
end
return hs
