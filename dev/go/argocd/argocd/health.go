package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/argoproj/argo-cd/gitops-engine/v3/pkg/health"
	"github.com/spf13/cobra"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/argoproj/argo-cd/v3/util/lua"
	"github.com/argoproj/argo-cd/v3/util/settings"
)

// healthCommand evaluates resource health the way the application controller does: the
// resource customizations read from the live argocd-cm by Argo CD's settings manager, then
// gitops-engine's GetResourceHealth with them as Lua overrides. Input: one JSON object per line
// on stdin; output: one JSON line per object, {"status", "message"}, with status "" when Argo CD
// has no health check for the kind.
func healthCommand() *cobra.Command {
	var namespace string
	loading := clientcmd.NewDefaultClientConfigLoadingRules()
	command := &cobra.Command{
		Use:   "argocd-health",
		Short: "Evaluate resources' health with Argo CD's engine and the live argocd-cm",
		RunE: func(_ *cobra.Command, _ []string) error {
			config, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(loading, nil).ClientConfig()
			if err != nil {
				return err
			}
			clientset, err := kubernetes.NewForConfig(config)
			if err != nil {
				return err
			}
			manager := settings.NewSettingsManager(context.Background(), clientset, namespace)
			overrides, err := manager.GetResourceOverrides()
			if err != nil {
				return fmt.Errorf("reading resource customizations from argocd-cm: %w", err)
			}
			in := bufio.NewScanner(os.Stdin)
			in.Buffer(make([]byte, 1<<20), 16<<20)
			out := json.NewEncoder(os.Stdout)
			for in.Scan() {
				obj := &unstructured.Unstructured{}
				if err := obj.UnmarshalJSON(in.Bytes()); err != nil {
					return err
				}
				result := map[string]string{}
				status, err := health.GetResourceHealth(obj, lua.ResourceHealthOverrides(overrides))
				switch {
				case err != nil:
					result["error"] = err.Error()
				case status != nil:
					result["status"] = string(status.Status)
					result["message"] = status.Message
				default:
					result["status"] = ""
				}
				if err := out.Encode(result); err != nil {
					return err
				}
			}
			return in.Err()
		},
	}
	command.Flags().StringVar(&namespace, "namespace", "argocd", "Namespace of argocd-cm")
	command.Flags().StringVar(&loading.ExplicitPath, "kubeconfig", "", "Path to a kubeconfig")
	return command
}
