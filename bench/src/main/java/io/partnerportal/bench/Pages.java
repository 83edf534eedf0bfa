package io.partnerportal.bench;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the heap is on transparent huge pages (2 MiB) or the default 4 KiB ones. At 1M contacts an
 * evaluation reads a few dozen objects scattered over gigabytes of heap: with 4 KiB pages most of those
 * reads also miss the TLB, which cost P2 a fifth of its time (docs/benchmarks.md, fifth session). The
 * kernels here offer huge pages only to processes that ask ({@code madvise}); the JVM asks with
 * {@code -XX:+UseTransparentHugePages}, as {@code bin/partner-portal} does.
 */
final class Pages {

    private static final Path SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private Pages() {
    }

    /** The kernel's setting (always, madvise or never, the bracketed one of the file), or "unknown". */
    static String kernel() {
        try {
            String line = Files.readString(SETTING).trim();
            int open = line.indexOf('[');
            int close = line.indexOf(']');
            return open >= 0 && close > open ? line.substring(open + 1, close) : "unknown";
        } catch (IOException | SecurityException e) {
            return "unknown";
        }
    }

    static boolean jvmAsks() {
        return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseTransparentHugePages").getValue());
    }

    /** What a figure was measured on, e.g. "heap on transparent huge pages". */
    static String describe() {
        String kernel = kernel();
        if (kernel.equals("always") || kernel.equals("madvise") && jvmAsks()) {
            return "heap on transparent huge pages";
        }
        return "heap on 4 KiB pages (kernel: " + kernel + ")";
    }

    /** A warning when the kernel would give huge pages but this JVM did not ask for them, else null. */
    static String warning() {
        if (kernel().equals("madvise") && !jvmAsks()) {
            return "this JVM runs without -XX:+UseTransparentHugePages although the kernel offers huge pages "
                    + "(madvise): figures at 100k and 1M contacts will be slower than the service's "
                    + "(bin/partner-portal asks for them); rerun with java -XX:+UseTransparentHugePages -Xmx4g -jar …";
        }
        return null;
    }
}
