"""Check that the Prefect API a run will report to answers, before the run starts.

With PREFECT_API_URL pointing at a server that accepts connections but never answers,
`pagewash clean` waited on Prefect's client for over six minutes (then we stopped it);
a refused connection ended in a hundred-line traceback. One health request with a short
timeout says at once what is wrong and what to do. Without PREFECT_API_URL, Prefect
starts its own temporary server, and there is nothing to check.
"""

from __future__ import annotations

import ssl

import certifi
import httpx

# Seconds to wait for the server to accept the connection and answer /health.
TIMEOUT = 5.0
ADVICE = "start it with `make serve`, or unset PREFECT_API_URL to use Prefect's embedded server"


class ApiUnavailable(RuntimeError):
    """The configured Prefect API did not answer its health check."""


def check_api(url: str, timeout: float = TIMEOUT, verify: ssl.SSLContext | bool = True) -> None:
    """Raise ApiUnavailable, saying what to do, unless the Prefect API at url answers /health.

    Any answer below 500 counts: a server that answers is there, and Prefect reports a
    wrong path or a missing key itself, at once. Only silence, a refused connection and
    a server error (a proxy in front of a stopped server) are what Prefect retries.
    """
    health = url.rstrip("/") + "/health"
    try:
        response = httpx.get(health, timeout=timeout, verify=verify)
    except httpx.TimeoutException:
        raise ApiUnavailable(
            f"the Prefect API at {url} did not answer within {timeout:g} s: {ADVICE}"
        ) from None
    except httpx.HTTPError as err:
        reason = str(err) or type(err).__name__
        raise ApiUnavailable(
            f"cannot reach the Prefect API at {url} ({reason}): {ADVICE}"
        ) from None
    if response.status_code >= 500:
        raise ApiUnavailable(
            f"the Prefect API at {url} answered {response.status_code} to /health: {ADVICE}"
        )


def require_api(timeout: float = TIMEOUT) -> None:
    """Exit with a message when the configured Prefect API does not answer; else return."""
    from prefect.settings import get_current_settings

    api = get_current_settings().api
    if not api.url:
        return
    verify = tls_context(api.tls_insecure_skip_verify, api.ssl_cert_file)
    try:
        check_api(str(api.url), timeout, verify)
    except ApiUnavailable as err:
        raise SystemExit(f"pagewash: {err}") from None


def tls_context(skip_verify: bool, cert_file: str | None) -> ssl.SSLContext:
    """Return the TLS context Prefect's own client would use, so both agree on a server."""
    if skip_verify:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    return ssl.create_default_context(cafile=cert_file or certifi.where())
