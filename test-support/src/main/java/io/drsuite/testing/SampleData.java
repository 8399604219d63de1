package io.drsuite.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Data for backup and restore tests, and a way to damage what was stored. */
public final class SampleData {

    private SampleData() {
    }

    /**
     * Database {@code shop}: 200 customers and {@code orders} orders referencing them (a foreign key, an index and
     * an owned sequence), so a restore has constraints and a sequence to get right.
     */
    public static void shop(PostgresInstance server, int orders) {
        server.execute("create database shop");
        server.executeIn("shop",
                "create table customers (id int primary key, name text not null)",
                "create table orders (id bigserial primary key, customer_id int not null references customers, "
                        + "amount numeric(10, 2) not null, placed_at timestamptz not null default now())",
                "create index orders_by_customer on orders (customer_id)",
                "insert into customers select g, 'customer ' || g from generate_series(1, 200) g",
                "insert into orders (customer_id, amount) select 1 + g % 200, g * 1.25 "
                        + "from generate_series(1, " + orders + ") g");
    }

    /** Inverts the bits of the byte in the middle of a stored file, as silent corruption of storage would. */
    public static void flipMiddleByte(Path file) {
        try (RandomAccessFile stored = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = stored.length() / 2;
            stored.seek(middle);
            int b = stored.read();
            stored.seek(middle);
            stored.write(b ^ 0xFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
