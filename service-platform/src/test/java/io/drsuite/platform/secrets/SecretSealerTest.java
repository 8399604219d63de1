package io.drsuite.platform.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final UUID CLUSTER = UUID.randomUUID();
    private static final SecretBinding ADMIN = SecretBinding.adminPassword(CLUSTER);

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String key = randomKey();
    private final SecretSealer sealer = new SecretSealer(key);

    @Test
    void sealedSecretOpensToTheSameTextAndHidesIt() {
        String sealed = sealer.seal("s3cret-password", ADMIN);
        assertFalse(sealed.contains("s3cret"));
        assertTrue(sealed.startsWith("v2:1:"), sealed);
        assertEquals("s3cret-password", sealer.open(sealed, ADMIN));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertNotEquals(sealer.seal("same", ADMIN), sealer.seal("same", ADMIN));
    }

    @Test
    void tamperedOrForeignCiphertextIsRefused() {
        String sealed = sealer.seal("password", ADMIN);
        char[] chars = sealed.toCharArray();
        chars[12] = chars[12] == 'A' ? 'B' : 'A';
        assertThrows(SealedSecretRefusedException.class, () -> sealer.open(new String(chars), ADMIN));
        assertThrows(SealedSecretRefusedException.class, () -> new SecretSealer(randomKey()).open(sealed, ADMIN));
    }

    @Test
    void aValueMovedToAnotherClusterOrFieldIsRefused() {
        String sealed = sealer.seal("password", ADMIN);
        UUID other = UUID.randomUUID();
        SealedSecretRefusedException moved = assertThrows(SealedSecretRefusedException.class,
                () -> sealer.open(sealed, SecretBinding.adminPassword(other)));
        assertTrue(moved.getMessage().contains(other.toString()) && moved.getMessage().contains("does not belong"),
                moved.getMessage());
        assertThrows(SealedSecretRefusedException.class,
                () -> sealer.open(sealed, SecretBinding.replicationPassword(CLUSTER)));
    }

    @Test
    void relabellingTheKeyIdIsRefused() {
        SecretSealer twoIdsOneKey = new SecretSealer("2", key, List.of("1:" + key));
        String sealed = sealer.seal("password", ADMIN);
        assertThrows(SealedSecretRefusedException.class,
                () -> twoIdsOneKey.open(sealed.replaceFirst("^v2:1:", "v2:2:"), ADMIN));
    }

    @Test
    void afterARotationOldValuesOpenAndNewOnesAreSealedUnderTheNewKey() {
        String underOld = sealer.seal("old-password", ADMIN);
        SecretSealer rotated = new SecretSealer("2025-b", randomKey(), List.of("1:" + key));
        assertEquals("old-password", rotated.open(underOld, ADMIN));
        assertFalse(rotated.isSealedUnderCurrentKey(underOld));

        String underNew = rotated.seal("new-password", ADMIN);
        assertTrue(underNew.startsWith("v2:2025-b:"), underNew);
        assertTrue(rotated.isSealedUnderCurrentKey(underNew));
        assertEquals("new-password", rotated.open(underNew, ADMIN));
    }

    @Test
    void anUnknownKeyIdIsRefusedNamingIt() {
        SecretSealer rotated = new SecretSealer("2", randomKey(), List.of());
        String underOld = sealer.seal("password", ADMIN);
        SealedSecretRefusedException e = assertThrows(SealedSecretRefusedException.class,
                () -> rotated.open(underOld, ADMIN));
        assertTrue(e.getMessage().contains("key id '1'") && e.getMessage().contains("drsuite.secrets.old-keys"),
                e.getMessage());
    }

    @Test
    void anUnboundV1ValueIsRefusedButTheUpgradeCanOpenIt() throws Exception {
        String legacy = legacyV1(key, "legacy-password");
        SealedSecretRefusedException e = assertThrows(SealedSecretRefusedException.class,
                () -> sealer.open(legacy, ADMIN));
        assertTrue(e.getMessage().contains("unbound v1"), e.getMessage());
        assertTrue(SecretSealer.isUnboundLegacy(legacy));
        SecretSealer rotated = new SecretSealer("2", randomKey(), List.of("1:" + key));
        assertEquals("legacy-password", rotated.openUnboundLegacy(legacy));
        assertThrows(SealedSecretRefusedException.class,
                () -> new SecretSealer(randomKey()).openUnboundLegacy(legacy));
    }

    @Test
    void badKeyConfigurationIsRefusedWithoutEchoingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SecretSealer("c2hvcnQ="));
        assertFalse(e.getMessage().contains("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> new SecretSealer("a:b", key, List.of()));
        assertThrows(IllegalStateException.class, () -> new SecretSealer("1", key, List.of("1:" + randomKey())));
        IllegalStateException noId = assertThrows(IllegalStateException.class,
                () -> new SecretSealer("1", key, List.of(randomKey())));
        assertFalse(noId.getMessage().contains(key));
    }

    /** A value as the sealer of before key ids and binding wrote it. */
    private static String legacyV1(String base64Key, String secret) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(secret.getBytes(UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }
}
