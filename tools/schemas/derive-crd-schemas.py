#!/usr/bin/env python3
"""Derives the CRD schemas that envforge bundles from the controllers' own CRD manifests.

Run once per version bump, then commit the output (generator/core/src/main/resources/io/envforge/schemas/crds/) and
its PROVENANCE.json: the Maven build reads the committed JSON and needs no Go. The manifests come from the module
cache that `tools/build-components.sh crds` fills through the Go module proxy (module@version pinned there and below).

    bash tools/build-components.sh crds && python3 tools/schemas/derive-crd-schemas.py [--check]

For each kind the generator emits: spec.versions[name].schema.openAPIV3Schema of the CRD, made strict the way
openapi2jsonschema does for kubeconform: an object that lists its properties refuses others (unless it has
x-kubernetes-preserve-unknown-fields), `nullable` allows null, x-kubernetes-int-or-string accepts both forms;
apiVersion and kind must be the CRD's. The API server's own x-kubernetes-* annotations and CEL rules
(x-kubernetes-validations) are dropped: the API server checks those, a JSON Schema validator cannot.
--check: exit 1 if the committed files differ from what this would write.
"""
import hashlib
import json
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.environ.get("ENVFORGE_TOOLS", os.path.expanduser("~/.cache/envforge/tools")) + "/crds"
OUT = os.path.join(ROOT, "generator/core/src/main/resources/io/envforge/schemas/crds")

# (cache folder, CRD file, version, module@version the file comes from). Versions as in tools/build-components.sh
# and tools/flux/source-watcher-crd/go.mod (ArtifactGenerator: controller-gen over the published API module).
SOURCES = [
    ("flux", "source.toolkit.fluxcd.io_gitrepositories.yaml", "v1",
     "github.com/fluxcd/source-controller@v1.7.3 config/crd/bases"),
    ("flux", "kustomize.toolkit.fluxcd.io_kustomizations.yaml", "v1",
     "github.com/fluxcd/kustomize-controller@v1.7.3 config/crd/bases"),
    ("flux", "source.extensions.fluxcd.io_artifactgenerators.yaml", "v1beta1",
     "github.com/fluxcd/source-watcher/api/v2@v2.0.3 (controller-gen, tools/flux/source-watcher-crd)"),
    ("external-secrets", "external-secrets.io_externalsecrets.yaml", "v1",
     "github.com/external-secrets/external-secrets@v1.3.2 config/crds/bases"),
    ("external-secrets", "external-secrets.io_secretstores.yaml", "v1",
     "github.com/external-secrets/external-secrets@v1.3.2 config/crds/bases"),
    ("argocd", "appproject-crd.yaml", "v1alpha1", "github.com/argoproj/argo-cd/v3@v3.5.7 manifests/crds"),
    ("argocd", "applicationset-crd.yaml", "v1alpha1", "github.com/argoproj/argo-cd/v3@v3.5.7 manifests/crds"),
    ("cert-manager", "cert-manager.io_certificates.yaml", "v1",
     "github.com/cert-manager/cert-manager@v1.21.2 deploy/crds"),
    ("cert-manager", "cert-manager.io_issuers.yaml", "v1", "github.com/cert-manager/cert-manager@v1.21.2 deploy/crds"),
]

KEEP_OUT = {"description", "format", "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
            "x-kubernetes-embedded-resource", "nullable"}


def strict(node):
    out = {}
    if node.get("x-kubernetes-int-or-string"):
        out["anyOf"] = [{"type": "string"}, {"type": "integer"}]
    for key, value in node.items():
        if key in KEEP_OUT or (key == "type" and "anyOf" in out):
            continue
        if key == "properties":
            out[key] = {name: strict(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = strict(value)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [strict(sub) for sub in value]
        else:
            out[key] = value
    if "properties" in out and "additionalProperties" not in out and not node.get("x-kubernetes-preserve-unknown-fields"):
        out["additionalProperties"] = False
    if node.get("nullable") and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    return out


def derive(crd, version):
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    served = [v for v in crd["spec"]["versions"] if v["name"] == version]
    if not served:
        sys.exit(f"{kind}: no version {version} in the CRD")
    schema = strict(served[0]["schema"]["openAPIV3Schema"])
    props = schema.setdefault("properties", {})
    props["apiVersion"] = {"type": "string", "enum": [f"{group}/{version}"]}
    props["kind"] = {"type": "string", "enum": [kind]}
    schema["required"] = ["apiVersion", "kind"] + [r for r in schema.get("required", []) if r not in ("apiVersion", "kind")]
    return group, kind, schema


def main():
    check = "--check" in sys.argv
    provenance, stale = [], []
    for folder, name, version, source in SOURCES:
        path = os.path.join(CACHE, folder, name)
        raw = open(path, "rb").read()
        group, kind, schema = derive(yaml.safe_load(raw), version)
        rel = f"{group}/{kind.lower()}_{version}.json"
        text = json.dumps(schema, indent=1, sort_keys=True) + "\n"
        target = os.path.join(OUT, rel)
        provenance.append({"schema": rel, "apiVersion": f"{group}/{version}", "kind": kind, "source": source,
                           "file": name, "sourceSha256": hashlib.sha256(raw).hexdigest(),
                           "sha256": hashlib.sha256(text.encode()).hexdigest()})
        if check:
            if not os.path.exists(target) or open(target).read() != text:
                stale.append(rel)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as f:
            f.write(text)
    prov = json.dumps({"generatedBy": "tools/schemas/derive-crd-schemas.py", "schemas": provenance}, indent=1) + "\n"
    prov_path = os.path.join(OUT, "PROVENANCE.json")
    if check:
        if not os.path.exists(prov_path) or open(prov_path).read() != prov:
            stale.append("PROVENANCE.json")
        if stale:
            sys.exit("stale derived CRD schemas: " + ", ".join(stale) + "; run tools/schemas/derive-crd-schemas.py")
        print(f"derived CRD schemas up to date ({len(provenance)})")
        return
    with open(prov_path, "w") as f:
        f.write(prov)
    print(f"wrote {len(provenance)} CRD schemas and PROVENANCE.json to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
