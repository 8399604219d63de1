package io.drsuite.clusterclient.host;

/**
 * A file on a node's host is larger than the suite can read whole. An edit written back from part of a file would
 * lose the rest, so the file is left as it is and the operation stops here.
 */
public class FileTooLargeException extends IllegalStateException {

    public FileTooLargeException(String path, long size, long limit) {
        super(path + " is " + size + " bytes; the suite edits files of up to " + limit
                + " bytes and leaves larger ones untouched: make it smaller (e.g. drop long comments) and retry");
    }
}
