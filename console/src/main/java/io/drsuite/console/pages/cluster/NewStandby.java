package io.drsuite.console.pages.cluster;

import static io.drsuite.console.pages.FormFields.blankToNull;

import jakarta.ws.rs.FormParam;

/**
 * The add-a-standby form: the node's name and address, its data directory, and how the suite reaches its host
 * ({@code local} with the OS user, or {@code ssh} with host, port, user and the name of a key in the suite's key
 * store). relationship-service validates every field.
 */
public class NewStandby {

    @FormParam("name")
    String name;
    @FormParam("host")
    String host;
    @FormParam("port")
    String port;
    @FormParam("dataDirectory")
    String dataDirectory;
    @FormParam("accessKind")
    String accessKind;
    @FormParam("osUser")
    String osUser;
    @FormParam("sshHost")
    String sshHost;
    @FormParam("sshPort")
    String sshPort;
    @FormParam("sshUser")
    String sshUser;
    @FormParam("sshKeyRef")
    String sshKeyRef;

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    /** The port; null (refused by the service as missing) when it is not a number. */
    public Integer port() {
        return number(port);
    }

    public String dataDirectory() {
        return dataDirectory;
    }

    public String accessKind() {
        return "ssh".equals(accessKind) ? "ssh" : "local";
    }

    public String osUser() {
        return blankToNull(osUser);
    }

    public String sshHost() {
        return blankToNull(sshHost);
    }

    public Integer sshPort() {
        return number(sshPort);
    }

    public String sshUser() {
        return blankToNull(sshUser);
    }

    public String sshKeyRef() {
        return blankToNull(sshKeyRef);
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
