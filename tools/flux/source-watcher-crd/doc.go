// Package crd generates the ArtifactGenerator CRD of Flux's source-watcher from its published API types
// (github.com/fluxcd/source-watcher/api/v2) with controller-gen, the tool source-watcher's own Makefile uses
// (`make manifests`): the controller module itself is not served by the Go module proxy here (403), its API module is.
package crd

import _ "github.com/fluxcd/source-watcher/api/v2/v1beta1"
