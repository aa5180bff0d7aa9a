-- why an admin hid an artwork, shown to admins (the only ones who still see it); null while it is visible
alter table artwork add column hidden_reason varchar(500);
