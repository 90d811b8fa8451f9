-- After a rotation of the field key, the start-up step finds the values an older key version sealed (the first byte
-- of the ciphertext) without reading every row (docs/adr/0016).
create index person_id_number_version on identity.person ((get_byte(id_number_enc, 0)));
create index person_phone_version on identity.person ((get_byte(phone_enc, 0))) where phone_enc is not null;
