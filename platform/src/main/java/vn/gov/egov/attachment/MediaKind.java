package vn.gov.egov.attachment;

import java.util.Set;

/** The kinds of file a dossier may hold, recognised by their content. */
public enum MediaKind {
    PDF("application/pdf", Set.of("pdf")),
    JPEG("image/jpeg", Set.of("jpg", "jpeg")),
    PNG("image/png", Set.of("png"));

    private final String mediaType;
    private final Set<String> extensions;

    MediaKind(String mediaType, Set<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return this == JPEG ? "jpg" : name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean hasExtension(String extension) {
        return extensions.contains(extension);
    }
}
