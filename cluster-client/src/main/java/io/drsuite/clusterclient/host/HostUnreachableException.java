package io.drsuite.clusterclient.host;

/** The node's host could not be reached to run a command (SSH refused, process could not start, timeout). */
public class HostUnreachableException extends RuntimeException {

    public HostUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
