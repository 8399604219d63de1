package io.drsuite.platform.secrets;

import io.smallrye.config.ConfigMapping;

/**
 * The suite's secret key: 32 random bytes, base64, shared by the services that store or use cluster logins.
 * Local runs generate one under the run folder; deployments put it in a Kubernetes Secret.
 */
@ConfigMapping(prefix = "drsuite.secrets")
public interface SecretsConfig {

    /** Base64 of a 256-bit AES key. Never logged. */
    String key();
}
