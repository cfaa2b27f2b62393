// Command stages prints the kwokctl configuration of the local control plane's fake kubelet:
// kwok's own default node and pod stages, plus stages that make pods of a few reserved images
// fail the way real pods do, so tests can exercise the operator's failure handling.
//
// Reserved images (all under the unresolvable domain modelops.invalid):
//
//	modelops.invalid/image-pull-failure:1  container waits in ImagePullBackOff
//	modelops.invalid/crash-loop:1          container waits in CrashLoopBackOff (exit 1)
//	modelops.invalid/oom:1                 container waits in CrashLoopBackOff after OOMKilled
//	modelops.invalid/exit-3:1              container runs, then exits with code 3 (pod Failed)
//	modelops.invalid/runs-forever:1        container runs and never completes, even in a Job
//
// Model tests: a pod whose first container is named "tester" (a CustomModelTest's pod: the model
// server runs as a sidecar init container, the tester as the only container) is left running by
// the default completion stage; a few seconds after it runs, its tester terminates with a
// termination message holding a test report, as the real tester writes it: succeeded, or, when
// the server uses crash-loop:1 or oom:1, failed (longRunningService failed, the later checks
// aborted); with runs-forever:1 the test never ends by itself (for cancel and deadlines). The operator's reading of the report is real; the checks are simulated here and run
// for real in the tester's own tests.
package main

import (
	"fmt"
	"strings"

	nodefast "sigs.k8s.io/kwok/kustomize/stage/node/fast"
	heartbeat "sigs.k8s.io/kwok/kustomize/stage/node/heartbeat-with-lease"
	podfast "sigs.k8s.io/kwok/kustomize/stage/pod/fast"
)

const image = "modelops.invalid/"

// excludeImages adds a selector expression so a default stage leaves the reserved images alone.
func excludeImages(stage string, images ...string) string {
	var b strings.Builder
	b.WriteString("    matchExpressions:\n    - key: '.spec.containers.[0].image'\n      operator: 'NotIn'\n      values:\n")
	for _, i := range images {
		fmt.Fprintf(&b, "      - '%s%s'\n", image, i)
	}
	out := strings.Replace(stage, "    matchExpressions:\n", b.String(), 1)
	if out == stage {
		panic("stage has no matchExpressions to extend")
	}
	return out
}

// waiting is a stage that leaves a pending pod's containers waiting with a reason.
func waiting(name, img, reason, message, lastState string) string {
	return fmt.Sprintf(`apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: %[1]s
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - key: '.metadata.deletionTimestamp'
      operator: 'DoesNotExist'
    - key: '.spec.containers.[0].image'
      operator: 'In'
      values:
      - '%[2]s'
    - key: '.status.containerStatuses'
      operator: 'DoesNotExist'
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - lastTransitionTime: {{ $now | Quote }}
        status: "True"
        type: PodScheduled
      - lastTransitionTime: {{ $now | Quote }}
        status: "False"
        reason: ContainersNotReady
        type: Ready
      - lastTransitionTime: {{ $now | Quote }}
        status: "False"
        reason: ContainersNotReady
        type: ContainersReady
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: 3
        started: false
        state:
          waiting:
            reason: %[3]s
            message: %[4]q
%[5]s      {{ end }}
      phase: Pending
      hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
      startTime: {{ $now | Quote }}
`, name, image+img, reason, message, lastState)
}

const exitStage = `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: modelops-exit-3
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - key: '.metadata.deletionTimestamp'
      operator: 'DoesNotExist'
    - key: '.status.phase'
      operator: 'In'
      values:
      - 'Running'
    - key: '.spec.containers.[0].image'
      operator: 'In'
      values:
      - '` + image + `exit-3:1'
  delay:
    durationMilliseconds: 1000
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - lastTransitionTime: {{ $now | Quote }}
        status: "False"
        reason: PodFailed
        type: Ready
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: 0
        started: false
        state:
          terminated:
            exitCode: 3
            reason: Error
            message: "simulated failure: exit code 3"
            startedAt: {{ $now | Quote }}
            finishedAt: {{ $now | Quote }}
      {{ end }}
      phase: Failed
`

// excludeTests adds a selector expression so a default stage leaves model test pods alone.
func excludeTests(stage string) string {
	out := strings.Replace(stage, "    matchExpressions:\n",
		"    matchExpressions:\n    - key: '.spec.containers.[0].name'\n      operator: 'NotIn'\n      values:\n      - 'tester'\n", 1)
	if out == stage {
		panic("stage has no matchExpressions to extend")
	}
	return out
}

