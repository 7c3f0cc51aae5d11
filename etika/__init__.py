"""Etika AI course library.

Everything a chapter notebook or a graded exercise runs lives here, documented and tested:
seeded scenario data (:mod:`etika.data`), group metrics (:mod:`etika.fairness`), demo tables
and their two views (:mod:`etika.demos`), and the user-interface strings of both course
languages (:mod:`etika.i18n`).
"""

from etika.i18n import current_language, set_language, t

__all__ = ["current_language", "set_language", "t"]
__version__ = "0.1.0"
