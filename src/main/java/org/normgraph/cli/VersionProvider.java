package org.normgraph.cli;

import org.normgraph.io.BuildVersion;
import picocli.CommandLine;

/** {@code --version}: the version from the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"normgraph " + BuildVersion.get()};
    }
}
