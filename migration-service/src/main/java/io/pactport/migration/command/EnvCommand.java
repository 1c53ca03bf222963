package io.pactport.migration.command;

import io.pactport.core.config.EnvironmentVariables;
import io.pactport.core.config.PactBrokerEnvironmentTranslation;
import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import io.pactport.migration.env.Assignment;
import io.pactport.migration.env.Backup;
import io.pactport.migration.env.ComposeFile;
import io.pactport.migration.env.EnvDocument;
import io.pactport.migration.env.EnvDocument.Translated;
import io.pactport.migration.env.EnvFile;
import io.pactport.migration.env.EnvFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a Pact Broker's environment as Pactport's (PactFlow's names), from an env file, a compose file or the process,
 * and with {@code --write} rewrites the file in place after a backup. Needs no database. Secrets are never printed.
 */
@Command(
        name = "env",
        description = "Print (or --write) a Pact Broker's PACT_BROKER_* environment as Pactport's"
                + " PACTFLOW_* one; without FILE, the process environment.")
public class EnvCommand implements Callable<Integer> {

    /** Exit code for a file that cannot be read or understood. */
    static final int UNREADABLE = 2;

    /** The file's format, and what is printed. */
    public enum Format {
        env,
        compose
    }

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An env file or a docker compose file.")
    Path file;

    @Option(names = "--format", description = "env or compose; by default compose for a .yml/.yaml FILE, else env.")
    Format format;

    @Option(names = "--write", description = "Rewrite FILE in place (real values), after a backup FILE.bak[.N].")
    boolean write;

    @Spec
    CommandSpec spec;

    private final Map<String, String> processEnvironment;

    public EnvCommand(Map<String, String> processEnvironment) {
        this.processEnvironment = processEnvironment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (write && file == null) {
            err.println("--write needs a FILE");
            err.flush();
            return UNREADABLE;
        }
        try {
            Format chosen = format != null ? format : detect(file);
            EnvDocument document = file == null ? fromProcess() : read(file, chosen);
            List<Translated> translations = document.translate();
            print(out, translations, chosen, file == null);
            document.notes().forEach(note -> err.println("note: " + note));
            for (Translated translated : translations) {
                String prefix = translated.block().service() == null
                        ? ""
                        : translated.block().service() + ": ";
                translated.result().warnings().forEach(w -> err.println("warning: " + prefix + w));
            }
            if (write) {
                writeBack(document, translations, out);
            }
            return 0;
        } catch (EnvFileException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void writeBack(EnvDocument document, List<Translated> translations, PrintWriter out) {
        boolean changed = translations.stream()
                .anyMatch(t -> t.result().lines().stream().anyMatch(PactBrokerEnvironmentTranslation.Line::changed));
        if (!changed) {
            out.println("nothing to change in " + file);
            return;
        }
        try {
            Path backup = Backup.write(file);
            Files.writeString(file, document.rewrite(translations), StandardCharsets.UTF_8);
            out.println("wrote " + file + " (the original is in " + backup + ")");
        } catch (IOException e) {
            throw new EnvFileException("cannot write it (" + e.getMessage() + ")");
        }
    }

    private static Format detect(Path file) {
        String name = file == null ? "" : file.getFileName().toString().toLowerCase();
        return name.endsWith(".yml") || name.endsWith(".yaml") ? Format.compose : Format.env;
    }

    private static EnvDocument read(Path file, Format format) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new EnvFileException("not UTF-8 text");
        } catch (IOException e) {
            throw new EnvFileException(
                    "no such file or not readable (" + e.getClass().getSimpleName() + ")");
        }
        return format == Format.compose ? ComposeFile.parse(text) : EnvFile.parse(text);
    }

    /** Only the broker's own variables: the rest of a process environment (PATH, HOME) is not this command's business. */
    private EnvDocument fromProcess() {
        List<Assignment> assignments = new ArrayList<>();
        new TreeMap<>(processEnvironment).forEach((name, value) -> {
            if (name.startsWith(EnvironmentVariables.OLD_PREFIX) || name.startsWith(EnvironmentVariables.NEW_PREFIX)) {
                assignments.add(new Assignment(-1, new Entry(name, value), 0, 0, Assignment.Style.ENV));
            }
        });
        return new EnvDocument(List.of(), List.of(new EnvDocument.Block(null, assignments)), List.of());
    }

    private static void print(PrintWriter out, List<Translated> translations, Format format, boolean process) {
        if (format == Format.compose) {
            boolean services = translations.stream().anyMatch(t -> t.block().service() != null);
            if (services) {
                out.println("services:");
            }
            for (Translated translated : translations) {
                String indent = services ? "    " : "";
                if (services) {
                    out.println("  " + translated.block().service() + ":");
                }
                out.println(indent + "environment:");
                for (Entry entry : translated.result().entries()) {
                    out.println(indent + "  " + entry.name() + ": "
                            + doubleQuoted(PactBrokerEnvironmentTranslation.redact(entry)));
                }
            }
            return;
        }
        for (Translated translated : translations) {
            if (translated.block().service() != null) {
                out.println("# " + translated.block().service());
            }
            for (Entry entry : translated.result().entries()) {
                String value = PactBrokerEnvironmentTranslation.redact(entry);
                out.println(entry.name() + "=" + (value.matches("[^\\s\"'#\\\\$`]*") ? value : doubleQuoted(value)));
            }
        }
        if (process && translations.stream().allMatch(t -> t.result().entries().isEmpty())) {
            out.println("# no PACT_BROKER_* or PACTFLOW_* variable is set");
        }
    }

    private static String doubleQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
