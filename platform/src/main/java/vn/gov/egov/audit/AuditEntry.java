package vn.gov.egov.audit;

/** An entry of the chain: its number, what it says, its predecessor's hash and its own. */
record AuditEntry(long sequence, EntryContent content, String previousHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    /** Seals content as entry {@code sequence} after an entry whose hash is {@code previousHash}. */
    static AuditEntry seal(long sequence, EntryContent content, String previousHash) {
        return new AuditEntry(sequence, content, previousHash, ChainHash.of(sequence, content, previousHash));
    }

    /** True when the stored hash is the hash of what the entry says now. */
    boolean intact() {
        return hash.equals(ChainHash.of(sequence, content, previousHash));
    }
}