// serverFailures are the reserved images whose model server never stays up in a model test.
var serverFailures = []string{"crash-loop:1", "oom:1"}

// testReport is a stage that ends a running model test pod: the tester terminates with report as
// its termination message, the server sidecar stops, the pod succeeds.
func testReport(name, operator, report string, reserved []string) string {
	var images strings.Builder
	for _, i := range reserved {
		fmt.Fprintf(&images, "      - '%s%s'\n", image, i)
	}
	return fmt.Sprintf(`apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: %[1]s
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - key: '.metadata.deletionTimestamp'
      operator: 'DoesNotExist'
    - key: '.status.phase'
      operator: 'In'
      values:
      - 'Running'
    - key: '.spec.containers.[0].name'
      operator: 'In'
      values:
      - 'tester'
    - key: '.spec.initContainers.[].image'
      operator: '%[2]s'
      values:
%[3]s  delay:
    durationMilliseconds: 3000
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - lastTransitionTime: {{ $now | Quote }}
        status: "False"
        reason: PodCompleted
        type: Ready
      initContainerStatuses:
      {{ range .spec.initContainers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: 0
        started: false
        state:
          terminated:
            exitCode: 0
            finishedAt: {{ $now | Quote }}
            reason: Completed
            startedAt: {{ $now | Quote }}
      {{ end }}
      containerStatuses:
      {{ range .spec.containers }}
      - image: {{ .image | Quote }}
        name: {{ .name | Quote }}
        ready: false
        restartCount: 0
        started: false
        state:
          terminated:
            exitCode: 0
            reason: Completed
            message: '%[4]s'
            startedAt: {{ $now | Quote }}
            finishedAt: {{ $now | Quote }}
      {{ end }}
      phase: Succeeded
`, name, operator, images.String(), report)
}

const simulated = "simulated by the local control plane (kwok runs no containers)"

const succeededReport = `{"overallStatus":"succeeded","checks":{` +
	`"longRunningService":{"status":"succeeded","message":"the server answered and stayed up; ` + simulated + `"},` +
	`"errorCheck":{"status":"succeeded","message":"predictions for every row; ` + simulated + `"},` +
	`"nullValueImputation":{"status":"skipped","message":"set to skip"},` +
	`"sideEffects":{"status":"skipped","message":"set to skip"}}}`

const failedReport = `{"overallStatus":"failed","checks":{` +
	`"longRunningService":{"status":"failed","message":"the model server never answered GET / with 200; ` + simulated + `"},` +
	`"errorCheck":{"status":"aborted","message":"not run: the server is not up"},` +
	`"nullValueImputation":{"status":"aborted","message":"not run: the server is not up"},` +
	`"sideEffects":{"status":"aborted","message":"not run: the server is not up"}}}`

func main() {
	crashLast := "        lastState:\n          terminated:\n            exitCode: 1\n            reason: Error\n"
	oomLast := "        lastState:\n          terminated:\n            exitCode: 137\n            reason: OOMKilled\n"
	docs := []string{
		nodefast.DefaultNodeInit,
		heartbeat.DefaultNodeHeartbeatWithLease,
		excludeImages(podfast.DefaultPodReady, "image-pull-failure:1", "crash-loop:1", "oom:1"),
		excludeTests(excludeImages(podfast.DefaultPodComplete, "exit-3:1", "runs-forever:1")),
		podfast.DefaultPodDelete,
		waiting("modelops-image-pull-failure", "image-pull-failure:1", "ImagePullBackOff",
			"Back-off pulling image \"modelops.invalid/image-pull-failure:1\"", ""),
		waiting("modelops-crash-loop", "crash-loop:1", "CrashLoopBackOff",
			"back-off 40s restarting failed container", crashLast),
		waiting("modelops-oom", "oom:1", "CrashLoopBackOff",
			"back-off 40s restarting failed container", oomLast),
		exitStage,
		testReport("modelops-test-succeeded", "NotIn", succeededReport,
			append([]string{"runs-forever:1"}, serverFailures...)),
		testReport("modelops-test-failed", "In", failedReport, serverFailures),
	}
	for i, d := range docs {
		if i > 0 {
			fmt.Println("---")
		}
		fmt.Print(strings.TrimRight(d, "\n") + "\n")
	}
}
