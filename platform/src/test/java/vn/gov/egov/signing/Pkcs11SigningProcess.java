package vn.gov.egov.signing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;

/**
 * The child JVM of {@link Pkcs11SigningTest}: SoftHSM reads its configuration from the environment variable
 * {@code SOFTHSM2_CONF}, which a running JVM cannot set for the native library, so the token is used from a JVM
 * started with it. Imports a PKCS#12 key and its chain into the token, then signs a PDF exactly as production does:
 * {@code egov.signing.key-source=keystore} with one {@code PKCS11} keystore (the SunPKCS11 configuration file and the
 * PIN), through {@link AgencyKeys} and {@link DssPdfSigning}. Prints what it used on standard output.
 * <p>
 * Arguments: pkcs11.cfg pin key.p12 p12-password alias agency-code agency-name in.pdf out.pdf font.ttf
 */
final class Pkcs11SigningProcess {

    private Pkcs11SigningProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        String pin = args[1];
        Path p12 = Path.of(args[2]);
        char[] p12Password = args[3].toCharArray();
        String alias = args[4];
        SigningAgency agency = new SigningAgency(args[5], args[6]);
        byte[] pdf = Files.readAllBytes(Path.of(args[7]));
        Path out = Path.of(args[8]);
        byte[] font = Files.readAllBytes(Path.of(args[9]));

        // 1. the key arrives in the token as from the agency's CA (a provider of its own, not registered)
        KeyStore file = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            file.load(in, p12Password);
        }
        Provider importing = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", importing);
        token.load(null, pin.toCharArray());
        token.setKeyEntry(alias, (PrivateKey) file.getKey(alias, p12Password), null, file.getCertificateChain(alias));
        System.out.println("imported: " + Collections.list(token.aliases()));

        // 2. production's path: the configured PKCS#11 keystore opened at start-up, the agency signs with it
        SigningProperties production = new SigningProperties(SigningProperties.KeySource.KEYSTORE, false, "RSA",
                Duration.ofDays(365), null,
                List.of(new SigningProperties.Keystore(List.of(agency.code()), "PKCS11", config.toString(), pin, alias)),
                List.of(), false);
        AgencyKeys keys = new AgencyKeys(production, null);
        AgencyKey key = keys.keyOf(agency, "test");
        System.out.println("source: " + key.source());
        System.out.println("key: " + key.privateKey().getClass().getName() + " format=" + key.privateKey().getFormat());
        System.out.println("serial: " + key.serial());
        OfficialPapers papers = new OfficialPapers() {
            @Override
            public byte[] render(Paper paper) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] regularFont(String text) {
                return font;
            }
        };
        DssPdfSigning signing = new DssPdfSigning(keys, new RevocationLists(null, production), new OcspResponses(null, production), production,
                papers, "Lạng Sơn");
        SignedPdf signed = signing.sign(agency, pdf, new SignerDetails("Nguyễn Văn Bình", "Giám đốc", null,
                "Ký bằng khóa trên thiết bị PKCS#11", vn.gov.egov.printing.Signature.DIGITAL_SIGNATURE_FIELD));
        Files.write(out, signed.content());
        System.out.println("signed: " + signed.signatureLevel() + " " + signed.certificateSerial());
        Certificate[] chain = token.getCertificateChain(alias);
        System.out.println("chain: " + (chain == null ? 0 : chain.length));
    }
}
