-- After a rotation of the field key, the start-up step finds the licence documents an older key version sealed (the
-- first byte of the ciphertext) without reading every row (docs/adr/0016).
create index license_content_version on licenses.license ((get_byte(content, 0)));
