module envforge.io/tools/flux/source-controller

go 1.25.0

tool github.com/fluxcd/source-controller

require github.com/fluxcd/source-controller v1.7.3

// Copied from source-controller v1.7.3 go.mod (its non-local replace lines).
replace github.com/opencontainers/go-digest => github.com/opencontainers/go-digest v1.0.1-0.20220411205349-bde1400a84be
