{{/* Chart name, for app.kubernetes.io/name. */}}
{{- define "modelops.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Base name of every object: fullnameOverride, else <release>-operator (release "modelops" gives
"modelops-operator"), else the release name when it already says "operator".
*/}}
{{- define "modelops.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains "operator" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-operator" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "modelops.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "modelops.labels" -}}
helm.sh/chart: {{ include "modelops.chart" . }}
{{ include "modelops.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: modelops
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels selecting the operator pods. */}}
{{- define "modelops.selectorLabels" -}}
app.kubernetes.io/name: {{ include "modelops.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "modelops.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "modelops.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "modelops.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The Lease the operator elects its leader on (OperatorConfig.LEASE_NAME). */}}
{{- define "modelops.leaseName" -}}modelops-operator-leader{{- end -}}

{{/* The operator's config file, exactly the keys OperatorConfig reads. */}}
{{- define "modelops.configFile" -}}
{{- $c := .Values.config -}}
limits:
  {{- toYaml $c.limits | nindent 2 }}
platformApi:
  namespaceSelector: {{ $c.platformApi.namespaceSelector | toJson }}
  cidrs: {{ $c.platformApi.cidrs | toJson }}
  ports: {{ $c.platformApi.ports | toJson }}
ingressNamespaces: {{ $c.ingressNamespaces | toJson }}
gitFetcherImage: {{ $c.gitFetcherImage | quote }}
testerImage: {{ default (include "modelops.image" .) $c.testerImage | quote }}
gitHttpHosts: {{ $c.gitHttpHosts | toJson }}
egress:
  publicExcept: {{ $c.egress.publicExcept | toJson }}
  clusterCidrs: {{ $c.egress.clusterCidrs | toJson }}
  defaultAllowed: {{ $c.egress.defaultAllowed | toJson }}
  allowedByNamespace: {{ $c.egress.allowedByNamespace | toJson }}
ephemeralStorage:
  {{- toYaml $c.ephemeralStorage | nindent 2 }}
placement:
  gpuResources: {{ $c.placement.gpuResources | toJson }}
  imagePullSecrets: {{ $c.placement.imagePullSecrets | toJson }}
  requiredHostAntiAffinity: {{ $c.placement.requiredHostAntiAffinity }}
watchNamespaces: {{ $c.watchNamespaces | toJson }}
leaderElection: {{ .Values.leaderElection.enabled }}
leaseNamespace: {{ .Release.Namespace | quote }}
endpoints:
  {{- toYaml $c.endpoints | nindent 2 }}
reconcileThreads: {{ $c.reconcileThreads }}
{{- end -}}

{{/*
Rules of the operator on the namespaced objects it reconciles and owns; the same list serves
the ClusterRole (all namespaces) and each namespaced Role (watchNamespaces).
*/}}
{{- define "modelops.namespacedRules" -}}
# Read the custom resources it reconciles or looks up.
- apiGroups: [modelops.io]
  resources: [custommodels, custommodelversions, customjobs, custommodeltests]
  verbs: [get, list, watch]
# Scheduled runs are created by the operator (owned by their CustomJob).
- apiGroups: [modelops.io]
  resources: [customjobruns]
  verbs: [get, list, watch, create, update, patch, delete]
# Status is the only part of a user's object the operator writes.
- apiGroups: [modelops.io]
  resources: [custommodels/status, custommodelversions/status, customjobs/status, customjobruns/status, custommodeltests/status]
  verbs: [update, patch]
# Owned objects carry blockOwnerDeletion: clusters enforcing OwnerReferencesPermissionEnforcement
# require update on the owner's finalizers subresource (nothing else uses it).
- apiGroups: [modelops.io]
  resources: [custommodels/finalizers, customjobs/finalizers, customjobruns/finalizers, custommodeltests/finalizers]
  verbs: [update]
# Objects it owns (garbage-collected through controller ownerReferences).
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, create, update, patch, delete]
- apiGroups: [""]
  resources: [services, configmaps]
  verbs: [get, list, watch, create, update, patch, delete]
- apiGroups: [networking.k8s.io]
  resources: [networkpolicies]
  verbs: [get, list, watch, create, update, patch, delete]
- apiGroups: [policy]
  resources: [poddisruptionbudgets]
  verbs: [get, list, watch, create, update, patch, delete]
# The autoscaler of a model with spec.autoscaling.
- apiGroups: [autoscaling]
  resources: [horizontalpodautoscalers]
  verbs: [get, list, watch, create, update, patch, delete]
- apiGroups: [batch]
  resources: [jobs]
  verbs: [get, list, watch, create, update, patch, delete]
# Pods only to explain status (ImagePullBackOff, OOMKilled, ...).
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, watch]
# Objects a spec references, read by name to refuse missing ones. Secrets: get only, never
# list or watch; their values are never copied.
- apiGroups: [""]
  resources: [persistentvolumeclaims, secrets]
  verbs: [get]
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch]
- apiGroups: [events.k8s.io]
  resources: [events]
  verbs: [create, patch]
{{- end -}}

{{/* Rules on the cluster-scoped kinds, which no namespaced Role can grant. */}}
{{- define "modelops.clusterScopedRules" -}}
- apiGroups: [modelops.io]
  resources: [resourcebundles, executionenvironments]
  verbs: [get, list, watch]
- apiGroups: [modelops.io]
  resources: [resourcebundles/status, executionenvironments/status]
  verbs: [update, patch]
{{- end -}}
