-- Where each file's bytes are: 'fs' in the content-addressed file store (ab/cd/<sha256>, content NULL), 'db' in the
-- content column as before. Existing rows are 'db' and stay readable whatever egov.attachment.content-store says.
ALTER TABLE attachment_content ADD COLUMN location varchar(2) NOT NULL DEFAULT 'db' CHECK (location IN ('fs', 'db'));
ALTER TABLE attachment_content ALTER COLUMN content DROP NOT NULL;
ALTER TABLE attachment_content ADD CONSTRAINT attachment_content_location_content
    CHECK ((location = 'db') = (content IS NOT NULL));
