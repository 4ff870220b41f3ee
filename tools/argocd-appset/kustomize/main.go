// Command kustomize is the kustomize CLI (sigs.k8s.io/kustomize/kustomize/v5 v5.8.1, its own main.go), for the
// repo-server in ../main.go, which runs `kustomize build` from PATH (argo-cd util/kustomize). v5.8.1 is the CLI of
// sigs.k8s.io/kustomize/api v0.21.1, the library Argo CD v3.6.1's go.mod requires. Argo CD's image ships 5.8.3
// (hack/tool-versions.sh), whose module cannot be built from the proxy: its k8s.io/kube-openapi
// v0.0.0-20261001230523-97fa35140926 answers 403 "This module version is not available".
package main

import (
	"os"

	"sigs.k8s.io/kustomize/kustomize/v5/commands"
)

func main() {
	if err := commands.NewDefaultCommand().Execute(); err != nil {
		os.Exit(1)
	}
	os.Exit(0)
}
