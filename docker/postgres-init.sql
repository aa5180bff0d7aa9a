-- Keycloak keeps its data in the same PostgreSQL server, in its own database.
create database keycloak owner artmint;
