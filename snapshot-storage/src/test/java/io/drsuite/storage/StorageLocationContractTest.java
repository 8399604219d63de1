package io.drsuite.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.testing.LocalInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same cases for both kinds of storage location: a folder, and a bucket on the tests' real S3-compatible server
 * (S3Proxy, started with the test infrastructure).
 */
class StorageLocationContractTest {

    private static final int PART = 5 * 1024 * 1024;

    private static S3Client s3;
    private static Path folder;

    @BeforeAll
    static void connect() throws IOException {
        new LocalInfrastructure().start();
        s3 = S3Client.builder().endpointOverride(URI.create(LocalInfrastructure.s3Endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalInfrastructure.S3_ACCESS_KEY, LocalInfrastructure.S3_SECRET_KEY)))
                .build();
        folder = Files.createTempDirectory("storage-contract");
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static Stream<StorageLocation> locations() {
        return Stream.of(new FilesystemLocation("local", folder),
                new S3Location("s3", s3, LocalInfrastructure.S3_BUCKET, "contract/", PART));
    }

    @ParameterizedTest
    @MethodSource("locations")
    void aCommittedObjectReadsBackWithTheChecksumRecordedWhileWriting(StorageLocation location) throws Exception {
        byte[] data = new byte[PART * 2 + 12345];
        new Random(7).nextBytes(data);
        String key = "c1/physical/" + UUID.randomUUID() + "/base.tar.gz";
        StoredObject stored;
        try (ObjectUpload upload = location.upload(key)) {
            for (int offset = 0; offset < data.length; offset += 100_000) {
                upload.write(data, offset, Math.min(100_000, data.length - offset));
            }
            assertThat(location.exists(key)).as("invisible until committed").isFalse();
            stored = upload.commit();
        }
        assertThat(stored.sizeBytes()).isEqualTo(data.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(data)));
        assertThat(location.exists(key)).isTrue();
        assertThat(location.size(key)).isEqualTo(data.length);
        assertThat(location.locate(key)).endsWith(key);
        try (InputStream in = location.open(key); Sha256 read = new Sha256(in)) {
            assertThat(read.readAllBytes()).isEqualTo(data);
        }
        location.delete(key);
        assertThat(location.exists(key)).isFalse();
        location.delete(key);
    }

    @ParameterizedTest
    @MethodSource("locations")
    void anUploadClosedWithoutCommitLeavesNothing(StorageLocation location) throws Exception {
        String key = "c1/logical/" + UUID.randomUUID() + "/shop.dump";
        try (ObjectUpload upload = location.upload(key)) {
            upload.write(new byte[PART + 1]);
        }
        assertThat(location.exists(key)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("locations")
    void anEmptyObjectIsStoredToo(StorageLocation location) throws Exception {
        String key = "c1/logical/" + UUID.randomUUID() + "/empty.dump";
        try (ObjectUpload upload = location.upload(key)) {
            assertThat(upload.commit().sizeBytes()).isZero();
        }
        assertThat(location.size(key)).isZero();
        location.delete(key);
    }

    @Test
    void aFolderLocationRefusesKeysOutsideItAndLeavesNoPartialFiles() throws Exception {
        FilesystemLocation location = new FilesystemLocation("local", folder);
        assertThatThrownBy(() -> location.upload("../outside")).isInstanceOf(IllegalArgumentException.class);
        try (ObjectUpload upload = location.upload("c2/x/y.dump")) {
            upload.write(new byte[] {1, 2, 3});
        }
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
