/**
 * The change summary of a run for the pull request: per environment the Kubernetes objects (and other generated
 * files) added, changed and removed, with the changed fields as dotted paths and old → new values, secrets redacted,
 * and identical changes across environments grouped. Pure: compares texts it is given (the files on disk before the
 * run and the new tree) and returns Markdown. Depends on {@code render} (layout, YAML) only.
 */
package io.envforge.summary;
