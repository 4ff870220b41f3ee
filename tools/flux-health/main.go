// Command flux-health answers what kustomize-controller would decide about objects: it reads a Kustomization's
// spec.healthCheckExprs and a list of objects (JSON on stdin) and prints, per object, the kstatus status the
// controller's poller computes and whether its garbage collection may delete the object. It builds the status
// readers the way kustomize-controller does (internal/controller/kustomization_controller.go:
// cel.NewStatusReader(obj.Spec.HealthCheckExprs), consulted before kstatus' default reader) and the prune
// exclusions the same way (Exclusions "<group>/prune": DisabledValue, matched by ssa's utils.AnyInMetadata), from
// the same Flux modules, so Flux's own code evaluates the generated objects, not a model of it.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/fluxcd/cli-utils/pkg/kstatus/status"
	kustomizev1 "github.com/fluxcd/kustomize-controller/api/v1"
	"github.com/fluxcd/pkg/apis/kustomize"
	"github.com/fluxcd/pkg/runtime/cel"
	ssautils "github.com/fluxcd/pkg/ssa/utils"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

type input struct {
	HealthCheckExprs []kustomize.CustomHealthCheck `json:"healthCheckExprs"`
	Objects          []map[string]any              `json:"objects"`
}

type verdict struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Reader   string `json:"reader"`
	Status   string `json:"status"`
	Error    string `json:"error,omitempty"`
	Prunable bool   `json:"prunable"`
}

// pruneExclusions are the metadata kustomize-controller's garbage collection skips
// (internal/controller/kustomization_controller.go, prune: DeleteOptions.Exclusions).
var pruneExclusions = map[string]string{
	fmt.Sprintf("%s/prune", kustomizev1.GroupVersion.Group):     kustomizev1.DisabledValue,
	fmt.Sprintf("%s/reconcile", kustomizev1.GroupVersion.Group): kustomizev1.DisabledValue,
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fail("reading input: %v", err)
	}
	newReader, err := cel.NewStatusReader(in.HealthCheckExprs)
	if err != nil {
		// What the controller reports as InvalidCELExpression and stalls on.
		fail("healthCheckExprs rejected: %v", err)
	}
	reader := newReader(nil).(*cel.StatusReader)
	out := make([]verdict, 0, len(in.Objects))
	for _, o := range in.Objects {
		u := &unstructured.Unstructured{Object: o}
		gk := schema.FromAPIVersionAndKind(u.GetAPIVersion(), u.GetKind()).GroupKind()
		v := verdict{Kind: u.GetKind(), Name: u.GetName(), Prunable: !ssautils.AnyInMetadata(u, pruneExclusions)}
		if reader.Supports(gk) {
			rs, err := reader.ReadStatusForObject(context.Background(), nil, u)
			if err != nil {
				fail("%s %s: %v", v.Kind, v.Name, err)
			}
			if rs.Error != nil {
				// An expression that cannot be evaluated yet (e.g. no status at all): the poller reports
				// Unknown and keeps waiting.
				v.Error = rs.Error.Error()
			}
			v.Reader, v.Status = "cel", rs.Status.String()
		} else {
			res, err := status.Compute(u)
			if err != nil {
				fail("%s %s: %v", v.Kind, v.Name, err)
			}
			v.Reader, v.Status = "kstatus", res.Status.String()
		}
		out = append(out, v)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fail("writing output: %v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "flux-health: "+format+"\n", args...)
	os.Exit(1)
}
