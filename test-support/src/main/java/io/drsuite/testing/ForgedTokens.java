package io.drsuite.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Access tokens a service must refuse, made by the test itself. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /**
     * A token that claims everything a real one does (issuer, the suite's audience, a role) but is signed with a key
     * of the test's own, not the issuer's.
     */
    public static String signedByAStranger(String issuer, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair stranger = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger\"}");
            String payload = base64("{\"iss\":\"" + issuer + "\",\"aud\":\"drsuite-api\",\"sub\":\"mallory\","
                    + "\"preferred_username\":\"mallory\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                    + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(stranger.getPrivate());
            signature.update((header + "." + payload).getBytes(UTF_8));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
    }
}
