package gr.solidarity.ledger.app.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the benchmarks read of a process (from /proc and the JDK's jstat) and of the machine. */
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

    /** A process's collections so far, from the JDK's jstat: counts and seconds paused, young and full. */
    static Map<String, Double> gc(long pid) throws Exception {
        return jstat(pid, "-gc");
    }

    /** Seconds the process's just-in-time compiler threads have spent compiling since it started. */
    static double compilerSeconds(long pid) throws Exception {
        return jstat(pid, "-compiler").get("Time");
    }

    private static Map<String, Double> jstat(long pid, String option) throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jstat = new ProcessBuilder(java.resolveSibling("jstat").toString(), option, Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jstat.waitFor(30, TimeUnit.SECONDS);
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) {
            throw new IllegalStateException("jstat " + option + " gave: " + output);
        }
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        Map<String, Double> columns = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            try {
                columns.put(names[i], Double.parseDouble(values[i]));
            } catch (NumberFormatException notANumber) {
                // a column such as the last failed method's name
            }
        }
        return columns;
    }

    /** Processor time of the process (user and system), from /proc. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, the 14th and 15th fields of the line (the 12th and 13th after the command's name), in
        // clock ticks of 1/100 s (USER_HZ on Linux)
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / 100;
    }
}
