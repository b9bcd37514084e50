package vn.gov.egov.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/** An RFC 3161 time-stamping authority over HTTP ({@code egov.signing.tsa-url}): makes signatures PAdES-BASELINE-T. */
final class HttpTimestamps implements TSPSource {

    /** The authority did not give a time-stamp: signing stops (a B-T signature without one would be B-B). */
    static final class Unavailable extends DSSException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String address;
    private final transient HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final transient SecureRandom random = new SecureRandom();

    HttpTimestamps(String address) {
        this.address = address;
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(new ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest,
                    new BigInteger(64, random));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Unavailable(address + " answered HTTP " + response.statusCode(), null);
            }
            TimeStampResponse answer = new TimeStampResponse(response.body());
            answer.validate(request);
            if (answer.getTimeStampToken() == null) {
                throw new Unavailable(address + " gave no token: " + answer.getStatusString(), null);
            }
            return new TimestampBinary(answer.getTimeStampToken().getEncoded());
        } catch (Unavailable e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking " + address, e);
        } catch (Exception e) {
            throw new Unavailable(address + ": " + e.getMessage(), e);
        }
    }
}
