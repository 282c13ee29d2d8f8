#!/usr/bin/env python3
"""A local SMTP server for the drills: appends one line per message received to a file,
   <X-SLA-Desk-Notification id> TAB <recipients> TAB <subject> TAB <Message-ID>, and keeps nothing else.
   Usage: smtp_sink.py PORT FILE"""
import asyncore
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import smtpd  # noqa: E402  (Python 3.11: deprecated, still shipped; the drills need nothing more)
from email.parser import BytesHeaderParser  # noqa: E402
from email.header import decode_header, make_header  # noqa: E402


class Sink(smtpd.SMTPServer):
    def __init__(self, port, path):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.out = open(path, "a", buffering=1, encoding="utf-8")

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        headers = BytesHeaderParser().parsebytes(data)
        subject = str(make_header(decode_header(headers.get("Subject", "")))).replace("\t", " ").replace("\n", " ")
        self.out.write("%s\t%s\t%s\t%s\n" % (headers.get("X-SLA-Desk-Notification", "-"), ",".join(rcpttos), subject,
                                           headers.get("Message-ID", "-")))
        return None


if __name__ == "__main__":
    Sink(int(sys.argv[1]), sys.argv[2])
    asyncore.loop(timeout=0.5)
