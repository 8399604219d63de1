package io.drsuite.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket (and key prefix) on an S3-compatible server. Uploads are multipart: a part is sent while the next one
 * fills, so the producer (pg_basebackup, pg_dump) rarely waits and at most two parts are in memory. An upload that
 * is not committed is aborted, which frees its parts.
 */
public final class S3Location implements StorageLocation {

    private final String name;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    /**
     * @param prefix prepended to every key, e.g. {@code drsuite/}; empty for none
     * @param partSize bytes per multipart part, at least 5 MiB (the S3 minimum)
     */
    public S3Location(String name, S3Client s3, String bucket, String prefix, int partSize) {
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB");
        }
        this.name = name;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.partSize = partSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public String locate(String key) {
        return "s3://" + bucket + "/" + prefix + key;
    }

    @Override
    public ObjectUpload upload(String key) throws IOException {
        String objectKey = prefix + key;
        String uploadId = call(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId());
        return new MultipartUpload(key, objectKey, uploadId);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(prefix + key)));
    }

    @Override
    public long size(String key) throws IOException {
        return call(() -> s3.headObject(b -> b.bucket(bucket).key(prefix + key)).contentLength());
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            size(key);
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchKeyException
                    || e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(prefix + key)));
    }

    private final class MultipartUpload extends ObjectUpload {

        private final String key;
        private final String objectKey;
        private final String uploadId;
        private final List<CompletedPart> parts = new ArrayList<>();
        private CompletableFuture<CompletedPart> inFlight;
        private byte[] buffer = new byte[partSize];
        private int filled;

        MultipartUpload(String key, String objectKey, String uploadId) {
            this.key = key;
            this.objectKey = objectKey;
            this.uploadId = uploadId;
        }

        @Override
        protected void store(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int chunk = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, chunk);
                filled += chunk;
                offset += chunk;
                length -= chunk;
                if (filled == buffer.length) {
                    sendBuffer();
                }
            }
        }

        /** Waits for the part in flight, then sends this one in the background and starts a fresh buffer. */
        private void sendBuffer() throws IOException {
            awaitInFlight();
            byte[] full = filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled);
            int number = parts.size() + 1;
            inFlight = CompletableFuture.supplyAsync(() -> {
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                        .partNumber(number), RequestBody.fromBytes(full)).eTag();
                return CompletedPart.builder().partNumber(number).eTag(etag).build();
            }, task -> Thread.ofVirtual().start(task));
            buffer = new byte[partSize];
            filled = 0;
        }

        private void awaitInFlight() throws IOException {
            if (inFlight == null) {
                return;
            }
            try {
                parts.add(inFlight.join());
            } catch (CompletionException e) {
                throw new IOException("could not upload part " + (parts.size() + 1) + " of " + objectKey + ": "
                        + e.getCause().getMessage(), e.getCause());
            } finally {
                inFlight = null;
            }
        }

        @Override
        protected String complete() throws IOException {
            if (filled > 0 || parts.isEmpty() && inFlight == null) {
                sendBuffer();
            }
            awaitInFlight();
            call(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))));
            return key;
        }

        @Override
        protected void discard() throws IOException {
            try {
                awaitInFlight();
            } catch (IOException e) {
                // aborting frees whatever was uploaded
            }
            call(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)));
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (SdkException | UncheckedIOException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
