/**
 * Validation as a report (Helm lint): rules add findings (severity, file, path, message) about the generated tree;
 * the caller decides what fails. Strict JSON Schemas come from a folder the user gives. Depends on {@code render}
 * (the output tree) only.
 */
package io.envforge.validate;
