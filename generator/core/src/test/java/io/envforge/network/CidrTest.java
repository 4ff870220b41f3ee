package io.envforge.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "10.20.0.0/33   | prefix must be 0..32",
                "300.1.2.3/16   | octet 300 is larger than 255",
                "10.20.0.1/20   | host bits are set; the block starts at 10.20.0.0/20",
                "abc            | not a CIDR",
                "10.20.0/20     | not an IPv4 address",
                "10.20.0.0/     | prefix must be a number",
                "10.20.0.0/x    | prefix must be a number",
                "10.-1.0.0/16   | not an IPv4 address",
                "\uFF11\uFF10.20.0.0/20 | octet \uFF11\uFF10 has a digit other than ASCII 0-9",
                "10.20.0.0/\u0662\u0660 | prefix \u0662\u0660 has a digit other than ASCII 0-9",
                "10.\u0968.0.0/16 | has a digit other than ASCII 0-9",
                "010.20.0.0/20  | octet 010 has a leading zero",
                "10.020.0.0/20  | octet 020 has a leading zero",
                "10.20.0.0/08   | prefix 08 has a leading zero",
            })
    void rejectsMalformed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void parsesAndPrints() {
        Cidr c = Cidr.parse("10.20.0.0/20");
        assertEquals("10.20.0.0/20", c.toString());
        assertEquals(4096, c.size());
        assertEquals("10.20.15.255", Cidr.dotted(c.last()));
    }

    @ParameterizedTest(name = "{0} private={1}")
    @CsvSource({
        "10.20.0.0/20,true",
        "172.16.0.0/12,true",
        "172.32.0.0/16,false",
        "192.168.4.0/24,true",
        "8.8.0.0/16,false",
        "10.0.0.0/7,false"
    })
    void knowsPrivateRanges(String text, boolean isPrivate) {
        assertEquals(isPrivate, Cidr.parse(text).isPrivate());
    }

    @Test
    void overlapAndContainment() {
        Cidr a = Cidr.parse("10.20.0.0/20");
        assertTrue(a.overlaps(Cidr.parse("10.20.8.0/21")));
        assertTrue(a.contains(Cidr.parse("10.20.8.0/21")));
        assertFalse(a.overlaps(Cidr.parse("10.20.16.0/20")));
        assertEquals(Cidr.parse("10.20.4.0/22"), a.subnet(22, 1));
        assertThrows(IllegalArgumentException.class, () -> a.subnet(22, 4));
    }
}
