package io.envforge.network;

/**
 * An IPv4 block, such as {@code 10.20.0.0/20}. Host bits are always zero.
 *
 * @param base the first address as an unsigned 32-bit number
 * @param prefix the prefix length, 0..32
 */
public record Cidr(long base, int prefix) implements Comparable<Cidr> {

    private static final Cidr[] PRIVATE = {
        new Cidr(0x0A000000L, 8), new Cidr(0xAC100000L, 12), new Cidr(0xC0A80000L, 16)
    };

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32, not " + prefix);
        }
        if (base < 0 || base > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("address out of IPv4 range");
        }
        if ((base & hostMask(prefix)) != 0) {
            throw new IllegalArgumentException("host bits are set");
        }
    }

    /**
     * Parses {@code a.b.c.d/n}. The message of the exception says what is wrong and what a good value looks like.
     */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a CIDR is required, such as 10.20.0.0/20");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR (address/prefix), such as 10.20.0.0/20");
        }
        long address = parseAddress(text.substring(0, slash));
        int prefix = parsePrefix(text.substring(slash + 1));
        if ((address & hostMask(prefix)) != 0) {
            Cidr network = new Cidr(address & ~hostMask(prefix) & 0xFFFFFFFFL, prefix);
            throw new IllegalArgumentException("host bits are set; the block starts at " + network);
        }
        return new Cidr(address, prefix);
    }

    /** Parses a dotted IPv4 address to an unsigned number. */
    public static long parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address (four numbers 0..255 separated by dots)");
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address (four numbers 0..255 separated by dots)");
            }
            number("octet", part);
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("octet " + octet + " is larger than 255");
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static int parsePrefix(String text) {
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("prefix must be a number 0..32");
        }
        number("prefix", text);
        int prefix = Integer.parseInt(text);
        if (prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32");
        }
        return prefix;
    }

    /**
     * Refuses what {@link Integer#parseInt} would quietly accept: digits other than ASCII 0-9 (full-width, Arabic-Indic:
     * {@link Character#isDigit} is true for them) and leading zeros (which inet_aton and others read as octal).
     */
    private static void number(String what, String digits) {
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    what + " " + digits + " has a digit other than ASCII 0-9;" + " write it with the digits 0-9");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new IllegalArgumentException(what + " " + digits + " has a leading zero (read as octal by some"
                    + " tools); write " + Integer.parseInt(digits));
        }
    }

    private static long hostMask(int prefix) {
        return prefix == 0 ? 0xFFFFFFFFL : (1L << (32 - prefix)) - 1;
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return base + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return base <= other.last() && other.base <= last();
    }

    public boolean contains(Cidr other) {
        return base <= other.base && other.last() <= last();
    }

    /** True for RFC 1918 space (10/8, 172.16/12, 192.168/16). */
    public boolean isPrivate() {
        for (Cidr range : PRIVATE) {
            if (range.contains(this)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code index}-th block of prefix {@code newPrefix} inside this one. */
    public Cidr subnet(int newPrefix, long index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve a /" + newPrefix + " from " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " has no block " + index + " of /" + newPrefix);
        }
        return new Cidr(base + index * (1L << (32 - newPrefix)), newPrefix);
    }

    /** The address {@code offset} places after the start of the block, dotted. */
    public String address(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException(this + " has no address at offset " + offset);
        }
        return dotted(base + offset);
    }

    public static String dotted(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    @Override
    public int compareTo(Cidr other) {
        int byBase = Long.compare(base, other.base);
        return byBase != 0 ? byBase : Integer.compare(prefix, other.prefix);
    }

    @Override
    public String toString() {
        return dotted(base) + "/" + prefix;
    }
}
