package gr.solidarity.ledger.app.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What the benchmarks read of a process and of the machine from /proc. */
final class ProcessFigures {

    private ProcessFigures() {
    }

    /** The process's resident memory now (VmRSS) and at its peak (VmHWM), in bytes. */
    static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> status = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] parts = line.split("\\s+");
                status.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]) * 1024);
            }
        }
        return status;
    }

    /** The machine's load average over 1, 5 and 15 minutes. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException unreadable) {
            return "n/a";
        }
    }
}
