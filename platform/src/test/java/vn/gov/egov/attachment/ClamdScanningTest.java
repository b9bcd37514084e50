package vn.gov.egov.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clamd INSTREAM exchange against a small fake clamd that speaks the protocol and checks what it receives. */
class ClamdScanningTest {

    /** The EICAR-like marker the fake daemon treats as a virus. */
    private static final byte[] MARKER = "VIRUS-MAU-KIEM-THU".getBytes(StandardCharsets.US_ASCII);

    private FakeClamd clamd;

    @AfterEach
    void stop() throws IOException {
        if (clamd != null) {
            clamd.close();
        }
    }

    private FileChecks checksAgainst(int port, Duration readTimeout) {
        return new FileChecks(AttachmentProperties.defaults().withClamav("127.0.0.1", port, readTimeout));
    }

    @Test
    void aCleanFileIsStreamedInChunksAndPasses() throws Exception {
        clamd = new FakeClamd(FakeClamd.Mode.ANSWER);
        byte[] pdf = TestFiles.noise("png", 300, 300);
        assertThat(pdf.length).as("more than one 64 KiB chunk").isGreaterThan(2 * 64 * 1024);

        CheckedFile file = checksAgainst(clamd.port(), Duration.ofSeconds(5))
                .check(new Upload("Bản vẽ", "ban-ve.png", "image/png", pdf));

        assertThat(file.kind()).isEqualTo(MediaKind.PNG);
        assertThat(clamd.commands).containsExactly("zINSTREAM");
        assertThat(clamd.received).hasSize(1);
        assertThat(clamd.received.get(0)).as("the daemon got exactly the file").isEqualTo(pdf);
        assertThat(clamd.chunks.get(0)).as("chunked, ended by a zero-length chunk").isGreaterThan(1);
    }

    @Test
    void anInfectedFileIsRefusedNamingTheSignature() throws Exception {
        clamd = new FakeClamd(FakeClamd.Mode.ANSWER);
        byte[] pdf = TestFiles.pdf(1);
        byte[] infected = Arrays.copyOf(pdf, pdf.length + MARKER.length);
        System.arraycopy(MARKER, 0, infected, pdf.length, MARKER.length);

        RejectedFile e = catchThrowableOfType(RejectedFile.class, () -> checksAgainst(clamd.port(), Duration.ofSeconds(5))
                .check(new Upload("Đơn đề nghị", "don.pdf", "application/pdf", infected)));

        assertThat(e.rule()).isEqualTo("infected");
        assertThat(e.getMessage()).contains("\"don.pdf\"", "Đơn đề nghị", "Eicar-Test-Signature");
    }

    @Test
    void anUnreachableScannerRefusesTheFile() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        RejectedFile e = catchThrowableOfType(RejectedFile.class, () -> checksAgainst(closedPort, Duration.ofSeconds(5))
                .check(new Upload("Đơn đề nghị", "don.pdf", "application/pdf", TestFiles.pdf(1))));

        assertThat(e.rule()).isEqualTo("scanner-unavailable");
    }

    @Test
    void aScannerThatDoesNotAnswerInTimeRefusesTheFile() throws Exception {
        clamd = new FakeClamd(FakeClamd.Mode.SILENT);

        long start = System.nanoTime();
        RejectedFile e = catchThrowableOfType(RejectedFile.class, () -> checksAgainst(clamd.port(), Duration.ofMillis(300))
                .check(new Upload(null, "don.pdf", "application/pdf", TestFiles.pdf(1))));

        assertThat(e.rule()).isEqualTo("scanner-unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anErrorReplyIsNotTakenForClean() throws Exception {
        clamd = new FakeClamd(FakeClamd.Mode.ERROR);

        RejectedFile e = catchThrowableOfType(RejectedFile.class, () -> checksAgainst(clamd.port(), Duration.ofSeconds(5))
                .check(new Upload(null, "don.pdf", "application/pdf", TestFiles.pdf(1))));

        assertThat(e.rule()).isEqualTo("scanner-unavailable");
    }

    /** Reads a z-command, then length-prefixed chunks up to the zero chunk, then answers as clamd does. */
    static final class FakeClamd implements AutoCloseable {
        enum Mode { ANSWER, SILENT, ERROR }

        final List<String> commands = new CopyOnWriteArrayList<>();
        final List<byte[]> received = new CopyOnWriteArrayList<>();
        final List<Integer> chunks = new CopyOnWriteArrayList<>();
        private final ServerSocket server = new ServerSocket(0);
        private final Thread thread;

        FakeClamd(Mode mode) throws IOException {
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        serve(socket, mode);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "fake-clamd");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Socket socket, Mode mode) throws IOException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) > 0) {
                command.write(b);
            }
            commands.add(command.toString(StandardCharsets.US_ASCII));
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            int count = 0;
            while (true) {
                int length = in.readInt();
                if (length == 0) {
                    break;
                }
                content.write(in.readNBytes(length));
                count++;
            }
            received.add(content.toByteArray());
            chunks.add(count);
            OutputStream out = socket.getOutputStream();
            switch (mode) {
                case SILENT -> {
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case ERROR -> out.write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
                case ANSWER -> out.write((contains(content.toByteArray(), MARKER) ? "stream: Eicar-Test-Signature FOUND\0"
                        : "stream: OK\0").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
