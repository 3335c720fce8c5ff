package dev.chainrule.nn.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says why a file could not be read or written. Java's file exceptions often carry nothing but
 * a path as their message ("/tmp/a"), which tells a user neither what went wrong nor where:
 * {@code cannot read X: X}.
 *
 * <pre>{@code
 * IoMessages.reason(new NoSuchFileException("/tmp/a"));   // "/tmp/a: no such file or folder"
 * }</pre>
 */
public final class IoMessages {
    private IoMessages() {
    }

    /**
     * The reason for {@code e} in words, naming the file it concerns: "/tmp/a: no such file or
     * folder", "/tmp/a: permission denied".
     *
     * @param e the e
     * @return the reason for {@code e} in words, naming the file it concerns: "/tmp/a: no such file or
     *     folder", "/tmp/a: permission denied"
     */
    public static String reason(IOException e) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null) {
            return String.valueOf(e.getMessage());
        }
        String file = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
        if (e instanceof NoSuchFileException) {
            return file + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + ": is in the way (it exists, but is not a folder)";
        }
        if (e instanceof NotDirectoryException) {
            return file + ": is not a folder";
        }
        return f.getReason() == null ? file : file + ": " + f.getReason();
    }
}
