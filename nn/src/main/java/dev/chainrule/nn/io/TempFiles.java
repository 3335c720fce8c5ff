package dev.chainrule.nn.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of an atomic save: {@code .NAME.PID.RANDOM.tmp} beside the target, so that
 * a save killed half-way leaves a file that a later save can recognise as its own and remove.
 */
final class TempFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Files of the naming used before the PID was part of it: removed once they are this old. */
    private static final Duration OLD_NAMING_AGE = Duration.ofHours(1);

    private TempFiles() {
    }

    /**
     * A new, empty temporary file for {@code name} in {@code dir}, created with the default
     * permissions (the umask's), not the owner-only ones of {@link Files#createTempFile}.
     */
    static Path create(Path dir, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + pid + "." + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36)
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes the temporary files for {@code name} in {@code dir} that no running save can own:
     * those whose process has ended, and those of the older naming (no PID) older than an hour.
     * Returns how many were deleted. Failing to delete one is not an error of the save.
     */
    static int deleteStale(Path dir, String name) {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d+)\\.[0-9a-z]+\\.tmp");
        Pattern older = Pattern.compile("\\." + Pattern.quote(name) + "\\.\\d+\\.tmp");
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + globQuote(name) + ".*.tmp")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                Matcher m = ours.matcher(n);
                boolean stale;
                if (m.matches()) {
                    stale = !isRunning(m.group(1));
                } else if (older.matcher(n).matches()) {
                    FileTime t = Files.getLastModifiedTime(f);
                    stale = t.toInstant().isBefore(Instant.now().minus(OLD_NAMING_AGE));
                } else {
                    stale = false;
                }
                if (stale && Files.isRegularFile(f) && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up is a courtesy: the save itself goes on.
        }
        return deleted;
    }

    private static boolean isRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String globQuote(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
