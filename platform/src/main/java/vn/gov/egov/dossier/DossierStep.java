package vn.gov.egov.dossier;

import java.time.Instant;

/** One step of a dossier's timeline. {@code actorKind}: citizen, official, system, channel. */
public record DossierStep(int seq, Instant at, String action, DossierStatus status, String actor, String actorKind,
                          String note) {
}
