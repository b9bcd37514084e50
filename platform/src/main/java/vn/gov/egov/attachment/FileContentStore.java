package vn.gov.egov.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Content-addressed files: {@code <dir>/ab/cd/<sha256>}, each written to a temporary file in its own directory and
 * moved into place atomically, so that a reader never sees half a file. Files never change once written, which is what
 * makes a plain copy of the tree a consistent backup.
 */
final class FileContentStore implements ContentStore {

    static final String LOCATION = "fs";
    /** Temporary files start with this; the sweeper removes those left by a crash. */
    static final String TEMPORARY_PREFIX = ".tmp-";
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final boolean fsync;
    private final boolean posix;
    private final Clock clock;

    FileContentStore(Path root, boolean fsync, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.fsync = fsync;
        this.posix = this.root.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.clock = clock;
    }

    Path root() {
        return root;
    }

    @Override
    public String location() {
        return LOCATION;
    }

    /** {@code ab/cd/<sha256>} under the root; refuses anything that is not a lower-case SHA-256. */
    Path path(String sha256) {
        if (sha256 == null || !HASH.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public byte[] save(String sha256, byte[] content) {
        Path target = path(sha256);
        try {
            // the same content is there already: a fresh time keeps the sweeper off it while its row is inserted
            if (Files.exists(target) && touched(target)) {
                return null;
            }
            Path directory = target.getParent();
            boolean created = createDirectories(directory);
            Path temporary = Files.createTempFile(directory, TEMPORARY_PREFIX, ".part", fileAttributes());
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    if (fsync) {
                        channel.force(true);
                    }
                }
                // another writer of the same content may have won meanwhile: same bytes, so replacing them is harmless
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (fsync) {
                syncDirectory(directory);
                if (created) {
                    syncDirectory(directory.getParent());
                    syncDirectory(root);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + sha256 + " under " + root, e);
        }
    }

    @Override
    public Optional<byte[]> read(String sha256, boolean verify) {
        byte[] content;
        try {
            content = Files.readAllBytes(path(sha256));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + sha256 + " under " + root, e);
        }
        if (verify && !FileChecks.sha256(content).equals(sha256)) {
            throw new IllegalStateException("the file of " + sha256 + " does not match its hash");
        }
        return Optional.of(content);
    }

    private boolean touched(Path file) throws IOException {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return true;
        } catch (NoSuchFileException e) {
            return false; // swept meanwhile: write it again
        }
    }

    private boolean createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return false;
        }
        try {
            if (posix) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (FileAlreadyExistsException e) {
            // created by a concurrent writer
        }
        return true;
    }

    private FileAttribute<?>[] fileAttributes() {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(ownerOnly)};
    }

    private static void syncDirectory(Path directory) {
        // a directory can be forced on Linux and most Unix systems; elsewhere the rename is as durable as the OS makes it
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here
        }
    }
}
