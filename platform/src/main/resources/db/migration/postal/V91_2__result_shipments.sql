-- Results sent to applicants by post (bưu gửi trả kết quả): one shipment per dossier, created through VNPost with the
-- dossier id as the sender's reference (VNPost gives the same item for the same reference, so a retry never makes a
-- second shipment). PENDING until VNPost accepted it; then VNPost's tracking state. The recipient's address is sealed.
create table postal_shipment (
    dossier_id          uuid primary key,
    dossier_code        text        not null,
    agency_code         text        not null,
    recipient_name      text,
    address_sealed      text,
    item_number         text unique,
    state               text        not null check (state in ('PENDING', 'ACCEPTED', 'IN_TRANSIT', 'DELIVERED',
                                                             'RETURNED_TO_SENDER', 'CANCELLED')),
    tracking            text,
    attempts            integer     not null default 0,
    last_error          text,
    created_at          timestamptz not null,
    shipped_at          timestamptz,
    return_recorded_at  timestamptz,
    last_tracked_at     timestamptz,
    updated_at          timestamptz not null
);
create index postal_shipment_open on postal_shipment (updated_at)
    where state not in ('DELIVERED', 'RETURNED_TO_SENDER', 'CANCELLED') or return_recorded_at is null;
