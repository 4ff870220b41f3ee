package main

import "runtime/debug"

// helmVersion is the version of helm.sh/helm/v3 this library was built with (go.mod), read from the build info.
func helmVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "helm.sh/helm/v3" {
				return dep.Version
			}
		}
	}
	return "unknown"
}
