/**
 * Validation as a report (Helm lint): rules add findings (severity, file, path, message) about the generated tree;
 * the caller decides what fails. Strict JSON Schemas are bundled (Kubernetes from the OpenAPI definitions of the clusters' version, CRDs derived
 * from the controllers' manifests by tools/schemas); a folder the user gives adds to and overrides them. Depends on {@code render}
 * (the output tree) only.
 */
package io.envforge.validate;
