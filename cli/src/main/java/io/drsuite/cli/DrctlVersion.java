package io.drsuite.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest by the build. */
public class DrctlVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Drctl.class.getPackage().getImplementationVersion();
        return new String[] {"drctl " + (version == null ? "(development build)" : version)};
    }
}
