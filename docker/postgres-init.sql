-- Switchboard's own database beside the ones Temporal's auto-setup creates for itself.
CREATE DATABASE switchboard;
