package io.pactport.migration.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {

    @Test
    void writesBakThenBakNNeverOverwriting(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broker.env"), "one");
        assertThat(Backup.write(file)).isEqualTo(dir.resolve("broker.env.bak"));
        Files.writeString(file, "two");
        assertThat(Backup.write(file)).isEqualTo(dir.resolve("broker.env.bak.1"));
        Files.writeString(file, "three");
        assertThat(Backup.write(file)).isEqualTo(dir.resolve("broker.env.bak.2"));
        assertThat(Files.readString(dir.resolve("broker.env.bak"))).isEqualTo("one");
        assertThat(Files.readString(dir.resolve("broker.env.bak.2"))).isEqualTo("three");
    }
}
