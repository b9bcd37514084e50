-- The platform's own client-credentials secret at the province's SSO, sealed (made once by the first node).
CREATE TABLE lgsp_client_credential (
    client_id     text PRIMARY KEY,
    sealed_secret text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
