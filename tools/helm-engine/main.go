// Command envforge-helm-engine is a C shared library (go build -buildmode=c-shared) that renders a chart as
// `helm template` does, with Helm's own code, in the process of the JVM that loads it (generator:
// render/helm/NativeHelmEngine). It prints what helm-java 0.0.21's Template prints (helm.sh/helm/v3 v3.21.0, built
// with the same Go toolchain and module versions as helm-java's library: go.mod), with one difference of design:
//   - the chart is loaded once per (folder, key) and kept (loader.Load), not once per call: loading, the dry-run
//     release machinery around it and helm-java's per-call setup were about a third of a render's CPU;
//   - it never asks a cluster: `lookup` returns an empty map, as in `helm template` (cmd/helm/template.go sets
//     DryRunOption "client"). helm-java's Template leaves DryRunOption empty ("none"), so Helm builds a REST client
//     from KUBECONFIG on every call and its `lookup` reads a live cluster, which would make a render depend on
//     more than the chart and the values (and fails when KUBECONFIG is unreadable).
//
// The steps and their order are helm-java's Install (native/internal/helm/install.go: checkIfInstallable, then
// action.CheckDependencies, the values file) and Helm's Install.RunWithContext and renderResources
// (pkg/action/install.go, action.go): chartutil.ValidateReleaseName, chartutil.ProcessDependenciesWithMerge,
// chartutil.DefaultCapabilities, chartutil.ToRenderValuesWithSchemaValidation (Revision 1, IsInstall), the chart's
// kubeVersion, engine.Engine.Render, NOTES.txt dropped, releaseutil.SortManifests with InstallOrder (as
// manifests.Sort, which splits documents without Helm's regular expression and is tested against it), each manifest
// printed as "---\n# Source: <path>\n<content>\n"; then helm-java's strings.TrimSpace and a newline, and its
// "Use --debug flag" line after an error that came after the release was made.
//
// A chart that declares or holds dependencies is loaded for each call: ProcessDependenciesWithMerge changes the
// chart it is given.
package main

/*
#include <stdlib.h>
#include <stdint.h>
*/
import "C"

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"helm.sh/helm/v3/pkg/action"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"sigs.k8s.io/yaml"

	"envforge.io/tools/helm-engine/manifests"
)

// protocol is what EnvforgeHelmVersion reports first; the Java side refuses a library with another one.
const protocol = "envforge-helm-engine/2"

type loaded struct {
	key   string
	chart *chart.Chart
}

var (
	mu     sync.Mutex
	charts = map[string]loaded{} // by folder; bounded by maxCharts
)

const maxCharts = 64

func load(dir, key string) (*chart.Chart, error) {
	mu.Lock()
	l, ok := charts[dir]
	mu.Unlock()
	if ok && l.key == key {
		return l.chart, nil
	}
	ch, err := loader.Load(dir)
	if err != nil {
		return nil, err
	}
	if ch.Metadata.Dependencies != nil || len(ch.Dependencies()) > 0 {
		return ch, nil // not kept: see the package comment
	}
	mu.Lock()
	if len(charts) >= maxCharts {
		charts = map[string]loaded{}
	}
	charts[dir] = loaded{key, ch}
	mu.Unlock()
	return ch, nil
}

