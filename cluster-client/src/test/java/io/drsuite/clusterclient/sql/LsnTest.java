package io.drsuite.clusterclient.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void parsesAndPrintsThePostgresForm() {
        assertEquals(0x3000060L, Lsn.parse("0/3000060").value());
        assertEquals(1L << 32, Lsn.parse("1/0").value());
        assertEquals(0x16B374D848L, Lsn.parse("16/b374d848").value());
        assertEquals("0/3000060", Lsn.parse("0/3000060").toString());
        assertEquals("16/B374D848", Lsn.parse("16/b374d848").toString());
        assertEquals("FFFFFFFF/FFFFFFFF", Lsn.parse("FFFFFFFF/FFFFFFFF").toString());
        assertEquals(Lsn.parse("0/0"), new Lsn(0));
    }

    @Test
    void ordersByPosition() {
        Lsn a = Lsn.parse("0/3000060");
        Lsn b = Lsn.parse("0/FFFFFFFF");
        Lsn c = Lsn.parse("1/0");
        Lsn top = Lsn.parse("FFFFFFFF/0");
        List<Lsn> lsns = new ArrayList<>(List.of(top, c, a, b));
        Collections.sort(lsns);
        assertEquals(List.of(a, b, c, top), lsns);
        assertTrue(c.isAtLeast(b));
        assertTrue(c.isAtLeast(c));
        assertFalse(a.isAtLeast(b));
        // unsigned: the high half above 7FFFFFFF is still later
        assertTrue(top.isAtLeast(c));
    }

    @Test
    void bytesAfterAnEarlierPositionNeverNegative() {
        assertEquals(0x60L, Lsn.parse("0/3000060").bytesAfter(Lsn.parse("0/3000000")));
        assertEquals(1L, Lsn.parse("1/0").bytesAfter(Lsn.parse("0/FFFFFFFF")));
        assertEquals(0L, Lsn.parse("0/3000000").bytesAfter(Lsn.parse("0/3000060")));
        assertEquals(0L, Lsn.parse("0/3000000").bytesAfter(Lsn.parse("0/3000000")));
    }

    @Test
    void rejectsWhatIsNotAnLsn() {
        for (String text : List.of("", "3000060", "/1", "0/", "x/1", "0/3000060 ")) {
            assertThrows(IllegalArgumentException.class, () -> Lsn.parse(text), text);
        }
    }
}
