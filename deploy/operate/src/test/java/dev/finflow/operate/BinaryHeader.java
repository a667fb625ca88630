package dev.finflow.operate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an executable's or library's first bytes: ELF (e_machine) or Mach-O (cputype, thin or universal), enough
 * to tell which platform it runs on without running it.
 */
final class BinaryHeader {

    private static final Map<Integer, String> ELF_MACHINES = Map.of(0x3E, "x86-64", 0xB7, "arm64");
    private static final Map<Integer, String> MACH_CPUS = Map.of(0x01000007, "x86-64", 0x0100000C, "arm64");

    private BinaryHeader() {
    }

    static String describe(byte[] header) {
        ByteBuffer little = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer big = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        if (header[0] == 0x7F && header[1] == 'E' && header[2] == 'L' && header[3] == 'F') {
            return "ELF " + ELF_MACHINES.getOrDefault(little.getShort(18) & 0xFFFF, "machine " + little.getShort(18));
        }
        if (little.getInt(0) == 0xFEEDFACF) {
            return "Mach-O " + MACH_CPUS.getOrDefault(little.getInt(4), "cpu " + little.getInt(4));
        }
        if (big.getInt(0) == 0xCAFEBABE) {
            Set<String> cpus = new TreeSet<>();
            int count = big.getInt(4);
            for (int i = 0; i < count && 8 + i * 20 + 4 <= header.length; i++) {
                cpus.add(MACH_CPUS.getOrDefault(big.getInt(8 + i * 20), "cpu " + big.getInt(8 + i * 20)));
            }
            return "Mach-O " + String.join("+", cpus);
        }
        return String.format("unknown (%02x %02x %02x %02x)", header[0], header[1], header[2], header[3]);
    }
}
