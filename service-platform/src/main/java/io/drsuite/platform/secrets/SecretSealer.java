package io.drsuite.platform.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets (database passwords) with AES-256-GCM under the suite's key, for storage at rest and for events.
 *
 * <p>A sealed value reads {@code v2:<key id>:<base64 of nonce, ciphertext and tag>}. It is bound to its owner (a
 * {@link SecretBinding}: cluster id and field, as GCM associated data), so a value copied into another cluster's row
 * or event does not open, and it names the key it was sealed under, so the key can be rotated: new values are sealed
 * under the current key, values sealed under an older key still open while that key is configured.
 *
 * <p>Values of the first format, {@code v1:<base64>}, are bound to nothing and are refused by {@link #open}. Only
 * the registry opens them, once, to re-seal them bound to the row they are in ({@link #openUnboundLegacy}).
 */
@ApplicationScoped
public class SecretSealer {

    /** The id of the key when configuration names none (the key every value of before key ids was sealed under). */
    public static final String DEFAULT_KEY_ID = "1";

    private static final String UNBOUND_V1 = "v1:";
    private static final String BOUND_V2 = "v2:";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    /** Every key this service holds by id, the current one first. */
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Inject
    SecretSealer(SecretsConfig config) {
        this(config.keyId(), config.key(), config.oldKeys().orElse(List.of()));
    }

    /** For tests and tools: one key under the default id. Services get their keys from configuration. */
    public SecretSealer(String base64Key) {
        this(DEFAULT_KEY_ID, base64Key, List.of());
    }

    /**
     * @param keyId id of the current key, written into every value sealed from now on
     * @param base64Key the current key
     * @param oldKeys older keys, each {@code <id>:<base64 key>}, that values sealed before may carry
     */
    public SecretSealer(String keyId, String base64Key, List<String> oldKeys) {
        this.currentKeyId = keyId(keyId == null ? "" : keyId.trim(), "drsuite.secrets.key-id");
        keys.put(currentKeyId, key(base64Key, "drsuite.secrets.key"));
        for (String entry : oldKeys) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("each drsuite.secrets.old-keys entry must read <id>:<base64 key>");
            }
            String id = keyId(entry.substring(0, colon).trim(), "a drsuite.secrets.old-keys id");
            if (keys.containsKey(id)) {
                throw new IllegalStateException("key id '" + id + "' is configured twice (drsuite.secrets.key-id "
                        + "and drsuite.secrets.old-keys must name each key once)");
            }
            keys.put(id, key(entry.substring(colon + 1), "drsuite.secrets.old-keys '" + id + "'"));
        }
    }

    /** Seals the secret under the current key, bound to its owner. */
    public String seal(String secret, SecretBinding binding) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding.associatedData(currentKeyId));
            byte[] sealed = cipher.doFinal(secret.getBytes(UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return BOUND_V2 + currentKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * Opens a value sealed for this owner.
     *
     * @throws SealedSecretRefusedException when the value was sealed for another owner or altered, names a key id
     *     this service does not hold, or is of the unbound {@code v1} format
     */
    public String open(String sealed, SecretBinding binding) {
        if (isUnboundLegacy(sealed)) {
            throw new SealedSecretRefusedException("the sealed " + binding + " is in the unbound v1 format, which is "
                    + "no longer opened: relationship-service re-seals such values at its first start after the "
                    + "upgrade; re-register the cluster if this one was not re-sealed");
        }
        if (sealed == null || !sealed.startsWith(BOUND_V2) || sealed.indexOf(':', BOUND_V2.length()) < 0) {
            throw new SealedSecretRefusedException("the value given for " + binding + " is not a sealed secret");
        }
        int colon = sealed.indexOf(':', BOUND_V2.length());
        String keyId = sealed.substring(BOUND_V2.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new SealedSecretRefusedException("the sealed " + binding + " was sealed under key id '" + keyId
                    + "', which this service does not hold (it holds " + keys.keySet() + "; configure that key "
                    + "in drsuite.secrets.old-keys until the values sealed under it are re-sealed)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(colon + 1));
            return decrypt(key, all, binding.associatedData(keyId));
        } catch (AEADBadTagException e) {
            throw new SealedSecretRefusedException("the sealed " + binding + " does not belong to it (sealed for "
                    + "another cluster or field, or altered)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedSecretRefusedException("the sealed " + binding + " cannot be read", e);
        }
    }

    /** Whether the value is bound and sealed under the current key, so it needs no re-sealing. */
    public boolean isSealedUnderCurrentKey(String sealed) {
        return sealed != null && sealed.startsWith(BOUND_V2 + currentKeyId + ":");
    }

    public static boolean isUnboundLegacy(String sealed) {
        return sealed != null && sealed.startsWith(UNBOUND_V1);
    }

    /**
     * Opens a value of the unbound {@code v1} format with whichever configured key sealed it. Only for re-sealing
     * it, bound, at the upgrade: nothing says which owner it belongs to.
     */
    public String openUnboundLegacy(String sealed) {
        if (!isUnboundLegacy(sealed)) {
            throw new SealedSecretRefusedException("not a value of the unbound v1 format");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(UNBOUND_V1.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretRefusedException("an unbound v1 value cannot be read", e);
        }
        for (SecretKey key : keys.values()) {
            try {
                return decrypt(key, all, new byte[0]);
            } catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
                // the next key may be the one
            }
        }
        throw new SealedSecretRefusedException("an unbound v1 value opens with none of the keys " + keys.keySet());
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    private static String decrypt(SecretKey key, byte[] all, byte[] associatedData)
            throws GeneralSecurityException {
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), UTF_8);
    }

    private static String keyId(String id, String what) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(what + " must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static SecretKey key(String base64Key, String what) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(what + " is not base64");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException(what + " must be 32 bytes (base64 of 44 characters), found "
                    + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    @Override
    public String toString() {
        return "SecretSealer[current key id=" + currentKeyId + ", keys=***]";
    }
}
