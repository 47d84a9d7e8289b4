"""Schemathesis checks for Switchboard's REST API (loaded by .ci/fuzz-api via SCHEMATHESIS_HOOKS)."""
import schemathesis


@schemathesis.check
def problem_json(ctx, response, case):
    """Every error is an RFC 9457 problem document (application/problem+json with a status)."""
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])
    if isinstance(content_type, list):
        content_type = content_type[0] if content_type else ""
    if not content_type.startswith("application/problem+json"):
        raise AssertionError(
            f"{response.status_code} answered as {content_type or 'no content type'},"
            " not application/problem+json")
    body = response.json()
    if body.get("status") != response.status_code:
        raise AssertionError(f"problem status {body.get('status')} != HTTP {response.status_code}")
    return None
