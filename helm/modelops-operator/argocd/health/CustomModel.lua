-- Argo CD health of a modelops.io CustomModel. Argo CD runs custom health scripts without
-- Lua's string library: only base functions, table and os are available here.
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

local function isTrue(c)
  return c ~= nil and c.status == "True"
end

-- An autoscaled model (spec.autoscaling) is settled at any count its autoscaler chooses, its
-- minimum included: the operator counts it Ready once that many replicas serve. Say so.
local function withAutoscaling(message, spec)
  if spec == nil or spec.autoscaling == nil or spec.autoscaling.maxReplicas == nil then
    return message
  end
  local min = spec.autoscaling.minReplicas
  if min == nil then
    min = 1
    if spec.requiresHa == true then
      min = 2
    end
  end
  return message .. " (autoscaled " .. tostring(min) .. ".." .. tostring(spec.autoscaling.maxReplicas) .. ")"
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
local progressing = condition(status, "Progressing")
local degraded = condition(status, "Degraded")

if isTrue(degraded) then
  hs.status = "Degraded"
  hs.message = messageOf(degraded, messageOf(ready, "The model is degraded"))
elseif status.phase == "errored" then
  hs.status = "Degraded"
  hs.message = messageOf(ready, "The model is errored")
elseif status.phase == "inactive" then
  hs.status = "Suspended"
  hs.message = messageOf(ready, "Serving is disabled (spec.serving.enabled: false)")
elseif isTrue(ready) and not isTrue(progressing) and status.phase ~= "replacingModel" then
  hs.status = "Healthy"
  hs.message = withAutoscaling(messageOf(ready, "The model is serving"), obj.spec)
else
  -- launching, or replacingModel: a rollout in progress is Progressing even while the
  -- previous version keeps serving.
  hs.status = "Progressing"
  hs.message = messageOf(progressing, messageOf(ready, "Waiting for the model to serve"))
end
return hs
