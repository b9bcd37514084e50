package vn.gov.egov.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.egov.PlatformTest;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.printing.Signature;

/**
 * An agency key on a PKCS#11 token (SoftHSM2, Debian package {@code softhsm2}): a token initialized in a temporary
 * directory, a key and certificate chain issued by the test CA imported into it, {@code egov.signing.keystores} of
 * type PKCS11 pointed at it, a result paper signed with it, and the signature validated by the platform. SoftHSM reads
 * {@code SOFTHSM2_CONF} from the environment, so the token is used from a child JVM started with it
 * ({@link Pkcs11SigningProcess}). Without SoftHSM this test fails: CI installs it (.ci/run).
 */
class Pkcs11SigningTest extends PlatformTest {

    /** Where Debian, Ubuntu, Fedora and a source build put the library. */
    private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "246810";

    @Autowired
    PdfSigning signing;

    @Autowired
    TestCertificateAuthority testCa;

    @Autowired
    OfficialPapers papers;

    @Test
    void aKeyOnAPkcs11TokenSignsAResultThatValidates() throws Exception {
        String library = LIBRARIES.stream().filter(path -> Files.isReadable(Path.of(path))).findFirst().orElse(null);
        if (library == null || !onPath("softhsm2-util")) {
            fail("SoftHSM2 is not installed (no softhsm2-util or libsofthsm2.so in " + LIBRARIES + "): install the Debian "
                    + "package softhsm2 (apt-get install -y softhsm2); CI installs it through .ci/run. This test checks "
                    + "the PKCS#11 signing configuration and must not be skipped.");
        }
        Path directory = Files.createTempDirectory("softhsm");
        try {
            signWithATokenIn(directory, library);
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void signWithATokenIn(Path directory, String library) throws Exception {
        Path tokens = Files.createDirectories(directory.resolve("tokens"));
        Path softhsmConf = directory.resolve("softhsm2.conf");
        Files.writeString(softhsmConf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");

        // a token, as an operator initializes one
        Run init = run(List.of("softhsm2-util", "--init-token", "--free", "--label", "egov-test", "--pin", PIN,
                "--so-pin", "13579135"), softhsmConf);
        assertThat(init.exit()).as(init.output()).isZero();
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init.output());
        assertThat(slot.find()).as(init.output()).isTrue();
        Path pkcs11Conf = directory.resolve("pkcs11.cfg");
        Files.writeString(pkcs11Conf, "name = EgovSoftHsm\nlibrary = " + library + "\nslot = " + slot.group(1) + "\n");

        // the agency's key and chain, issued by the test CA (which the platform trusts here), as a PKCS#12 file
        SigningAgency agency = new SigningAgency("P11-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "Sở Thử nghiệm Thiết bị ký số");
        AgencyKey issued = testCa.keyOf(agency, "test");
        Path p12 = directory.resolve("agency.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("agency", issued.privateKey(), "p12-pass".toCharArray(), issued.chain().toArray(new Certificate[0]));
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "p12-pass".toCharArray());
        }
        Path in = directory.resolve("in.pdf");
        Files.write(in, papers.render(new Paper("UBND TỈNH LẠNG SƠN", "SỞ THỬ NGHIỆM THIẾT BỊ KÝ SỐ", null, null,
                "Giấy thử ký số bằng thiết bị PKCS#11", null, List.of(new Block.Paragraph("Nội dung có dấu: Đồng Đăng, Hữu Nghị.")),
                null, List.of(Signature.signedDigitally("GIÁM ĐỐC", "Nguyễn Văn Bình")))));
        Path font = directory.resolve("font.ttf");
        Files.write(font, papers.regularFont("Ký bởi: " + agency.name()));
        Path out = directory.resolve("out.pdf");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run signed = run(List.of(java, "-cp", System.getProperty("java.class.path"), Pkcs11SigningProcess.class.getName(),
                pkcs11Conf.toString(), PIN, p12.toString(), "p12-pass", "agency", agency.code(), agency.name(),
                in.toString(), out.toString(), font.toString()), softhsmConf);
        assertThat(signed.exit()).as(signed.output()).isZero();
        assertThat(signed.output()).contains("imported: [agency]").contains("source: PKCS11")
                .contains("key: sun.security.pkcs11.P11Key").contains("serial: " + issued.serial())
                .contains("signed: PAdES-BASELINE-B " + issued.serial());

        byte[] pdf = Files.readAllBytes(out);
        PdfValidation validation = signing.validate(pdf);
        assertThat(validation.verdict()).as(validation.reasons().toString()).isEqualTo(PdfValidation.Verdict.VALID);
        assertThat(validation.indication()).isEqualTo("TOTAL_PASSED");
        assertThat(validation.signerSubject()).contains(agency.code());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature dictionary = document.getLastSignatureDictionary();
            assertThat(dictionary.getName()).isEqualTo("Nguyễn Văn Bình");
            assertThat(dictionary.getReason()).isEqualTo("Giám đốc – Ký bằng khóa trên thiết bị PKCS#11");
            assertThat(document.getDocumentCatalog().getAcroForm().getField(Signature.DIGITAL_SIGNATURE_FIELD).getValueAsString())
                    .isNotEmpty();
        }
        // the key stayed on the token: the token's files hold it, the PKCS#12 file was only the way in
        try (var files = Files.walk(tokens)) {
            assertThat(files.filter(path -> path.toString().endsWith(".object")).count()).isGreaterThanOrEqualTo(2);
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Path softhsmConf) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
