// Command envforge-helm-engine is a C shared library (go build -buildmode=c-shared) that renders a chart's templates
// with Helm's own engine, in the process of the JVM that loads it (generator: render/helm/NativeHelmEngine).
//
// It does what `helm template` (action.Install with DryRun and ClientOnly, helm.sh/helm/v3 v3.21.0, the version
// helm-java 0.0.21 embeds) does before it sorts the manifests, and returns every rendered template file:
//   - the chart is loaded once per (folder, key) and kept (loader.Load), not once per call;
//   - checkIfInstallable (application charts only), chartutil.ValidateReleaseName (Install.availableName),
//     chartutil.ProcessDependenciesWithMerge, the chart's kubeVersion against chartutil.DefaultCapabilities,
//     chartutil.ToRenderValuesWithSchemaValidation (Revision 1, IsInstall) and engine.Engine.Render, as in
//     pkg/action/install.go RunWithContext and action.go renderResources;
//   - the values are read as `-f values.yaml` reads them (sigs.k8s.io/yaml into a map; pkg/cli/values MergeValues
//     merges that one file into an empty map, which leaves it as it is).
//
// What renderResources does after rendering (NOTES.txt dropped, releaseutil.SortManifests: partials and empty files
// skipped, documents split, hooks taken out, the rest ordered by kind, "# Source:" lines) is done by the caller in Java
// (render/helm/HelmManifests), which parses each document anyway to validate it: in Go that step was half of a
// render's CPU (a pprof of 200 renders of charts/api-gateway: SortManifests 48 %, Engine.Render 31 %).
//
// A chart with dependencies is loaded for each call: ProcessDependenciesWithMerge changes the chart it is given.
package main

/*
#include <stdlib.h>
#include <stdint.h>
*/
import "C"

import (
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
	"unsafe"

	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chart/loader"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"sigs.k8s.io/yaml"
)

// protocol is what EnvforgeHelmVersion reports first; the Java side refuses a library with another one.
const protocol = "envforge-helm-engine/1"

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
	if len(ch.Metadata.Dependencies) > 0 || len(ch.Dependencies()) > 0 {
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

func render(dir, key, release, namespace string, values []byte) (map[string]string, error) {
	ch, err := load(dir, key)
	if err != nil {
		return nil, err
	}
	switch ch.Metadata.Type { // helm-java's checkIfInstallable, cmd/helm/install.go's
	case "", "application":
	default:
		return nil, fmt.Errorf("%s charts are not installable", ch.Metadata.Type)
	}
	if err := chartutil.ValidateReleaseName(release); err != nil {
		return nil, fmt.Errorf("release name %q: %w", release, err)
	}
	vals := map[string]interface{}{}
	if err := yaml.Unmarshal(values, &vals); err != nil {
		return nil, fmt.Errorf("failed to parse values: %w", err)
	}
	if vals == nil {
		vals = map[string]interface{}{}
	}
	if err := chartutil.ProcessDependenciesWithMerge(ch, vals); err != nil {
		return nil, err
	}
	caps := chartutil.DefaultCapabilities.Copy()
	if ch.Metadata.KubeVersion != "" && !chartutil.IsCompatibleRange(ch.Metadata.KubeVersion, caps.KubeVersion.String()) {
		return nil, fmt.Errorf("chart requires kubeVersion: %s which is incompatible with Kubernetes %s",
			ch.Metadata.KubeVersion, caps.KubeVersion.String())
	}
	options := chartutil.ReleaseOptions{Name: release, Namespace: namespace, Revision: 1, IsInstall: true}
	top, err := chartutil.ToRenderValuesWithSchemaValidation(ch, vals, options, caps, false)
	if err != nil {
		return nil, err
	}
	var e engine.Engine
	return e.Render(ch, top)
}

// result: 8 bytes of length n (little endian), then n bytes: a status byte (0 rendered, 1 failed); if rendered, for
// each file in name order a 4-byte name length, the name, a 4-byte content length, the content; if failed, the
// message. Freed by EnvforgeHelmFree.
func result(files map[string]string, err error) unsafe.Pointer {
	var body []byte
	if err != nil {
		body = append([]byte{1}, err.Error()...)
	} else {
		names := make([]string, 0, len(files))
		size := 1
		for name, content := range files {
			names = append(names, name)
			size += 8 + len(name) + len(content)
		}
		sort.Strings(names)
		body = make([]byte, 1, size)
		for _, name := range names {
			body = binary.LittleEndian.AppendUint32(body, uint32(len(name)))
			body = append(body, name...)
			body = binary.LittleEndian.AppendUint32(body, uint32(len(files[name])))
			body = append(body, files[name]...)
		}
	}
	p := C.malloc(C.size_t(8 + len(body)))
	out := unsafe.Slice((*byte)(p), 8+len(body))
	binary.LittleEndian.PutUint64(out, uint64(len(body)))
	copy(out[8:], body)
	return p
}

//export EnvforgeHelmRender
func EnvforgeHelmRender(dir *C.char, dirLen C.int, key *C.char, keyLen C.int, release *C.char, releaseLen C.int,
	namespace *C.char, namespaceLen C.int, values *C.char, valuesLen C.int) unsafe.Pointer {
	files, err := func() (files map[string]string, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("helm engine panicked: %v", r)
			}
		}()
		return render(C.GoStringN(dir, dirLen), C.GoStringN(key, keyLen), C.GoStringN(release, releaseLen),
			C.GoStringN(namespace, namespaceLen), C.GoBytes(unsafe.Pointer(values), valuesLen))
	}()
	return result(files, err)
}

//export EnvforgeHelmFree
func EnvforgeHelmFree(p unsafe.Pointer) {
	C.free(p)
}

// EnvforgeHelmVersion is the protocol and Helm's version, "envforge-helm-engine/1 helm v3.21.0"; a static string.
//
//export EnvforgeHelmVersion
func EnvforgeHelmVersion() *C.char {
	return versionC
}

var versionC = C.CString(protocol + " helm " + helmVersion())

func main() {}