func render(dir, key, release, namespace string, values []byte) (string, error) {
	ch, err := load(dir, key)
	if err != nil {
		return "", err
	}
	switch ch.Metadata.Type { // helm-java's checkIfInstallable, cmd/helm/install.go's
	case "", "application":
	default:
		return "", fmt.Errorf("%s charts are not installable", ch.Metadata.Type)
	}
	if ch.Metadata.Dependencies != nil { // helm-java's updateDependencies, without --dependency-update
		if err := action.CheckDependencies(ch, ch.Metadata.Dependencies); err != nil {
			return "", fmt.Errorf("An error occurred while checking for chart dependencies. You may need to run "+
				"`helm dependency build` to fetch missing dependencies: %w", err)
		}
	}
	vals := map[string]interface{}{}
	if err := yaml.Unmarshal(values, &vals); err != nil {
		return "", fmt.Errorf("failed to parse values: %w", err)
	}
	if vals == nil {
		vals = map[string]interface{}{}
	}
	if err := chartutil.ValidateReleaseName(release); err != nil {
		return "", fmt.Errorf("release name %q: %w", release, err)
	}
	if err := chartutil.ProcessDependenciesWithMerge(ch, vals); err != nil {
		return "", err
	}
	caps := chartutil.DefaultCapabilities.Copy()
	options := chartutil.ReleaseOptions{Name: release, Namespace: namespace, Revision: 1, IsInstall: true}
	top, err := chartutil.ToRenderValuesWithSchemaValidation(ch, vals, options, caps, false)
	if err != nil {
		return "", err
	}
	text, err := renderResources(ch, top, caps)
	if err != nil { // helm-java's Template: the release was made, so it adds this line
		return "", fmt.Errorf("%w\n\nUse --debug flag to render out invalid YAML", err)
	}
	return text, nil
}

// renderResources is action.Configuration.renderResources for `helm template` without --include-crds, an output
// folder, a post-renderer or a cluster, followed by helm-java's trim.
func renderResources(ch *chart.Chart, top chartutil.Values, caps *chartutil.Capabilities) (string, error) {
	if ch.Metadata.KubeVersion != "" && !chartutil.IsCompatibleRange(ch.Metadata.KubeVersion, caps.KubeVersion.String()) {
		return "", fmt.Errorf("chart requires kubeVersion: %s which is incompatible with Kubernetes %s",
			ch.Metadata.KubeVersion, caps.KubeVersion.String())
	}
	var e engine.Engine
	files, err := e.Render(ch, top)
	if err != nil {
		return "", err
	}
	for k := range files {
		if strings.HasSuffix(k, "NOTES.txt") {
			delete(files, k)
		}
	}
	sorted, err := manifests.Sort(files) // releaseutil.SortManifests without its regular expression
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	for _, m := range sorted {
		fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", m.Name, m.Content)
	}
	return strings.TrimSpace(b.String()) + "\n", nil
}

// result: 8 bytes of length n (little endian), then n bytes: a status byte (0 rendered, 1 failed), then the text
// (helm template's output, or the error). Freed by EnvforgeHelmFree.
func result(text string, err error) unsafe.Pointer {
	status := byte(0)
	if err != nil {
		status, text = 1, err.Error()
	}
	p := C.malloc(C.size_t(9 + len(text)))
	out := unsafe.Slice((*byte)(p), 9+len(text))
	binary.LittleEndian.PutUint64(out, uint64(1+len(text)))
	out[8] = status
	copy(out[9:], text)
	return p
}

//export EnvforgeHelmRender
func EnvforgeHelmRender(dir *C.char, dirLen C.int, key *C.char, keyLen C.int, release *C.char, releaseLen C.int,
	namespace *C.char, namespaceLen C.int, values *C.char, valuesLen C.int) unsafe.Pointer {
	text, err := func() (text string, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("helm engine panicked: %v", r)
			}
		}()
		return render(C.GoStringN(dir, dirLen), C.GoStringN(key, keyLen), C.GoStringN(release, releaseLen),
			C.GoStringN(namespace, namespaceLen), C.GoBytes(unsafe.Pointer(values), valuesLen))
	}()
	return result(text, err)
}

//export EnvforgeHelmFree
func EnvforgeHelmFree(p unsafe.Pointer) {
	C.free(p)
}

// EnvforgeHelmVersion is the protocol, Helm's version and the digest of the sources the library was built from
// (build.sh sets it), "envforge-helm-engine/2 helm v3.21.0 sources <sha256>"; a static string. The generator keys
// its render cache on it.
//
//export EnvforgeHelmVersion
func EnvforgeHelmVersion() *C.char {
	return versionC
}

// sources is set by build.sh: go build -ldflags "-X main.sources=<sha256 of go.mod, go.sum and the Go files>".
var sources = "unknown"

var versionC = C.CString(protocol + " helm " + helmVersion() + " sources " + sources)

func main() {}
