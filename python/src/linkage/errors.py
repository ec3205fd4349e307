"""The one exception the package raises."""

from __future__ import annotations


class LinkageError(RuntimeError):
    """Linkage refused a request or could not be reached; the message says why and what to change.

    `code` is the server's error code (BAD_USER_INPUT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, CONFLICT,
    DATABASE_UNAVAILABLE, QUERY_TIMEOUT, RATE_LIMITED, INTERNAL_SERVER_ERROR), or None when the server
    never answered. `errors` holds every GraphQL error of the response.
    """

    def __init__(self, message: str, code: str | None = None, errors: list[dict] | None = None):
        super().__init__(f"{code}: {message}" if code else message)
        self.message = message
        self.code = code
        self.errors = errors or []
