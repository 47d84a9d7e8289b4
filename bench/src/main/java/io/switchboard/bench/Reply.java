package io.switchboard.bench;

/** What the server answered: the status and the body as text. */
record Reply(int status, String body) {}
