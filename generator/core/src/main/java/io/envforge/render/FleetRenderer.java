package io.envforge.render;

import io.envforge.model.Environment;
import java.util.List;

/**
 * A named, pure rendering step over the whole fleet, a function from the environments to its files: called once per
 * run with every environment of the repository (not only the selected ones), for files that depend on the set of
 * environments, such as the Argo CD ApplicationSet. Its files live in {@link #owned()} folders, which it rewrites
 * completely on every run.
 */
public interface FleetRenderer {

    /** A stable name, shown in errors and timings. */
    String name();

    /** Folders whose whole content this step generates; files it no longer writes there are removed. */
    List<String> owned();

    /** This step's files for {@code environments} (every environment, sorted by name). */
    OutputTree render(List<Environment> environments);
}
