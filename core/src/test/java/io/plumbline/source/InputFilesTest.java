package io.plumbline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What is not a readable file of a sane size is refused at once, never read until it ends (which it may never). */
@Timeout(30)
class InputFilesTest {
    @TempDir
    Path tmp;

    private static String problem(Path p) {
        return assertThrows(InputException.class, () -> Inputs.load(p, SourceOptions.DEFAULT)).problem();
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = tmp.resolve("plan.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is available");
        assertEquals("is not a regular file (a pipe, device or socket): save the input to a file first", problem(fifo));
    }

    @Test
    void devicesAndDirectoriesAreRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertEquals("is not a regular file (a pipe, device or socket): save the input to a file first", problem(zero));
        assertEquals("is a directory, not a file", problem(Path.of(".")));
        assertEquals("no such file", problem(Path.of("no-such-plan.json")));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Inputs.MAX_INPUT_BYTES + 1); // sparse: no disk used
        }
        assertEquals("larger than 512 MB, the largest input Plumbline reads", problem(big));
        InputException small = assertThrows(InputException.class,
                () -> Inputs.readBounded(big, "huge.json", 1000));
        assertEquals("huge.json: larger than 1000 bytes, the largest input Plumbline reads", small.getMessage());
    }
}
