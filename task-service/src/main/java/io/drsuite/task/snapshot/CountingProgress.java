package io.drsuite.task.snapshot;

import io.drsuite.task.engine.StepContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports a step's progress as the share of a stream of known length read so far. */
final class CountingProgress extends FilterInputStream {

    private final long total;
    private final StepContext context;
    private long read;
    private int reported = -1;

    CountingProgress(InputStream in, long total, StepContext context) {
        super(in);
        this.total = Math.max(1, total);
        this.context = context;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int count = super.read(bytes, offset, length);
        if (count > 0) {
            advance(count);
        }
        return count;
    }

    /** Closing is left to the owner of the underlying stream, which reads it to its end for the checksum. */
    @Override
    public void close() {
    }

    private void advance(long count) {
        read += count;
        int percent = (int) Math.min(100, read * 100 / total);
        if (percent != reported) {
            reported = percent;
            context.progress(percent);
        }
    }
}
