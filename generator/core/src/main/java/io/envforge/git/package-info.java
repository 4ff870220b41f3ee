/**
 * Everything that talks to Git, with JGit: {@link io.envforge.git.GitPublisher} commits exactly the generated paths
 * (through the object database, see {@code PathCommit}: one blob write per file, no work-tree walk) and moves a
 * branch to a fetched commit; {@link io.envforge.git.GitRemote} clones, fetches and pushes (never with
 * force) over {@code file://}, {@code git://}, SSH and HTTP(S) with {@link io.envforge.git.Credentials}, and keeps
 * secrets out of every message. Depends on {@code error} only.
 */
package io.envforge.git;
