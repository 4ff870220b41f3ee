/**
 * The Git publisher: commits (and, later, pushes) exactly the generated paths with JGit. The only class besides the
 * writer with side effects. Depends on {@code error} only.
 */
package io.envforge.git;
