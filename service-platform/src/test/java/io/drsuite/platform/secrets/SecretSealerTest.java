package io.drsuite.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final SecretSealer sealer = new SecretSealer(randomKey());

    @Test
    void sealedSecretOpensToTheSameTextAndHidesIt() {
        String sealed = sealer.seal("s3cret-password");
        assertFalse(sealed.contains("s3cret"));
        assertEquals("s3cret-password", sealer.open(sealed));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertNotEquals(sealer.seal("same"), sealer.seal("same"));
    }

    @Test
    void tamperedOrForeignCiphertextIsRefused() {
        String sealed = sealer.seal("password");
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThrows(IllegalArgumentException.class, () -> sealer.open(new String(chars)));
        assertThrows(IllegalArgumentException.class, () -> new SecretSealer(randomKey()).open(sealed));
    }

    @Test
    void shortKeyIsRefusedWithoutEchoingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SecretSealer("c2hvcnQ="));
        assertFalse(e.getMessage().contains("c2hvcnQ="));
    }
}
