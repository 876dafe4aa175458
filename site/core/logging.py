"""One-line ``key=value`` log records for production (journald, Loki and grep read them).

Records carry what the code put in the message and nothing else: never the request object,
the client address or a query string. Values with spaces, quotes or line breaks are
JSON-quoted, so a record never spans two lines (tracebacks included).
"""

import json
import logging
import re

SAFE_VALUE = re.compile(r"^[\w.:/@+-]*$")
# Attributes Django adds to django.request / django.server records that are safe to keep.
EXTRA_FIELDS = ("status_code",)


def quote(value) -> str:
    text = str(value)
    return text if text and SAFE_VALUE.match(text) else json.dumps(text, ensure_ascii=False)


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in EXTRA_FIELDS:
            if hasattr(record, name):
                fields[name] = getattr(record, name)
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        return " ".join(f"{key}={quote(value)}" for key, value in fields.items())
