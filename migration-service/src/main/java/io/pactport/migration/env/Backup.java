package io.pactport.migration.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A copy of a file next to it before it is rewritten: {@code FILE.bak}, or {@code FILE.bak.N} if that exists. */
public final class Backup {

    private Backup() {}

    /** Copies {@code file} to the first free backup name and returns that name; never overwrites an older backup. */
    public static Path write(Path file) throws IOException {
        Path backup = file.resolveSibling(file.getFileName() + ".bak");
        for (int n = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); n++) {
            backup = file.resolveSibling(file.getFileName() + ".bak." + n);
        }
        Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        return backup;
    }
}
