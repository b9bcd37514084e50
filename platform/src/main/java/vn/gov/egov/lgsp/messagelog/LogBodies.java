package vn.gov.egov.lgsp.messagelog;

/** The opened bodies of one record (null when none was kept). Handle as personal data: never log them. */
public record LogBodies(byte[] request, byte[] response) {

    @Override
    public String toString() {
        return "LogBodies[request=" + (request == null ? "none" : request.length + " bytes")
                + ", response=" + (response == null ? "none" : response.length + " bytes") + "]";
    }
}
