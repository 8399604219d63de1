package io.drsuite.platform.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The suite's secret keys, shared by the services that store or use cluster logins: the current key (new values
 * are sealed under it) and, while a rotation is under way, the older keys values sealed before may still carry.
 * Local runs generate the key under the run folder; deployments put it in a Kubernetes Secret.
 */
@ConfigMapping(prefix = "drsuite.secrets")
public interface SecretsConfig {

    /** Base64 of the current 256-bit AES key. Never logged. */
    String key();

    /** The id written into every value sealed under {@link #key()}: letters, digits, '.', '_' or '-'. */
    @WithDefault(SecretSealer.DEFAULT_KEY_ID)
    String keyId();

    /** Older keys, each {@code <id>:<base64 key>}; values sealed under them still open. Never logged. */
    Optional<List<String>> oldKeys();
}
