package io.drsuite.platform.secrets;

/**
 * A sealed value that this service will not open: not sealed for the cluster and field it is used for (moved from
 * another row or event, or altered), sealed under a key id this service does not have, or in the unbound format of
 * before version 2. The message names the reason and the owner, never the value.
 */
public class SealedSecretRefusedException extends RuntimeException {

    public SealedSecretRefusedException(String message) {
        super(message);
    }

    SealedSecretRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
